/// A locale file as read from YAML, before any ICU check.
public struct LocaleFile: Sendable {
    /// The file as given (path or name), for diagnostics.
    public let path: String
    /// The locale named by the file name.
    public let tag: LocaleTag
    /// The messages, in file order.
    public let entries: [LocaleFileEntry]
    /// The raw text.
    public let text: String
}
