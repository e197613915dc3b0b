/// A brand could not be used: its locale files have errors, or its rules do.
public struct BrandError: Error, Sendable, CustomStringConvertible {
    /// Findings in the brand's locale files (errors, and the warnings found with them).
    public let diagnostics: [LocaleFileDiagnostic]
    /// Problems of the brand's `rules.yaml`.
    public let rulesProblems: [RulesProblem]

    /// Creates an error.
    public init(diagnostics: [LocaleFileDiagnostic], rulesProblems: [RulesProblem]) {
        self.diagnostics = diagnostics
        self.rulesProblems = rulesProblems
    }

    /// How many errors.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count + rulesProblems.count }

    public var description: String {
        (diagnostics.filter { $0.severity == .error }.map(\.description) + rulesProblems.map(\.description)).joined(separator: "\n")
    }
}
