/// What one validation pass found and built.
struct ValidationRun: Sendable {
    let diagnostics: [LocaleFileDiagnostic]
    let locales: [ValidatedLocale]
}
