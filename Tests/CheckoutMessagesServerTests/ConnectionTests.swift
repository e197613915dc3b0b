#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTesting
import Logging
import Testing

@testable import CheckoutMessagesServer

/// A plain TCP connection to the server on loopback, for what HTTP clients will not do: send half a
/// request, trickle bytes, hold a connection open. Reads block, so they run on a dispatch queue: blocking
/// the test's own (cooperative) threads would starve the server under test, which answers on them too.
final class RawConnection: @unchecked Sendable {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) {
        _ = text.withCString { Glibc.send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the peer closes or `seconds` pass: the bytes, and whether the peer closed.
    func readUntilClosed(seconds: Double) async -> (text: String, closed: Bool) {
        await offThePool { self.blockingReadUntilClosed(seconds: seconds) }
    }

    /// Reads one response's worth of bytes (waits until something arrives, up to `seconds`).
    func readResponse(seconds: Double = 5) async -> String {
        await offThePool { self.blockingReadResponse(seconds: seconds) }
    }

    private func offThePool<T: Sendable>(_ read: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in DispatchQueue.global().async { continuation.resume(returning: read()) } }
    }

    private func blockingReadUntilClosed(seconds: Double) -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let end = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < end {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, end.timeIntervalSinceNow * 1000)))
            if ready <= 0 { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received += buffer[0..<count]
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    private func blockingReadResponse(seconds: Double) -> String {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return "" }
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }
}

/// Log entries, for asserting on levels.
final class CapturedLogs: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(Logger.Level, String)] = []

    func append(_ level: Logger.Level, _ message: String) {
        lock.withLock { entries.append((level, message)) }
    }

    var all: [(Logger.Level, String)] { lock.withLock { entries } }

    struct Handler: LogHandler {
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            logs.append(event.level, event.message.description)
        }
    }
}

@Suite("Connections: timeouts, the connection cap, client protocol errors, probes and drain")
struct ConnectionTests {
    /// The service's router on the guarded HTTP/1 server, on a free port.
    static func liveApplication(_ limits: ConnectionLimits, logs: CapturedLogs = CapturedLogs())
        throws -> (some ApplicationProtocol, ServerMetrics)
    {
        let logger = Logger(label: "test") { _ in CapturedLogs.Handler(logs: logs) }
        let configuration = ServerConfiguration(port: 0, connectionLimits: limits)
        let store = try CatalogStore(directory: nil, defaultLocale: "en", logger: logger)
        let metrics = ServerMetrics()
        let application = Application(
            router: buildRouter(configuration, store: store, metrics: metrics),
            server: .guardedHTTP1(counter: metrics.connections, limits: limits),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: logger)
        return (application, metrics)
    }

    @Test("half a request line is closed after the idle timeout, not before")
    func halfRequestLineTimesOut() async throws {
        let (application, _) = try Self.liveApplication(ConnectionLimits(idleTimeout: .seconds(1), requestHeaderTimeout: .seconds(30)))
        try await application.test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            let start = Date()
            connection.send("GET /v1/reso")
            let (_, closed) = await connection.readUntilClosed(seconds: 5)
            let elapsed = Date().timeIntervalSince(start)
            #expect(closed)
            #expect(elapsed >= 0.9 && elapsed < 4, "closed after \(elapsed) s")
        }
    }

    @Test("a request head trickled a byte at a time is closed after the request-header timeout")
    func trickledHeadTimesOut() async throws {
        let (application, metrics) = try Self.liveApplication(ConnectionLimits(idleTimeout: .seconds(30), requestHeaderTimeout: .seconds(1)))
        try await application.test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            let start = Date()
            var closedAt: Double?
            for byte in "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + String(repeating: "a", count: 40) {
                connection.send(String(byte))
                let (_, closed) = await connection.readUntilClosed(seconds: 0.1)
                if closed {
                    closedAt = Date().timeIntervalSince(start)
                    break
                }
            }
            let elapsed = try #require(closedAt, "the connection stayed open")
            #expect(elapsed >= 0.9 && elapsed < 3, "closed after \(elapsed) s")
            #expect(String(decoding: metrics.exposition(), as: UTF8.self)
                .contains(#"checkout_messages_connections_closed_by_guard_total{reason="request_header_timeout"} 1"#))
        }
    }

    @Test("a complete request on a kept-alive connection is answered, and the connection stays usable")
    func keepAliveStillWorks() async throws {
        let (application, _) = try Self.liveApplication(ConnectionLimits(idleTimeout: .seconds(5), requestHeaderTimeout: .seconds(1)))
        try await application.test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            for _ in 0..<3 {
                connection.send("GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = await connection.readResponse()
                #expect(response.hasPrefix("HTTP/1.1 200 OK"))
                #expect(response.hasSuffix(#"{"status":"alive"}"#))
                try await Task.sleep(for: .milliseconds(1500))  // longer than the head timeout, between requests
            }
        }
    }

    @Test("beyond the connection cap a connection gets 503 and is closed; below it again, requests work")
    func connectionCap() async throws {
        let server = try ServingBinary(["--max-connections", "2"])
        defer { server.stop() }
        var first: RawConnection? = try RawConnection(port: server.port)
        let second = try RawConnection(port: server.port)
        first?.send("GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await first?.readResponse().hasPrefix("HTTP/1.1 200 OK") == true)
        second.send("GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await second.readResponse().hasPrefix("HTTP/1.1 200 OK"))

        let third = try RawConnection(port: server.port)
        let (refusal, closed) = await third.readUntilClosed(seconds: 3)
        #expect(refusal == "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n")
        #expect(closed)
        second.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        let (exposition, _) = await second.readUntilClosed(seconds: 1)
        #expect(exposition.contains(#"checkout_messages_connections_closed_by_guard_total{reason="limit"} 1"#))
        #expect(exposition.contains("checkout_messages_connections_open 2"))

        first = nil  // closes it: room for one more
        var answered = false
        for _ in 0..<50 where !answered {
            try await Task.sleep(for: .milliseconds(50))
            let fourth = try RawConnection(port: server.port)
            fourth.send("GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")
            answered = await fourth.readResponse(seconds: 1).hasPrefix("HTTP/1.1 200 OK")
        }
        #expect(answered)
    }

    @Test("a body cut short by the client is counted and logged below error level")
    func bodyCutShort() async throws {
        let logs = CapturedLogs()
        let (application, metrics) = try Self.liveApplication(ConnectionLimits(), logs: logs)
        try await application.test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send("POST /v1/resolve HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{\"status\": 4")
            shutdown(connection.descriptor, Int32(SHUT_WR))
            _ = await connection.readUntilClosed(seconds: 3)
            var counted = false
            for _ in 0..<40 where !counted {
                counted = String(decoding: metrics.exposition(), as: UTF8.self).contains("checkout_messages_client_protocol_errors_total 1")
                if !counted { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(counted)
        }
        #expect(!logs.all.contains { $0.0 >= .error }, "\(logs.all.filter { $0.0 >= .error })")
        #expect(logs.all.contains { $0.0 == .info && $0.1 == "client broke the HTTP protocol mid-request" })
    }

    @Test func probes() async throws {
        let service = try TestService()
        try await service.application.test(.router) { client in
            try await client.execute(uri: "/livez", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"alive"}"#)
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ready","locales":54}"#)
            }
            service.readiness.startDraining()
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.text == #"{"status":"draining"}"#)
            }
            try await client.execute(uri: "/livez", method: .get) { response in
                #expect(response.status == .ok)  // draining is not dying
            }
        }
    }

    @Test("SIGTERM drains: readiness 503, the request in flight completes, new connections are refused, exit 0")
    func drainOnSIGTERM() async throws {
        // Generous delay and timeout: under ThreadSanitizer, with every suite running at once, the test
        // process can stall for seconds; each step below waits for its condition rather than a time.
        let server = try ServingBinary(["--drain-delay", "8", "--drain-timeout", "60"])
        let process = server.process
        let boundPort = server.port
        defer { server.stop() }

        // A request in flight: its head and half its body are in before the signal.
        let inFlight = try RawConnection(port: boundPort)
        let body = #"{"status": 503}"#
        inFlight.send("POST /v1/resolve HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n{\"sta")
        try await Task.sleep(for: .milliseconds(200))
        kill(process.processIdentifier, SIGTERM)

        // During the drain delay: still serving, but not ready (the signal is handled asynchronously).
        var readiness = ""
        for _ in 0..<40 where !readiness.hasPrefix("HTTP/1.1 503") {
            let probe = try RawConnection(port: boundPort)
            probe.send("GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            readiness = await probe.readUntilClosed(seconds: 5).text
            if !readiness.hasPrefix("HTTP/1.1 503") { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(readiness.hasPrefix("HTTP/1.1 503"))
        #expect(readiness.hasSuffix(#"{"status":"draining"}"#))

        // After it: the listener is closed.
        var refused = false
        for _ in 0..<300 where !refused {
            do {
                _ = try RawConnection(port: boundPort)
                try await Task.sleep(for: .milliseconds(100))
            } catch {
                refused = true
            }
        }
        #expect(refused)

        // The request in flight still completes.
        inFlight.send(String(body.dropFirst(5)))
        // The server closes it after the response: it is draining.
        let (response, closedAfter) = await inFlight.readUntilClosed(seconds: 20)
        #expect(closedAfter)
        #expect(response.hasPrefix("HTTP/1.1 200 OK"), "\(response)")
        #expect(response.contains(#""presentation":"retry""#))

        var exited = false
        for _ in 0..<300 where !exited {
            exited = !process.isRunning
            if !exited { try await Task.sleep(for: .milliseconds(100)) }
        }
        if !exited { process.terminate() }
        process.waitUntilExit()
        #expect(exited)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}

@Suite("Running as a fleet: watch mode and identical replicas")
struct FleetTests {
    /// GET on the serving binary over a fresh connection: status line and body.
    static func get(_ path: String, port: Int) async throws -> (status: String, body: String) {
        let connection = try RawConnection(port: port)
        connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let (text, _) = await connection.readUntilClosed(seconds: 5)
        let parts = text.components(separatedBy: "\r\n\r\n")
        return (String(parts.first?.split(separator: "\r\n").first ?? ""), parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Waits until `/metrics` shows `count` reloads with this result.
    static func waitForReloads(_ result: String, count: Int, port: Int) async throws -> Bool {
        for _ in 0..<100 {
            let (_, body) = try await get("/metrics", port: port)
            if body.contains("checkout_messages_catalog_reloads_total{result=\"\(result)\"} \(count)") { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test("--watch: a broken file is rejected and the old catalog keeps serving; the fix is applied")
    func watchModeReloads() async throws {
        let folder = try LocaleFolder()
        defer { folder.remove() }
        let server = try ServingBinary(["--locales", folder.url.path, "--watch", "--watch-interval", "0.2"])
        defer { server.stop() }
        let german = "/v1/resolve?code=1035&locale=de"
        #expect(try await Self.get(german, port: server.port).body.contains(germanDecline))

        let original = try folder.read("de.yaml")
        try folder.write("de.yaml", original + "\nbroken: {unclosed\n")
        #expect(try await Self.waitForReloads("rejected", count: 1, port: server.port))
        #expect(try await Self.get(german, port: server.port).body.contains(germanDecline))

        try folder.write("de.yaml", original.replacingOccurrences(of: "message: Ihre Zahlung wurde abgelehnt.",
                                                                   with: "message: Die Zahlung wurde abgelehnt."))
        #expect(try await Self.waitForReloads("applied", count: 1, port: server.port))
        #expect(try await Self.get(german, port: server.port).body
            .contains("Die Zahlung wurde abgelehnt. Bitte verwenden Sie eine andere Karte oder Zahlungsart."))
    }

    @Test("two replicas (two processes) with the same content answer the same ETags")
    func replicasAgreeOnETags() async throws {
        let paths = ["/v1/catalog/de", "/v1/catalog/es-MX", "/v1/locales", "/v1/resolve?code=1034&locale=fr", "/openapi.yaml"]
        let replicas = [try ServingBinary([]), try ServingBinary([])]
        defer { replicas.forEach { $0.stop() } }
        #expect(replicas[0].port != replicas[1].port)
        var tags: [[String]] = []
        for replica in replicas {
            var replicaTags: [String] = []
            for path in paths {
                let connection = try RawConnection(port: replica.port)
                connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                let (text, _) = await connection.readUntilClosed(seconds: 5)
                let etag = text.components(separatedBy: "\r\n\r\n").first?.split(separator: "\r\n")
                    .first { $0.lowercased().hasPrefix("etag:") }.map { String($0.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
                replicaTags.append(etag ?? "none")
            }
            tags.append(replicaTags)
        }
        #expect(tags[0] == tags[1])
        #expect(!tags[0].contains("none"))
        #expect(Set(tags[0]).count == paths.count)
    }
}
