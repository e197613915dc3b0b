/// A brand's locale files after validation against a base catalog: the messages they set, compiled, and
/// everything the checks found.
struct BrandOverlay: Sendable {
    /// Compiled messages by locale (the source locale included), only the keys the brand sets.
    let messages: [LocaleTag: [String: CompiledMessage]]
    /// The brand's source-locale messages: pattern and structure, for the pseudo-locales.
    let sourceOverrides: [String: (pattern: String, structure: PatternStructure)]
    /// Errors and warnings, in file order.
    let diagnostics: [LocaleFileDiagnostic]

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Checks a brand's locale files against `base`: the source-locale file against the base's source
    /// messages (same arguments), every other file against the effective source (the base's, with the
    /// brand's source-locale messages on top), as partial files.
    static func validate(_ files: [LocaleSource], base: MessageCatalog) -> BrandOverlay {
        let sourceTag = base.sourceLocale
        var diagnostics: [LocaleFileDiagnostic] = []
        var named: [(file: LocaleSource, tag: LocaleTag)] = []
        for file in files {
            guard let tag = LocaleValidator.tag(forPath: file.path) else {
                diagnostics.append(LocaleValidator.fileNameProblem(file.path))
                continue
            }
            if base.pseudoLocales.contains(tag) {
                diagnostics.append(LocaleFileDiagnostic(
                    file: file.path, line: 1, column: 1, check: .localeTag,
                    message: "\(tag) is a pseudo-locale, generated from the \(sourceTag) messages; it cannot be translated",
                    hint: "change the \(sourceTag) messages in \(sourceTag).yaml instead"))
                continue
            }
            if let other = named.first(where: { $0.tag == tag }) {
                diagnostics.append(LocaleFileDiagnostic(
                    file: file.path, line: 1, column: 1, check: .localeTag,
                    message: "\(other.file.path) is for \(tag) too; a brand has one file per locale",
                    hint: "merge the two files"))
                continue
            }
            named.append((file, tag))
        }
        let baseSource = TranslationSource(tag: sourceTag, messages: base.sourceEntries.mapValues(\.message),
                                           structures: base.sourceStructures, order: base.sourceOrder, entries: base.sourceEntries)
        var messages: [LocaleTag: [String: CompiledMessage]] = [:]
        var effective = baseSource.messages
        var sourceOverrides: [String: (pattern: String, structure: PatternStructure)] = [:]
        var sourceFile: ValidatedLocale?
        if let (file, tag) = named.first(where: { $0.tag == sourceTag }) {
            let validated = MessageChecks.validateSourceOverride(file, tag: tag, base: baseSource)
            diagnostics += validated.diagnostics
            for entry in validated.file?.entries ?? [] where validated.compiled[entry.key] != nil {
                effective[entry.key] = entry.message
                if let structure = validated.structures[entry.key] { sourceOverrides[entry.key] = (entry.message, structure) }
            }
            messages[tag] = validated.compiled
            sourceFile = validated
        }
        let effectiveSource = TranslationSource(tag: sourceTag, messages: effective,
                                                structures: base.sourceStructures.merging(sourceOverrides.mapValues(\.structure)) { _, brand in brand },
                                                order: base.sourceOrder, entries: base.sourceEntries)
        for (file, tag) in named where tag != sourceTag {
            let validated = MessageChecks.validateTranslation(file, tag: tag, source: effectiveSource,
                                                              mode: .brand(addsLocale: !base.locales.contains(tag)))
            diagnostics += validated.diagnostics
            messages[tag] = validated.compiled
        }
        if let sourceFile {
            diagnostics += staleBaseTranslations(sourceFile, base: base, brandMessages: messages)
        }
        diagnostics.sort { ($0.file, $0.line, $0.column, $0.check.rawValue) < ($1.file, $1.line, $1.column, $1.check.rawValue) }
        return BrandOverlay(messages: messages, sourceOverrides: sourceOverrides, diagnostics: diagnostics)
    }

    /// A brand that rewords a source message leaves the base's translations of it translating the old
    /// wording. They are still shown (a German customer is better served by the base's German than by the
    /// brand's English), and a warning on the brand's message lists them, so the brand can translate it.
    private static func staleBaseTranslations(_ sourceFile: ValidatedLocale, base: MessageCatalog,
                                              brandMessages: [LocaleTag: [String: CompiledMessage]]) -> [LocaleFileDiagnostic] {
        var found: [LocaleFileDiagnostic] = []
        for entry in sourceFile.file?.entries ?? [] where sourceFile.compiled[entry.key] != nil {
            guard let baseMessage = base.sourceEntries[entry.key]?.message, baseMessage != entry.message else { continue }
            let stale = base.compiled.indices.filter { index in
                let locale = base.compiled[index]
                return index != base.sourceIndex && !base.pseudoLocales.contains(locale.tag)
                    && locale.has(entry.key) && brandMessages[locale.tag]?[entry.key] == nil
            }.map { base.compiled[$0].tag.identifier }
            guard !stale.isEmpty else { continue }
            let listed = stale.count > 8 ? stale.prefix(8).joined(separator: ", ") + " and \(stale.count - 8) more" : stale.joined(separator: ", ")
            found.append(LocaleFileDiagnostic(
                file: sourceFile.path, line: entry.keyPosition.line, column: entry.keyPosition.column, key: entry.key, check: .stale,
                message: "the base's translations of this message (\(listed)) translate the base's \(base.sourceLocale) text, not this one; they are still shown",
                hint: "translate it in the brand's files of those locales, with `source: \"\(SourceFingerprint.of(entry.message))\"`"))
        }
        return found
    }
}

extension MessageCatalog {
    /// The parts of a brand's effective catalog that differ from this one's.
    struct OverlaidParts {
        let compiled: [CompiledLocale]
        let brandMessages: [Int: [String: CompiledMessage]]
        let sourceEntries: [String: LocaleFileEntry]
        let exactTags: ExactTagTable
        let matcher: LocaleMatcher
        let matcherIndices: [Int]?
    }

    func overlaidParts(_ overlay: BrandOverlay) throws(CatalogError) -> OverlaidParts {
        var compiled = self.compiled
        var brandMessages: [Int: [String: CompiledMessage]] = [:]
        var added: [LocaleTag] = []
        for (tag, messages) in overlay.messages.sorted(by: { $0.key.identifier < $1.key.identifier }) {
            if let index = compiled.firstIndex(where: { $0.tag == tag }) {
                if !messages.isEmpty { brandMessages[index] = messages }
            } else {
                added.append(tag)
            }
        }
        var sourceEntries = self.sourceEntries
        if !overlay.sourceOverrides.isEmpty {
            for (key, override) in overlay.sourceOverrides { sourceEntries[key]?.message = override.pattern }
            // The pseudo-locales show the brand's wording too.
            for index in compiled.indices where pseudoLocales.contains(compiled[index].tag) {
                guard let pseudo = PseudoLocale(rawValue: compiled[index].tag.identifier) else { continue }
                var messages: [String: CompiledMessage] = [:]
                for (key, override) in overlay.sourceOverrides {
                    messages[key] = try? CompiledMessage(pattern: pseudo.transform(override.pattern, structure: override.structure), locale: pseudo.tag)
                }
                brandMessages[index] = messages
            }
        }
        guard !added.isEmpty else {
            return OverlaidParts(compiled: compiled, brandMessages: brandMessages, sourceEntries: sourceEntries, exactTags: exactTags,
                                 matcher: matcher, matcherIndices: matcherIndices)
        }
        // Added locales go after everything the base has, so the base's indices (and the resolver plans
        // shared by index) stay valid; the matcher gets them after the base's matchable locales.
        var indices = matcherIndices ?? Array(matcher.supported.indices)
        for tag in added {
            indices.append(compiled.count)
            compiled.append(CompiledLocale(tag: tag, direction: tag.direction, messages: overlay.messages[tag] ?? [:]))
        }
        let newMatcher: LocaleMatcher
        do {
            newMatcher = try LocaleMatcher(supported: indices.map { compiled[$0].tag }, defaultIndex: matcher.defaultIndex)
        } catch {
            throw CatalogError(diagnostics: [LocaleFileDiagnostic(
                file: "", line: 1, column: 1, check: .localeMatcher, severity: .error,
                message: "ICU could not build the locale matcher: \(error)")])
        }
        return OverlaidParts(compiled: compiled, brandMessages: brandMessages, sourceEntries: sourceEntries,
                             exactTags: ExactTagTable(compiled.map(\.tag.identifier)), matcher: newMatcher, matcherIndices: indices)
    }
}
