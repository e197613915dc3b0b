/// `--format json`.
struct JSONReport: Encodable {
    let diagnostics: [LocaleFileDiagnostic]
    var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    var warnings: Int { diagnostics.count - errors }

    enum CodingKeys: String, CodingKey { case diagnostics, errors, warnings }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
    }
}
