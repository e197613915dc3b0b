/// One message of a locale file, with where it stands in the file.
public struct LocaleFileEntry: Sendable, Hashable {
    /// The message key, e.g. `decline.generic`.
    public var key: String
    /// The ICU MessageFormat pattern.
    public var message: String
    /// Context for translators (source locale).
    public var description: String?
    /// Argument declarations (source locale).
    public var arguments: [String: ArgumentDeclaration]
    /// The longest the message may be as shown, in characters (source locale): inline field messages must
    /// fit beside their field.
    public var maxLength: Int? = nil
    /// The source-message fingerprint a translation was made from, if recorded.
    public var sourceFingerprint: String?
    /// Where the fingerprint is written.
    public var sourceFingerprintPosition: SourcePosition?
    /// Where the key is written.
    public var keyPosition: SourcePosition
    /// Where the message value starts.
    public var messagePosition: SourcePosition
    /// How the message value is written in YAML, for mapping pattern offsets back into the file.
    public var messageStyle: ScalarStyle
}
