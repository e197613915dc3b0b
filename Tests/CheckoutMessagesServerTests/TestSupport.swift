import CheckoutMessages
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import CheckoutMessagesServer

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// An application over the router the service uses, with its store, for router and live tests.
struct TestService {
    let store: CatalogStore
    let metrics: ServerMetrics
    let readiness = Readiness()
    let application: Application<RouterResponder<BasicRequestContext>>

    init(_ configuration: ServerConfiguration = ServerConfiguration()) throws {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        store = try CatalogStore(directory: configuration.localesDirectory, defaultLocale: configuration.defaultLocale, logger: logger)
        metrics = ServerMetrics()
        application = Application(router: buildRouter(configuration, store: store, metrics: metrics, readiness: readiness), logger: logger)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] }
}

func jsonBody(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

let jsonHeaders: HTTPFields = [.contentType: "application/json"]
