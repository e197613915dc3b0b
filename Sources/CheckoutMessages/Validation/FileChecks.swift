/// Checks of one file: parsing, then each message.
struct FileChecks {
    let path: String
    let tag: LocaleTag
    let text: FileText
    let entries: [LocaleFileEntry]
    let parsed: Bool
    let cardinal: [PluralCategory]
    let ordinal: [PluralCategory]
    /// ICU's sample numbers of each cardinal category (integers where the category has any).
    let cardinalSamples: [PluralCategory: [Double]]
    var diagnostics: [LocaleFileDiagnostic]
    /// The keys a private-decline outcome can show (checked against the lexicon in every locale).
    var privateKeys = ResolutionRules.embeddedPrivateDeclineKeys
    var compiled: [String: CompiledMessage] = [:]
    var structures: [String: PatternStructure] = [:]
    private let file: LocaleFile?

    init(_ input: LocaleSource, tag: LocaleTag) {
        path = input.path
        self.tag = tag
        text = FileText(input.text)
        let (file, problems) = LocaleFile.parse(path: input.path, tag: tag, text: input.text)
        parsed = !problems.contains { $0.check == .yamlSyntax || $0.check == .duplicateKey }
        entries = file.entries
        diagnostics = problems
        self.file = parsed ? file : nil
        cardinal = PluralCategory.categories(for: tag, .cardinal)
        ordinal = PluralCategory.categories(for: tag, .ordinal)
        cardinalSamples = Dictionary(uniqueKeysWithValues: cardinal.map { ($0, $0.samples(for: tag, limit: 4)) })
    }

    mutating func report(_ position: SourcePosition, _ key: String?, _ check: ValidationCheck, _ message: String, hint: String? = nil) {
        diagnostics.append(LocaleFileDiagnostic(file: path, line: position.line, column: position.column, key: key,
                                                check: check, message: message, hint: hint))
    }

    func message(_ entry: LocaleFileEntry) -> MessageCheck {
        var check = MessageCheck(path: path, tag: tag, text: text, entry: entry)
        check.run(cardinal: cardinal, ordinal: ordinal, samples: cardinalSamples)
        if privateKeys.contains(entry.key), check.structure != nil { check.checkPrivateReason(.embedded) }
        return check
    }

    mutating func finish(_ check: MessageCheck) {
        diagnostics += check.diagnostics
        if let structure = check.structure { structures[check.entry.key] = structure }
        if let message = check.compiled, !check.diagnostics.contains(where: { $0.severity == .error }) {
            compiled[check.entry.key] = message
        }
    }

    var result: ValidatedLocale {
        ValidatedLocale(tag: tag, path: path, file: file, compiled: compiled, structures: structures, diagnostics: diagnostics)
    }
}
