// checkout-messages-bare-server: the HTTP benchmark's outer baseline, a hello-world Hummingbird app with no
// middleware and no routes but one (the reference the service's HTTP bar is set against). Not part of any product.
//
// Usage: checkout-messages-bare-server PORT
import Hummingbird
import Logging

let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 8081
var logger = Logger(label: "bare-server")
logger.logLevel = .warning
let router = Router()
router.get("/hello") { _, _ in "Hello, world!" }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
try await app.runService()
