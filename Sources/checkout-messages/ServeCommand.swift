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
        discussion: "SIGTERM or SIGINT shut down gracefully; SIGHUP reloads --locales DIR if the new set has no errors."
    )

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind (0: any free port).")
    var port = 8080

    @Option(help: "Folder of locale files to serve instead of the embedded catalog.")
    var locales: String?

    @Option(name: .customLong("default-locale"), help: "Locale used when negotiation finds nothing close enough.")
    var defaultLocale = "en"

    @Option(name: .customLong("allow-origin"), help: "Browser origin allowed by CORS (repeatable; `*` for any, `http://host:*` for any port). Default: localhost and 127.0.0.1 on any port.")
    var allowedOrigins: [String] = []

    @Option(name: .customLong("log-level"), help: "Least severe level logged.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        var logger = Logger(label: "checkout-messages", factory: ServiceLogHandler.standardError)
        logger.logLevel = logLevel
        var configuration = ServerConfiguration(host: host, port: port, localesDirectory: locales, defaultLocale: defaultLocale)
        if !allowedOrigins.isEmpty { configuration.allowedOrigins = allowedOrigins }
        do {
            let application = try buildApplication(configuration, logger: logger)
            try await application.runService()
        } catch let error as CatalogError {
            logger.critical("cannot load the catalog", metadata: ["error": "\(error)"])
            throw ExitCode(2)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
