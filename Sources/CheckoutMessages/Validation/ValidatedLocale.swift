/// One locale file after validation: its entries and the messages that compiled.
struct ValidatedLocale: Sendable {
    let tag: LocaleTag
    let path: String
    let file: LocaleFile?
    let compiled: [String: CompiledMessage]
    let structures: [String: PatternStructure]
    let diagnostics: [LocaleFileDiagnostic]

    /// Errors that make the catalog leave the file out. A missing key is not one of them: the catalog
    /// falls back to the source for that key only.
    var excludesFile: Bool {
        diagnostics.contains { $0.severity == .error && $0.check != .missingKey }
    }
}
