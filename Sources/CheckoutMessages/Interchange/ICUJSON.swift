import Foundation

/// "ICU JSON": a flat JSON object of message key → ICU MessageFormat message, as most translation-management
/// systems import and export it.
public enum ICUJSON {
    /// The messages of a locale file as ICU JSON, in the source's key order, two-space indented.
    public static func document(entries: [(key: String, message: String)]) -> String {
        guard !entries.isEmpty else { return "{}\n" }
        return "{\n" + entries.map { "  \(quote($0.key)): \(quote($0.message))" }.joined(separator: ",\n") + "\n}\n"
    }

    /// Reads ICU JSON: each member a message (its position is where its text starts). Anything else is a
    /// diagnostic.
    public static func read(_ text: String, path: String) -> ([TranslationImport.Message], [LocaleFileDiagnostic]) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(Array(text.utf8))
        } catch {
            return ([], [LocaleFileDiagnostic(file: path, line: 1, column: 1, check: .yamlSyntax,
                                              message: "the file is not valid JSON: \(error)")])
        }
        guard case .object(let members) = value else {
            return ([], [LocaleFileDiagnostic(file: path, line: 1, column: 1, check: .yamlStructure,
                                              message: "ICU JSON is one object of message keys to messages")])
        }
        let positions = FileText(text)
        var messages: [TranslationImport.Message] = []
        var diagnostics: [LocaleFileDiagnostic] = []
        for (key, member) in members {
            let position = keyPosition(key, in: text, positions: positions)
            guard case .string(let message) = member else {
                diagnostics.append(LocaleFileDiagnostic(file: path, line: position.line, column: position.column, key: key,
                                                        check: .yamlStructure, message: "\(key): a message must be a string"))
                continue
            }
            messages.append(TranslationImport.Message(key: key, message: message, sourceText: nil, position: position))
        }
        messages.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return (messages, diagnostics)
    }

    /// Where the member `"key"` is first written: the first character of its string value (so that a
    /// finding inside the message can be placed exactly), else the key itself.
    private static func keyPosition(_ key: String, in text: String, positions: FileText) -> SourcePosition {
        let needle = Array(quote(key).unicodeScalars)
        let scalars = positions.scalars
        guard needle.count <= scalars.count else { return SourcePosition(line: 1, column: 1) }
        for start in 0...(scalars.count - needle.count) where scalars[start] == needle[0] {
            guard Array(scalars[start..<(start + needle.count)]) == needle else { continue }
            var index = start + needle.count
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            guard index < scalars.count, scalars[index] == ":" else { continue }  // a value, not a member name
            index += 1
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            if index < scalars.count, scalars[index] == "\"" { return positions.position(of: index + 1) }
            return positions.position(of: start)
        }
        return SourcePosition(line: 1, column: 1)
    }

    /// A JSON string literal (non-ASCII kept as is): the same escaping as the locale files' double-quoted
    /// YAML scalars, which JSON's string syntax also reads.
    static func quote(_ text: String) -> String { LocaleFileWriter.doubleQuoted(text) }
}
