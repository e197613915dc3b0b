import Foundation

/// Renders diagnostics for people (text), programs (JSON) and code hosts (SARIF 2.1.0).
public enum DiagnosticReport {
    /// An output format.
    public enum Format: String, Sendable, CaseIterable {
        case text, json, sarif
    }

    /// The diagnostics in `format`. Text is one `path:line:col: severity: [check] message (key)` line per
    /// finding, each followed by its hint, then a summary line.
    public static func render(_ diagnostics: [LocaleFileDiagnostic], as format: Format, toolVersion: String = "1.0.0") -> String {
        switch format {
        case .text: return text(diagnostics)
        case .json: return encode(JSONReport(diagnostics: diagnostics))
        case .sarif: return encode(SARIFLog(diagnostics, toolVersion: toolVersion))
        }
    }

    private static func text(_ diagnostics: [LocaleFileDiagnostic]) -> String {
        var lines: [String] = []
        for diagnostic in diagnostics {
            lines.append(diagnostic.description)
            if let hint = diagnostic.hint { lines.append("    hint: \(hint)") }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = Set(diagnostics.map(\.file)).count
        lines.append(diagnostics.isEmpty ? "no problems found"
                     : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}

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

/// The subset of SARIF 2.1.0 that code hosts read to show findings inline.
struct SARIFLog: Encodable {
    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
    }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String
        let rules: [Rule]
    }
    struct Rule: Encodable {
        let id: String
        let shortDescription: Text
        let defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { let level: String }
    struct Text: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String
        let level: String
        let message: Text
        let locations: [Location]
        let partialFingerprints: [String: String]?
    }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }
    struct ArtifactLocation: Encodable { let uri: String }
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let version = "2.1.0"
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    init(_ diagnostics: [LocaleFileDiagnostic], toolVersion: String) {
        let rules = LocaleFileDiagnostic.checks.map {
            Rule(id: $0.id, shortDescription: Text(text: $0.summary), defaultConfiguration: Configuration(level: $0.severity.rawValue))
        }
        let results = diagnostics.map { diagnostic in
            var text = diagnostic.message
            if let key = diagnostic.key { text += " (\(key))" }
            if let hint = diagnostic.hint { text += ". Hint: \(hint)" }
            return Result(
                ruleId: diagnostic.check, level: diagnostic.severity.rawValue, message: Text(text: text),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: diagnostic.file),
                    region: Region(startLine: diagnostic.line, startColumn: diagnostic.column)))],
                partialFingerprints: diagnostic.key.map { ["messageKey": $0] })
        }
        runs = [Run(tool: Tool(driver: Driver(name: "checkout-messages", version: toolVersion,
                                              informationUri: "https://github.com/checkout-messages/checkout-messages",
                                              rules: rules)),
                    results: results)]
    }
}
