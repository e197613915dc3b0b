import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import CheckoutMessagesServer

/// A copy of the shipped `locales/` in a temporary folder, to break and repair.
struct LocaleFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("locales-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("locales"), to: url)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

let germanDecline = "Ihre Zahlung wurde abgelehnt. Bitte verwenden Sie eine andere Karte oder Zahlungsart."

@Suite("Catalog reload")
struct ReloadTests {
    @Test("a broken set is rejected while requests keep succeeding with the old catalog")
    func brokenSetIsRejected() async throws {
        let folder = try LocaleFolder()
        defer { folder.remove() }
        let service = try TestService(ServerConfiguration(localesDirectory: folder.url.path))
        let logger = { () -> Logger in
            var logger = Logger(label: "reload")
            logger.logLevel = .critical
            return logger
        }()
        try await service.application.test(.router) { client in
            let original = try folder.read("de.yaml")
            try folder.write("de.yaml", original.replacingOccurrences(of: "message: Ihre Zahlung wurde abgelehnt.", with: "message: Ihre {Zahlung wurde abgelehnt."))
            try folder.write("fr.yaml", "decline.generic: [broken\n")
            let messages = try await withThrowingTaskGroup(of: [String].self) { group in
                group.addTask {
                    var seen: [String] = []
                    for _ in 0..<60 {
                        let message = try await client.execute(uri: "/v1/resolve?code=1035&locale=de", method: .get) { response in
                            #expect(response.status == .ok)
                            return response.json?["message"] as? String ?? ""
                        }
                        seen.append(message)
                    }
                    return seen
                }
                group.addTask {
                    for _ in 0..<3 {
                        #expect(service.store.reload(logger: logger).base == .rejected(errors: 2))
                    }
                    return []
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(messages.count == 60)
            #expect(messages.allSatisfy { $0 == germanDecline })

            // Repaired, with a changed translation: the reload is applied.
            try folder.write("de.yaml", original.replacingOccurrences(of: "message: Ihre Zahlung wurde abgelehnt.", with: "message: Die Zahlung wurde abgelehnt."))
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("fr.yaml"))
            #expect(service.store.reload(logger: logger).base == .applied(locales: 53))  // 52 shipped − fr + 2 pseudo
            try await client.execute(uri: "/v1/resolve?code=1035&locale=de", method: .get) { response in
                #expect(response.json?["message"] as? String == "Die Zahlung wurde abgelehnt. Bitte verwenden Sie eine andere Karte oder Zahlungsart.")
            }
        }
    }

    @Test("SIGHUP to the running binary: a broken set changes nothing, a good one is applied")
    func sighupToTheBinary() async throws {
        let folder = try LocaleFolder()
        defer { folder.remove() }
        let server = try ServingBinary(["--locales", folder.url.path])
        defer { server.stop() }
        let process = server.process
        let boundPort = server.port

        func get(_ path: String) async throws -> (Int, Data) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(boundPort)\(path)")!)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        }
        func german() async throws -> (Int, String) {
            let (status, data) = try await get("/v1/resolve?code=1035&locale=de")
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return (status, json?["message"] as? String ?? "")
        }
        /// Waits until the service has counted a reload with this result (the signal is handled asynchronously).
        func waitForReload(_ result: String) async throws -> Bool {
            for _ in 0..<100 {
                let (_, data) = try await get("/metrics")
                if String(decoding: data, as: UTF8.self).contains("result=\"\(result)\"} 1") { return true }
                try await Task.sleep(for: .milliseconds(50))
            }
            return false
        }
        let (firstStatus, firstMessage) = try await german()
        #expect(firstStatus == 200)
        #expect(firstMessage == germanDecline)

        let original = try folder.read("de.yaml")
        try folder.write("de.yaml", original.replacingOccurrences(of: "message: Ihre Zahlung wurde abgelehnt.", with: "message: Ihre {Zahlung wurde abgelehnt."))
        kill(process.processIdentifier, SIGHUP)
        #expect(try await waitForReload("rejected"))
        let (status, message) = try await german()
        #expect(status == 200)
        #expect(message == germanDecline)
        #expect(process.isRunning)

        try folder.write("de.yaml", original.replacingOccurrences(of: "message: Ihre Zahlung wurde abgelehnt.", with: "message: Die Zahlung wurde abgelehnt."))
        kill(process.processIdentifier, SIGHUP)
        #expect(try await waitForReload("applied"))
        let (appliedStatus, appliedMessage) = try await german()
        #expect(appliedStatus == 200)
        #expect(appliedMessage.hasPrefix("Die Zahlung"))
    }
}
