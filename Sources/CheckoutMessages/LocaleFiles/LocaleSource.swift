/// The text of one locale file, as read from disk or from the embedded copy.
public struct LocaleSource: Sendable, Hashable {
    /// The path or name used in diagnostics; its last component, minus `.yaml`, names the locale.
    public var path: String
    /// The YAML text.
    public var text: String

    /// Creates a source.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
