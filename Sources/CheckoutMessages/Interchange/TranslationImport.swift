import Foundation

/// Imports translations from an interchange file (XLIFF 2.0 or ICU JSON) into a locale file: every
/// imported message goes through the validator first, and a finding at error level writes nothing.
public enum TranslationImport {
    /// One imported translation: the key, the message, the source text it was translated from (nil: the
    /// current one), and where it stands in the interchange file.
    public struct Message: Sendable, Hashable {
        public var key: String
        public var message: String
        public var sourceText: String?
        public var position: SourcePosition

        public init(key: String, message: String, sourceText: String?, position: SourcePosition) {
            self.key = key
            self.message = message
            self.sourceText = sourceText
            self.position = position
        }
    }

    /// What an import would do: the locale file's new text (nil when an error stops it, or nothing
    /// changed), the keys it changes, and the findings, placed in the interchange file where they concern
    /// an imported message.
    public struct Outcome: Sendable {
        public let text: String?
        public let changedKeys: [String]
        public let diagnostics: [LocaleFileDiagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Applies `messages` to the locale file `existing` (nil: a new file at `path`) of `tag`, checked against
    /// `source`. `importPath` names the interchange file in diagnostics.
    public static func apply(_ messages: [Message], tag: LocaleTag, existing: LocaleSource?, path: String, source: LocaleSource,
                             importPath: String) -> Outcome {
        let sourceTag = LocaleValidator.tag(forPath: source.path) ?? (try! LocaleTag("en"))  // a constant, well-formed tag
        let (sourceFile, _) = LocaleFile.parse(path: source.path, tag: sourceTag, text: source.text)
        let english = Dictionary(sourceFile.entries.map { ($0.key, $0.message) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [LocaleFileDiagnostic] = []
        var changes: [LocaleFileWriter.Change] = []
        var byKey: [String: Message] = [:]
        for message in messages {
            guard let current = english[message.key] else {
                diagnostics.append(LocaleFileDiagnostic(
                    file: importPath, line: message.position.line, column: message.position.column, key: message.key, check: .unknownKey,
                    message: "\(message.key) is not a message of \(source.path); it cannot be imported",
                    hint: "check the unit id against the source file's keys"))
                continue
            }
            if byKey[message.key] != nil {
                diagnostics.append(LocaleFileDiagnostic(
                    file: importPath, line: message.position.line, column: message.position.column, key: message.key, check: .duplicateKey,
                    message: "\(message.key) is imported twice; the first is used"))
                continue
            }
            byKey[message.key] = message
            changes.append(LocaleFileWriter.Change(key: message.key, message: message.message,
                                                   fingerprint: SourceFingerprint.of(message.sourceText ?? current)))
        }
        let header = "# CheckoutMessages — \(languageName(tag)) (\(tag.identifier)). Translates \(source.path.split(separator: "/").last.map(String.init) ?? "en.yaml"); keep keys, arguments and ICU structure.\n#\n# Imported from a translation-management system; add a reviewer's note: market, register, glossary.\n"
        let text = LocaleFileWriter.update(existing?.text, path: path, tag: tag, changes: changes,
                                           order: sourceFile.entries.map(\.key), header: header)
        let (written, _) = LocaleFile.parse(path: path, tag: tag, text: text)
        let writtenEntries = Dictionary(written.entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let textPositions = FileText(text)
        let validator = (try? LocaleValidator(sourceLocale: sourceTag.identifier)) ?? (try! LocaleValidator())
        for finding in validator.validate([LocaleSource(path: path, text: text)], source: source) where finding.file == path {
            // A key the translation lacks is progress, not a mistake of the import.
            if finding.check == .missingKey { continue }
            guard let key = finding.key, let message = byKey[key] else {
                diagnostics.append(finding)
                continue
            }
            var placed = finding
            placed.file = importPath
            placed.line = message.position.line
            placed.column = message.position.column
            // Within the message: the finding's place in the written file, mapped back to a character of the
            // message, then onto the interchange file's text, when nothing before it is written differently
            // there (escaped in XML or JSON, or on another line).
            if let entry = writtenEntries[key] {
                let positions = ScalarPositions(file: textPositions, entry: entry)
                var utf16Offset = 0
                var characters = 0
                for scalar in entry.message.unicodeScalars {
                    if positions.position(utf16Offset: utf16Offset) == SourcePosition(line: finding.line, column: finding.column) {
                        let prefix = entry.message.unicodeScalars.prefix(characters)
                        if !prefix.contains(where: { "&<>\"\\\n\r\t".unicodeScalars.contains($0) }) { placed.column += characters }
                        break
                    }
                    utf16Offset += scalar.utf16.count
                    characters += 1
                }
            }
            diagnostics.append(placed)
        }
        diagnostics.sort { ($0.file, $0.line, $0.column, $0.check.rawValue) < ($1.file, $1.line, $1.column, $1.check.rawValue) }
        let before = existing.map { LocaleFile.parse(path: path, tag: tag, text: $0.text).0.entries } ?? []
        let previous = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let changedKeys = changes.filter { previous[$0.key]?.message != $0.message || previous[$0.key]?.sourceFingerprint != $0.fingerprint }.map(\.key)
        let blocked = diagnostics.contains { $0.severity == .error }
        return Outcome(text: blocked || text == existing?.text ? nil : text, changedKeys: blocked ? [] : changedKeys, diagnostics: diagnostics)
    }

    /// The language's English name for a new file's header (`German`), or the tag.
    static func languageName(_ tag: LocaleTag) -> String {
        Locale(identifier: "en").localizedString(forIdentifier: tag.identifier) ?? tag.identifier
    }

    /// The messages of a read XLIFF file: units with a target.
    public static func messages(of file: XLIFF.ReadFile) -> [Message] {
        file.units.compactMap { unit in
            guard let target = unit.target else { return nil }
            return Message(key: unit.id, message: target, sourceText: unit.source, position: unit.targetPosition ?? unit.unitPosition)
        }
    }
}
