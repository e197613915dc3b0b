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
        store = try CatalogStore(configuration: configuration, logger: logger)
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

/// The `checkout-messages` binary serving on a free port, for tests that need a process of its own
/// (signals, exact connection counts).
struct ServingBinary {
    let process: Process
    let port: Int

    init(_ arguments: [String]) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("checkout-messages")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the checkout-messages product first")
        process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--log-level", "info"] + arguments
        let standardError = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        try process.run()
        var found: Int?
        var logged = ""
        while found == nil {
            let data = standardError.fileHandleForReading.availableData
            if data.isEmpty { break }
            logged += String(decoding: data, as: UTF8.self)
            if let line = logged.split(separator: "\n").first(where: { $0.contains("Server started and listening on 127.0.0.1:") }),
               let number = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                found = number
            }
        }
        // Request logs keep coming: drain them so the server never blocks on a full pipe.
        standardError.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
        port = try #require(found, "the server did not start: \(logged)")
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
