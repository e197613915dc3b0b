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
            check.checkRendering(entry, samples: file.cardinalSamples)
            file.finish(check)
        }
        return file.result
    }

    /// A translation's checks: each message on its own and against its source message, plus keys
    /// missing from or added to the source's.
    static func validateTranslation(_ input: LocaleSource, tag: LocaleTag, source: ValidatedLocale) -> ValidatedLocale {
        validateTranslation(input, tag: tag, source: TranslationSource(source), mode: .catalog)
    }

    /// How a translation is held to its source.
    enum TranslationMode {
        /// A catalog's file: an unknown key is a warning (never shown), a missing key an error.
        case catalog
        /// A brand's partial file: an unknown key is an error (an override that would silently do nothing),
        /// a missing key is expected (the base's message is used) unless the brand adds the locale, and
        /// unsafe text is an error (a brand's files reach customers without our review).
        case brand(addsLocale: Bool)
    }

    static func validateTranslation(_ input: LocaleSource, tag: LocaleTag, source: TranslationSource, mode: TranslationMode) -> ValidatedLocale {
        var file = FileChecks(input, tag: tag)
        for entry in file.entries {
            guard let original = source.messages[entry.key] else {
                if case .brand = mode {
                    reportUnknownKey(entry, in: &file, source: source.tag)
                } else {
                    file.report(entry.keyPosition, entry.key, .extraKey,
                                "\(entry.key) is not in the source locale \(source.tag); it is never shown",
                                hint: "remove it, or check the key's spelling")
                }
                continue
            }
            var check = file.message(entry)
            // Compared only when ICU accepts the message (a broken one already has its error) and it is
            // not empty (an empty one has its own).
            if check.compiled != nil, !check.diagnostics.contains(where: { $0.check == .emptyMessage }),
               let structure = check.structure, let sourceStructure = source.structures[entry.key] {
                check.compareArguments(structure, with: sourceStructure)
                check.checkNumbers(against: original, sourceStructure: sourceStructure)
            }
            if entry.message == original, entry.message.unicodeScalars.contains(where: \.properties.isAlphabetic),
               tag.language != source.tag.language {
                check.report(entry.messagePosition, .untranslated, "the text is identical to the source (\(source.tag))",
                             hint: "translate it; a copy shows \(source.tag) text to \(tag) customers")
            }
            let current = SourceFingerprint.of(original)
            if let recorded = entry.sourceFingerprint, recorded != current {
                check.report(entry.sourceFingerprintPosition ?? entry.keyPosition, .stale, "the \(source.tag) text changed since this was translated",
                             hint: "review the translation against the new source, then set `source: \"\(current)\"`")
            }
            if case .brand = mode { check.escalateUnsafeText() }
            if let declared = source.entries[entry.key] { check.checkRendering(declared, samples: file.cardinalSamples) }
            file.finish(check)
        }
        var missingSeverity: LocaleFileDiagnostic.Severity? = ValidationCheck.missingKey.severity
        if case .brand(let addsLocale) = mode { missingSeverity = addsLocale ? .warning : nil }
        if file.parsed, let missingSeverity {
            let present = Set(file.entries.map(\.key))
            for key in source.order where !present.contains(key) {
                file.diagnostics.append(LocaleFileDiagnostic(
                    file: input.path, line: 1, column: 1, key: key, check: .missingKey, severity: missingSeverity,
                    message: "\(key) is missing; customers see the \(source.tag) text instead",
                    hint: "add `\(key):` with a translation of: \(source.messages[key] ?? "")"))
            }
        }
        return file.result
    }

    /// A brand's key the base does not know: an override that would silently change nothing.
    private static func reportUnknownKey(_ entry: LocaleFileEntry, in file: inout FileChecks, source: LocaleTag) {
        file.report(entry.keyPosition, entry.key, .unknownKey, "\(entry.key) is not a message of the base catalog; it would change nothing",
                    hint: "check the key's spelling against the base \(source).yaml")
    }

    /// A brand's source-locale file: each message checked on its own and against the base's source message,
    /// whose arguments it must keep (translations and the resolver's rules rely on them).
    static func validateSourceOverride(_ input: LocaleSource, tag: LocaleTag, base: TranslationSource) -> ValidatedLocale {
        var file = FileChecks(input, tag: tag)
        for entry in file.entries {
            guard base.messages[entry.key] != nil else {
                reportUnknownKey(entry, in: &file, source: base.tag)
                continue
            }
            var check = file.message(entry)
            if check.compiled != nil, !check.diagnostics.contains(where: { $0.check == .emptyMessage }),
               let structure = check.structure, let baseStructure = base.structures[entry.key] {
                check.compareArguments(structure, with: baseStructure)
            }
            check.escalateUnsafeText()
            if let declared = base.entries[entry.key] { check.checkRendering(declared, samples: file.cardinalSamples) }
            file.finish(check)
        }
        return file.result
    }
}

/// What translations are checked against: the source messages by key, their structures, and their order.
struct TranslationSource {
    let tag: LocaleTag
    let messages: [String: String]
    let structures: [String: PatternStructure]
    let order: [String]
    /// The source entries (argument declarations with examples, length budgets), for rendering checks.
    let entries: [String: LocaleFileEntry]

    init(tag: LocaleTag, messages: [String: String], structures: [String: PatternStructure], order: [String],
         entries: [String: LocaleFileEntry]) {
        self.tag = tag
        self.messages = messages
        self.structures = structures
        self.order = order
        self.entries = entries
    }

    init(_ source: ValidatedLocale) {
        let entries = source.file?.entries ?? []
        self.init(tag: source.tag, messages: Dictionary(entries.map { ($0.key, $0.message) }, uniquingKeysWith: { first, _ in first }),
                  structures: source.structures, order: entries.map(\.key),
                  entries: Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}
