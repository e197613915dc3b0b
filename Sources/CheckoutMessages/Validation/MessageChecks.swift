/// The checks behind `LocaleValidator`, file by file and message by message.
enum MessageChecks {
    /// The source file's checks: each message on its own, plus argument declarations and descriptions.
    static func validateSource(_ input: LocaleSource, tag: LocaleTag) -> ValidatedLocale {
        var file = FileChecks(input, tag: tag)
        for entry in file.entries {
            var check = file.message(entry)
            if check.structure != nil {
                let undeclared = check.argumentNames.filter { entry.arguments[$0] == nil }
                if !undeclared.isEmpty {
                    check.report(entry.messagePosition, .argumentUndeclared,
                                 "{\(undeclared.joined(separator: ", "))} \(undeclared.count == 1 ? "is" : "are") not declared under `arguments:`",
                                 hint: "declare each argument with a type (text, number, money) and an example for translators")
                }
            }
            if (entry.description ?? "").isEmpty {
                check.report(entry.keyPosition, .descriptionMissing, "no `description:` to tell translators where this text appears")
            }
            file.finish(check)
        }
        return file.result
    }

    /// A translation's checks: each message on its own and against its source message, plus keys
    /// missing from or added to the source's.
    static func validateTranslation(_ input: LocaleSource, tag: LocaleTag, source: ValidatedLocale) -> ValidatedLocale {
        var file = FileChecks(input, tag: tag)
        let sourceEntries = Dictionary((source.file?.entries ?? []).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in file.entries {
            guard let original = sourceEntries[entry.key] else {
                file.report(entry.keyPosition, entry.key, .extraKey,
                            "\(entry.key) is not in the source locale \(source.tag); it is never shown",
                            hint: "remove it, or check the key's spelling")
                continue
            }
            var check = file.message(entry)
            // Compared only when ICU accepts the message (a broken one already has its error) and it is
            // not empty (an empty one has its own).
            if check.compiled != nil, !check.diagnostics.contains(where: { $0.check == .emptyMessage }),
               let structure = check.structure, let sourceStructure = source.structures[entry.key] {
                check.compareArguments(structure, with: sourceStructure)
            }
            if entry.message == original.message, entry.message.unicodeScalars.contains(where: \.properties.isAlphabetic),
               tag.language != source.tag.language {
                check.report(entry.messagePosition, .untranslated, "the text is identical to the source (\(source.tag))",
                             hint: "translate it; a copy shows \(source.tag) text to \(tag) customers")
            }
            let current = SourceFingerprint.of(original.message)
            if let recorded = entry.sourceFingerprint, recorded != current {
                check.report(entry.sourceFingerprintPosition ?? entry.keyPosition, .stale, "the \(source.tag) text changed since this was translated",
                             hint: "review the translation against the new source, then set `source: \(current)`")
            }
            file.finish(check)
        }
        if file.parsed {
            let present = Set(file.entries.map(\.key))
            for entry in source.file?.entries ?? [] where !present.contains(entry.key) {
                file.report(SourcePosition(line: 1, column: 1), entry.key, .missingKey,
                            "\(entry.key) is missing; customers see the \(source.tag) text instead",
                            hint: "add `\(entry.key):` with a translation of: \(entry.message)")
            }
        }
        return file.result
    }
}
