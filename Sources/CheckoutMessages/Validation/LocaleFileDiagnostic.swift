/// One finding about a locale file, placed precisely enough for an editor to jump to it.
public struct LocaleFileDiagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Worth fixing; fails `validate` only with `--strict`.
        case warning
        /// Must be fixed: `validate` fails, and the catalog leaves out a translation with errors other
        /// than missing keys.
        case error

        /// Orders a warning before an error.
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
    /// The check that found it; encoded as its id, e.g. `icu-syntax`.
    public var check: ValidationCheck
    /// Error or warning.
    public var severity: Severity
    /// One line a translator understands.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, key: String? = nil, check: ValidationCheck, severity: Severity,
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

    /// A diagnostic with the check's own severity.
    init(file: String, line: Int, column: Int, key: String? = nil, check: ValidationCheck, message: String, hint: String? = nil) {
        self.init(file: file, line: line, column: column, key: key, check: check, severity: check.severity, message: message, hint: hint)
    }

    /// `path:line:col: severity: [check] message (key)`
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): [\(check.rawValue)] \(message)"
        if let key { text += " (\(key))" }
        return text
    }
}
