/// The messages of one locale, each compiled by ICU.
struct CompiledLocale: Sendable {
    let tag: LocaleTag
    let direction: TextDirection
    let messages: [String: CompiledMessage]

    /// Compiles every entry of `file`. For a translation (`source` given), each message must use exactly
    /// the source message's arguments; keys the source lacks are not loaded.
    static func compile(_ file: LocaleFile, source: CompiledLocale?) -> (locale: CompiledLocale, diagnostics: [LocaleFileDiagnostic]) {
        var messages: [String: CompiledMessage] = [:]
        var diagnostics: [LocaleFileDiagnostic] = []
        func report(_ entry: LocaleFileEntry, _ check: String, _ message: String) {
            diagnostics.append(LocaleFileDiagnostic(
                file: file.path, line: entry.messagePosition.line, column: entry.messagePosition.column,
                key: entry.key, check: check, severity: .error, message: message))
        }
        for entry in file.entries {
            let compiled: CompiledMessage
            do {
                compiled = try CompiledMessage(pattern: entry.message, locale: file.tag)
            } catch {
                report(entry, "icu-syntax", "ICU cannot build this message: \(error)")
                continue
            }
            if let source {
                guard let original = source.messages[entry.key] else { continue }
                if Set(original.argumentNames) != Set(compiled.argumentNames) {
                    report(entry, "argument-mismatch",
                           "arguments {\(compiled.argumentNames.sorted().joined(separator: ", "))} differ from the source's {\(original.argumentNames.sorted().joined(separator: ", "))}")
                    continue
                }
            } else {
                let undeclared = compiled.argumentNames.filter { entry.arguments[$0] == nil }
                if !undeclared.isEmpty {
                    report(entry, "argument-undeclared",
                           "declare {\(undeclared.joined(separator: ", "))} under `arguments:` with a type and an example")
                    continue
                }
            }
            messages[entry.key] = compiled
        }
        return (CompiledLocale(tag: file.tag, direction: file.tag.direction, messages: messages), diagnostics)
    }
}
