import Logging
import Synchronization
import Testing

@testable import CheckoutMessagesServer

/// Collects what a handler writes.
private final class Captured: TextOutputStream, @unchecked Sendable {  // all access under `lines`' lock
    let lines = Mutex<[String]>([])
    func write(_ string: String) { lines.withLock { $0.append(string) } }
}

private struct Boom: Error {}

@Suite("Service log handler")
struct ServiceLogHandlerTests {
    /// Each line without its timestamp (the first word), which may differ by a second between the two.
    fileprivate static func withoutTimestamps(_ captured: Captured) -> [String] {
        captured.lines.withLock { $0 }.map { String($0.drop { $0 != " " }) }
    }

    @Test("writes what StreamLogHandler writes, for every way metadata is given")
    func sameOutputAsStreamLogHandler() {
        let provider = Logger.MetadataProvider { ["provided": "p", "shared": "from-provider"] }
        for withProvider in [false, true] {
            let ours = Captured(), reference = Captured()
            var loggers = [
                Logger(label: "svc") { ServiceLogHandler(label: $0, stream: ours, metadataProvider: withProvider ? provider : nil) },
                Logger(label: "svc") { StreamLogHandler(label: $0, stream: reference, metadataProvider: withProvider ? provider : nil) },
            ]
            for index in loggers.indices {
                loggers[index].logLevel = .debug
                loggers[index].trace("below the level")
                loggers[index].info("no metadata")
                loggers[index][metadataKey: "hb.request.id"] = "42"
                loggers[index][metadataKey: "shared"] = "from-handler"
                loggers[index].info("handler metadata")
                loggers[index].warning("explicit wins", metadata: ["shared": "explicit", "b": .array(["1", "2"])])
                loggers[index].error("with an error", error: Boom())
                loggers[index][metadataKey: "hb.request.id"] = "43"
                loggers[index].notice("one replaced")
                loggers[index][metadataKey: "hb.request.id"] = nil
                loggers[index].debug("one removed", metadata: ["z": .dictionary(["k": "v"])], source: "Source")
            }
            let expected = Self.withoutTimestamps(reference)
            #expect(expected.count == 6)
            #expect(Self.withoutTimestamps(ours) == expected)
        }
    }
}
