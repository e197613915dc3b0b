import ArgumentParser
import CheckoutMessages
import CheckoutMessagesServer
import Hummingbird
import Logging

/// `checkout-messages serve`: the HTTP service for checkout frontends.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (POST/GET /v1/resolve, /v1/catalog/{locale}, /v1/locales, /v1/validate, ...).",
        discussion: """
            SIGTERM drains: /readyz answers 503 for --drain-delay while requests are still served, then the listener \
            closes and requests in flight finish within --drain-timeout; the exit status is 0. SIGINT shuts down \
            gracefully at once. SIGHUP (and, with --watch, a change of their files) reloads --locales DIR and \
            --rules FILE, then each --brand on its own: one with errors keeps serving its previous version.
            """
    )

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind (0: any free port).")
    var port = 8080

    @Option(help: "Folder of locale files to serve instead of the embedded catalog.")
    var locales: String?

    @Option(help: "Rules file to use instead of the embedded rules (same format as rules/default.yaml).")
    var rules: String?

    @Option(name: .customLong("brand"), help: ArgumentHelp("A brand: its name ([a-z0-9-]{1,64}) and its folder of partial locale files and optional rules.yaml (repeatable).", valueName: "name=dir"))
    var brands: [String] = []

    @Option(name: .customLong("default-locale"), help: "Locale used when negotiation finds nothing close enough.")
    var defaultLocale = "en"

    @Option(name: .customLong("allow-origin"), help: "Browser origin allowed by CORS (repeatable; `*` for any, `http://host:*` for any port). Default: localhost and 127.0.0.1 on any port.")
    var allowedOrigins: [String] = []

    @Option(name: .customLong("log-level"), help: "Least severe level logged.")
    var logLevel: Logger.Level = .info

    @Flag(help: "Also reload --locales DIR when its files change (polled; for folders mounted from a ConfigMap).")
    var watch = false

    @Option(name: .customLong("watch-interval"), help: "Seconds between checks of the folder with --watch.")
    var watchInterval: Double = 2

    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may stay without a complete request part before it is closed.")
    var idleTimeout: Double = 60

    @Option(name: .customLong("request-header-timeout"), help: "Seconds from a request's first byte to the end of its headers.")
    var requestHeaderTimeout: Double = 10

    @Option(name: .customLong("max-connections"), help: "Connections open at once; beyond it a new one gets 503 and is closed.")
    var maxConnections = 4096

    @Option(name: .customLong("drain-delay"), help: "On SIGTERM: seconds /readyz answers 503 while requests are still served.")
    var drainDelay: Double = 0

    @Option(name: .customLong("drain-timeout"), help: "On SIGTERM: the longest wait, in seconds, for requests in flight.")
    var drainTimeout: Double = 25

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        for (name, value) in [("--idle-timeout", idleTimeout), ("--request-header-timeout", requestHeaderTimeout), ("--drain-timeout", drainTimeout)] {
            guard value > 0, value <= 86_400 else { throw ValidationError("\(name) must be more than 0 and at most 86400 seconds") }
        }
        guard drainDelay >= 0, drainDelay <= 3600 else { throw ValidationError("--drain-delay must be from 0 to 3600 seconds") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard !watch || locales != nil || rules != nil || !brands.isEmpty else {
            throw ValidationError("--watch needs something to watch: --locales DIR, --rules FILE or --brand NAME=DIR")
        }
        _ = try brandDirectories()
        guard watchInterval >= 0.05, watchInterval <= 3600 else { throw ValidationError("--watch-interval must be from 0.05 to 3600 seconds") }
    }

    func run() async throws {
        var logger = Logger(label: "checkout-messages", factory: ServiceLogHandler.standardError)
        logger.logLevel = logLevel
        var configuration = ServerConfiguration(host: host, port: port, localesDirectory: locales, defaultLocale: defaultLocale,
                                                rulesFile: rules, brandDirectories: try brandDirectories())
        if !allowedOrigins.isEmpty { configuration.allowedOrigins = allowedOrigins }
        configuration.connectionLimits = ConnectionLimits(idleTimeout: .seconds(idleTimeout), requestHeaderTimeout: .seconds(requestHeaderTimeout),
                                                          maximumConnections: maxConnections)
        configuration.watchInterval = watch ? .seconds(watchInterval) : nil
        configuration.drainDelay = .seconds(drainDelay)
        configuration.drainTimeout = .seconds(drainTimeout)
        do {
            try await runServer(configuration, logger: logger)
        } catch let error as CatalogError {
            logger.critical("cannot load the catalog", metadata: ["error": "\(error)"])
            throw ExitCode(2)
        } catch let error as RulesError {
            logger.critical("cannot load the rules", metadata: ["error": "\(error)"])
            throw ExitCode(2)
        } catch let error as BrandsError {
            for (name, failure) in error.failures.sorted(by: { $0.key < $1.key }) {
                for line in failure.description.split(separator: "\n") {
                    logger.critical("cannot load a brand", metadata: ["brand": "\(name)", "diagnostic": "\(line)"])
                }
            }
            throw ExitCode(2)
        }
    }

    /// `--brand NAME=DIR` values by name; a malformed or repeated name is a usage error.
    private func brandDirectories() throws -> [BrandName: String] {
        var directories: [BrandName: String] = [:]
        for value in brands {
            let parts = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError("--brand takes name=dir, got \"\(value)\"") }
            guard let name = BrandName(rawValue: String(parts[0])) else {
                throw ValidationError("--brand \(value): a brand name is \(BrandName.rule)")
            }
            guard directories[name] == nil else { throw ValidationError("--brand \(name) is given twice") }
            directories[name] = String(parts[1])
        }
        return directories
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
