import Logging

/// Writes exactly what swift-log's `StreamLogHandler` writes, without its cost per metadata change:
/// `StreamLogHandler` renders all of its metadata into a string whenever one item is set, and Hummingbird
/// sets the request id on every request (about 1 µs, a twentieth of a `/healthz` answer). Here metadata is
/// rendered only for a message that is actually logged.
public struct ServiceLogHandler: LogHandler {
    /// Renders and writes; holds no metadata of its own, so setting ours never re-renders anything.
    private var output: StreamLogHandler
    /// Metadata added to every logged line, as swift-log's handlers do.
    public var metadataProvider: Logger.MetadataProvider?
    /// This handler's metadata; setting it renders nothing until a line is logged.
    public var metadata: Logger.Metadata = [:]

    /// The least severe level written.
    public var logLevel: Logger.Level {
        get { output.logLevel }
        set { output.logLevel = newValue }
    }

    /// To standard error, as swift-log's default handler.
    public static func standardError(label: String) -> ServiceLogHandler {
        ServiceLogHandler(output: StreamLogHandler.standardError(label: label, metadataProvider: nil),
                          metadataProvider: LoggingSystem.metadataProvider)
    }

    /// To any stream (tests read what is written).
    public init(label: String, stream: any TextOutputStream & Sendable, metadataProvider: Logger.MetadataProvider? = nil) {
        self.init(output: StreamLogHandler(label: label, stream: stream, metadataProvider: nil), metadataProvider: metadataProvider)
    }

    private init(output: StreamLogHandler, metadataProvider: Logger.MetadataProvider?) {
        self.output = output
        self.metadataProvider = metadataProvider
    }

    /// One metadata item.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// The handler's metadata, then the provider's, then the statement's (each overriding the one before,
    /// as in `StreamLogHandler`), passed as the statement's own to the stream handler.
    public func log(event: LogEvent) {
        var event = event
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, provided in provided }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            merged.merge(explicit) { _, explicit in explicit }
        }
        event.metadata = merged
        output.log(event: event)
    }
}
