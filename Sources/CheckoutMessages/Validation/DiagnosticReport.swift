import Foundation

/// Renders diagnostics for people (text), programs (JSON) and code hosts (SARIF 2.1.0).
public enum DiagnosticReport {
    /// An output format.
    public enum Format: String, Sendable, CaseIterable {
        /// One line per finding and a summary line, for people.
        case text
        /// The diagnostics with error and warning counts, for programs.
        case json
        /// SARIF 2.1.0, for code hosts that show findings inline.
        case sarif
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
