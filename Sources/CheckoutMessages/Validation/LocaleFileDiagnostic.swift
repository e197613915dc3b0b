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
        if let hint { text += " — \(hint)" }
        return text
    }
}
