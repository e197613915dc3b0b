/// One finding about a locale file, placed precisely enough for an editor to jump to it.
public struct LocaleFileDiagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// The file as given (path or name).
    public var file: String
    /// 1-based line in the file.
    public var line: Int
    /// 1-based column in the line, counted in Unicode scalars.
    public var column: Int
    /// The message key concerned, if the finding is about one message.
    public var key: String?
    /// A stable identifier of the check, e.g. `icu-syntax`.
    public var check: String
    /// Error or warning.
    public var severity: Severity
    /// One line a translator understands.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, key: String? = nil, check: String, severity: Severity,
                message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.check = check
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// `path:line:col: severity: [check] message (key)`
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): [\(check)] \(message)"
        if let key { text += " (\(key))" }
        return text
    }

    /// Every check id the validator reports, with what it means.
    public static let checks: [(id: String, severity: Severity, summary: String)] = [
        ("yaml-syntax", .error, "The file is not valid YAML."),
        ("yaml-structure", .error, "The YAML is valid but not a mapping of message keys to messages."),
        ("duplicate-key", .error, "A message key is defined twice."),
        ("locale-tag", .error, "The file name is not a known BCP 47 locale tag."),
        ("source-missing", .error, "The source locale's file is missing, so translations cannot be checked."),
        ("icu-syntax", .error, "ICU cannot parse the message."),
        ("icu-build", .error, "ICU parses the message but cannot build a formatter (bad argument type, style or skeleton)."),
        ("missing-other", .error, "A plural or select has no `other` branch."),
        ("plural-keyword", .error, "A plural keyword is neither a CLDR category nor an exact value such as =0."),
        ("duplicate-selector", .error, "A plural or select branch keyword appears twice."),
        ("argument-mismatch", .error, "The message's argument names differ from the source (also: an apostrophe hiding a placeholder)."),
        ("argument-type", .error, "An argument is used differently from the source (e.g. select instead of plural)."),
        ("argument-undeclared", .error, "A source message uses an argument without declaring its type and example."),
        ("missing-key", .error, "A source key has no translation; customers see the source text."),
        ("argument-declaration", .error, "A source argument declaration lacks a valid type or example."),
        ("plural-category-missing", .warning, "A plural lacks a category that the locale's plural rules need."),
        ("plural-category-unused", .warning, "A plural has a category the locale never selects."),
        ("extra-key", .warning, "A translation has a key the source does not."),
        ("untranslated", .warning, "The translation is identical to the source text."),
        ("stale", .warning, "The source text changed since the translation was made."),
        ("markup", .warning, "The text contains markup, which is shown literally."),
        ("control-character", .warning, "The text contains an invisible control character."),
        ("bidi-control", .warning, "The text contains a bidi override, isolate or mark."),
        ("whitespace", .warning, "The text starts or ends with whitespace."),
        ("description-missing", .warning, "A source message has no description for translators."),
    ]
}
