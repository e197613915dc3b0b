import CheckoutMessages

/// How the HTTP service runs. A value type with defaults suited to local development.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback by default.
    public var host: String
    /// Port to bind; 0 picks a free one.
    public var port: Int
    /// A folder of locale files to serve instead of the embedded catalog; `SIGHUP` reloads it.
    public var localesDirectory: String?
    /// The locale used when negotiation finds nothing close enough.
    public var defaultLocale: String
    /// A rules file to use instead of the embedded rules; `SIGHUP` reloads it.
    public var rulesFile: String?
    /// Brand folders by name (`brand=NAME` picks one); `SIGHUP` reloads each.
    public var brandDirectories: [BrandName: String]
    /// Browser origins allowed to call the service (CORS): exact origins such as `https://shop.example`,
    /// `scheme://host:*` for any port of a host, or `*` for any origin.
    public var allowedOrigins: [String]
    /// Largest accepted body of `POST /v1/resolve`; a resolve request is a few KB at most.
    public var maximumResolveBodySize: Int
    /// Largest accepted body of `POST /v1/validate` (a locale file).
    public var maximumValidateBodySize: Int
    /// `Cache-Control` max-age for `GET /v1/resolve`, in seconds.
    public var resolveMaxAge: Int
    /// `Cache-Control` max-age for `GET /v1/catalog/{locale}`, in seconds.
    public var catalogMaxAge: Int
    /// Whether anything is read from disk, so that `SIGHUP` (or `--watch`) has something to reload.
    public var reloads: Bool { localesDirectory != nil || rulesFile != nil || !brandDirectories.isEmpty }

    /// Poll `localesDirectory` for changes this often and reload on one (nil: only on `SIGHUP`).
    public var watchInterval: Duration?
    /// Idle and request-head timeouts and the connection cap.
    public var connectionLimits: ConnectionLimits
    /// On `SIGTERM`: how long `/readyz` answers 503 while requests are still served, before the listener closes.
    public var drainDelay: Duration
    /// On `SIGTERM`: the longest wait for requests in flight after the listener closes.
    public var drainTimeout: Duration

    /// Creates a configuration; every value has a default for local development.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        localesDirectory: String? = nil,
        defaultLocale: String = "en",
        rulesFile: String? = nil,
        brandDirectories: [BrandName: String] = [:],
        allowedOrigins: [String] = ["http://localhost:*", "http://127.0.0.1:*"],
        maximumResolveBodySize: Int = 16 * 1024,
        maximumValidateBodySize: Int = 256 * 1024,
        resolveMaxAge: Int = 300,
        catalogMaxAge: Int = 3600,
        watchInterval: Duration? = nil,
        connectionLimits: ConnectionLimits = ConnectionLimits(),
        drainDelay: Duration = .zero,
        drainTimeout: Duration = .seconds(25)
    ) {
        self.host = host
        self.port = port
        self.localesDirectory = localesDirectory
        self.defaultLocale = defaultLocale
        self.rulesFile = rulesFile
        self.brandDirectories = brandDirectories
        self.allowedOrigins = allowedOrigins
        self.maximumResolveBodySize = maximumResolveBodySize
        self.maximumValidateBodySize = maximumValidateBodySize
        self.resolveMaxAge = resolveMaxAge
        self.catalogMaxAge = catalogMaxAge
        self.watchInterval = watchInterval
        self.connectionLimits = connectionLimits
        self.drainDelay = drainDelay
        self.drainTimeout = drainTimeout
    }
}
