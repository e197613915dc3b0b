import Foundation

/// All messages of all locales, compiled by ICU once and immutable afterwards.
///
/// Load it once at startup — `try MessageCatalog.embedded()` for the shipped `locales/`, or
/// `try MessageCatalog(directory:)` for a folder — and share it: it is `Sendable` and every lookup is
/// lock-free. A translation file with errors is left out (and reported in `diagnostics`), the others
/// keep working; a key missing from a translation falls back to the source locale for that key only.
public final class MessageCatalog: Sendable {
    /// The locale every other locale translates (`en`).
    public let sourceLocale: LocaleTag
    /// The locale used when negotiation finds nothing close enough.
    public let defaultLocale: LocaleTag
    /// Every loaded locale, in negotiation order.
    public let locales: [LocaleTag]
    /// Problems found while loading; files with errors among them were left out.
    public let diagnostics: [LocaleFileDiagnostic]
    /// The source messages: key, pattern, description and argument declarations.
    public let sourceEntries: [String: LocaleFileEntry]
    /// The generated pseudo-locales (en-XA, ar-XB): listed in `locales`, negotiated only by exact tag.
    public let pseudoLocales: Set<LocaleTag>
    /// The source locale's file, against which translations are validated.
    public let source: LocaleSource

    let compiled: [CompiledLocale]
    let sourceIndex: Int
    /// The source keys in file order, and the structure of each source message.
    let sourceOrder: [String]
    let sourceStructures: [String: PatternStructure]
    /// Loaded locales by their canonical tag, for requests that name one exactly.
    let exactTags: ExactTagTable
    let matcher: LocaleMatcher
    /// The `compiled` index of each locale the matcher knows, when they differ from its own indices (a
    /// brand's added locales come after the pseudo-locales); nil when they are the same.
    let matcherIndices: [Int]?
    /// A brand's catalog: per locale index, the keys whose message differs from the base's (every key of
    /// a locale the brand adds). Empty for a catalog of its own.
    let changedKeys: [Int: Set<String>]
    /// A brand's messages by locale index, on top of `compiled` (the base's, shared): a brand costs what it
    /// changes, not a copy. Empty for a catalog of its own.
    let brandMessages: [Int: [String: CompiledMessage]]

    /// A brand's catalog: the locales in which some message differs from the base catalog's. Empty for a
    /// catalog of its own.
    public var localesChangedByBrand: Set<LocaleTag> { Set(changedKeys.keys.map { compiled[$0].tag }) }

    /// Validates and compiles `sources` with the checks of `LocaleValidator`. Fails only if the source
    /// locale is missing or has errors, or the default locale is not among the loaded ones. Translations
    /// with errors are left out; the pseudo-locales en-XA and ar-XB are generated from the source.
    public init(sources: [LocaleSource], sourceLocale: String = "en", defaultLocale: String? = nil) throws(CatalogError) {
        let validator = try CatalogError.wrap { () throws(LocaleTagError) in try LocaleValidator(sourceLocale: sourceLocale) }
        let run = validator.run(sources)
        let sourceTag = validator.sourceLocale
        guard let source = run.locales.first(where: { $0.tag == sourceTag }), let sourceFile = source.file,
              !source.diagnostics.contains(where: { $0.severity == .error })
        else {
            let missing = run.locales.contains { $0.tag == sourceTag } ? [] : [LocaleFileDiagnostic(
                file: "\(sourceTag).yaml", line: 1, column: 1, check: .sourceMissing, severity: .error,
                message: "the source locale \(sourceTag) has no file")]
            throw CatalogError(diagnostics: run.diagnostics + missing)
        }
        var locales = [CompiledLocale(tag: sourceTag, direction: sourceTag.direction, messages: source.compiled)]
        for validated in run.locales where validated.tag != sourceTag && !validated.excludesFile {
            if locales.contains(where: { $0.tag == validated.tag }) { continue }
            locales.append(CompiledLocale(tag: validated.tag, direction: validated.tag.direction, messages: validated.compiled))
        }
        let matchable = locales.count
        for pseudo in PseudoLocale.allCases where !locales.contains(where: { $0.tag == pseudo.tag }) {
            locales.append(CompiledLocale.pseudo(pseudo, source: sourceFile, structures: source.structures))
        }
        let defaultTag = try CatalogError.wrap { () throws(LocaleTagError) in try LocaleTag(defaultLocale ?? sourceLocale) }
        guard let defaultIndex = locales[..<matchable].firstIndex(where: { $0.tag == defaultTag }) else {
            throw CatalogError(diagnostics: run.diagnostics + [LocaleFileDiagnostic(
                file: "\(defaultTag).yaml", line: 1, column: 1, check: .defaultMissing, severity: .error,
                message: "the default locale \(defaultTag) is not among the loaded locales")])
        }
        do {
            // Pseudo-locales are reachable by their exact tag only, never as the closest match.
            matcher = try LocaleMatcher(supported: locales[..<matchable].map(\.tag), defaultIndex: defaultIndex)
        } catch {
            throw CatalogError(diagnostics: run.diagnostics + [LocaleFileDiagnostic(
                file: "", line: 1, column: 1, check: .localeMatcher, severity: .error,
                message: "ICU could not build the locale matcher: \(error)")])
        }
        self.sourceLocale = sourceTag
        self.defaultLocale = defaultTag
        self.compiled = locales
        self.sourceIndex = 0
        self.exactTags = ExactTagTable(locales.map(\.tag.identifier))
        self.locales = locales.map(\.tag)
        self.diagnostics = run.diagnostics
        self.sourceEntries = Dictionary(sourceFile.entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.pseudoLocales = Set(locales[matchable...].map(\.tag))
        self.source = sources.first { LocaleValidator.tag(forPath: $0.path) == sourceTag } ?? LocaleSource(path: source.path, text: "")
        self.sourceOrder = sourceFile.entries.map(\.key)
        self.sourceStructures = source.structures
        self.matcherIndices = nil
        self.changedKeys = [:]
        self.brandMessages = [:]
    }

    /// A brand's effective catalog: `base` with the overlay's messages on top, key by key. Everything the
    /// brand does not change is shared with `base` (the compiled messages, the tables, the matcher unless
    /// the brand adds a locale), so a brand costs what it overrides.
    init(overlaying base: MessageCatalog, with overlay: BrandOverlay) throws(CatalogError) {
        let parts = try base.overlaidParts(overlay)
        sourceLocale = base.sourceLocale
        defaultLocale = base.defaultLocale
        compiled = parts.compiled
        locales = parts.compiled.count == base.compiled.count ? base.locales : parts.compiled.map(\.tag)
        diagnostics = overlay.diagnostics
        sourceEntries = parts.sourceEntries
        pseudoLocales = base.pseudoLocales
        source = base.source
        sourceIndex = base.sourceIndex
        sourceOrder = base.sourceOrder
        sourceStructures = base.sourceStructures
        exactTags = parts.exactTags
        matcher = parts.matcher
        matcherIndices = parts.matcherIndices
        brandMessages = parts.brandMessages
        // Per locale index, the keys whose message differs from the base's (every key in an added locale).
        var keys = Set(overlay.sourceOverrides.keys)
        for messages in overlay.messages.values { keys.formUnion(messages.keys) }
        func own(_ key: String, _ index: Int) -> CompiledMessage? { parts.brandMessages[index]?[key] ?? parts.compiled[index].message(key) }
        var changed: [Int: Set<String>] = [:]
        for index in parts.compiled.indices {
            let differing = index < base.compiled.count
                ? keys.filter { (own($0, index) ?? own($0, base.sourceIndex)) !== base.message($0, at: index) }
                : Set(base.sourceOrder)
            if !differing.isEmpty { changed[index] = differing }
        }
        changedKeys = changed
    }

    /// Loads every `*.yaml` file of a folder.
    public convenience init(directory: String, sourceLocale: String = "en", defaultLocale: String? = nil) throws(CatalogError) {
        let sources: [LocaleSource]
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
            sources = try names.map { name in
                let path = (directory as NSString).appendingPathComponent(name)
                return LocaleSource(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
            }
        } catch {
            throw CatalogError(diagnostics: [LocaleFileDiagnostic(
                file: directory, line: 1, column: 1, check: .io, severity: .error,
                message: "cannot read the locale folder: \(error.localizedDescription)")])
        }
        try self.init(sources: sources, sourceLocale: sourceLocale, defaultLocale: defaultLocale)
    }

    /// The locale files built into the library (`locales/*.yaml` of the repository).
    public static var embeddedSources: [LocaleSource] { EmbeddedResources.localeSources }

    /// The catalog built into the library from the repository's `locales/` folder.
    public static func embedded(defaultLocale: String = "en") throws(CatalogError) -> MessageCatalog {
        try MessageCatalog(sources: EmbeddedResources.localeSources, sourceLocale: "en", defaultLocale: defaultLocale)
    }

    // MARK: Negotiation

    /// The loaded locale closest to an explicit tag (`de-AT` → `de`), or the default locale.
    /// Throws for a tag that is not well-formed BCP 47, so that services can answer 400.
    public func negotiate(tag: String) throws(LocaleTagError) -> NegotiatedLocale {
        if let index = exactTags.index(of: tag) { return negotiated(index) }  // the common case: no parsing, no ICU
        return closestLocale(to: try LocaleTag(tag)) ?? defaultNegotiated
    }

    /// The loaded locale that serves `tag` (`de-AT` → `de`, `es-MX` → `es-419`), or nil when no loaded locale
    /// is close enough (a language the catalog lacks): the lookup of `GET /v1/catalog/{locale}`, which must
    /// not answer a request for Samoan with English. CLDR does send some languages to one their speakers
    /// commonly read (Basque → Spanish, Kazakh → Russian). Pseudo-locales match their exact tag only.
    public func closestLocale(to tag: LocaleTag) -> NegotiatedLocale? {
        if let index = exactTags.index(of: tag.identifier) { return negotiated(index) }
        return matcher.closestMatch(for: tag).map(matched)
    }

    /// The loaded locale best matching an HTTP `Accept-Language` value; malformed entries are ignored.
    public func negotiate(acceptLanguage: String) -> NegotiatedLocale {
        matched(matcher.bestMatch(acceptLanguage: acceptLanguage))
    }

    /// The customer's locale, by the one ladder every face uses: the explicit tag when there is one (a
    /// request's `locale`, a `--locale` option), else the `Accept-Language` value, else the default locale.
    /// Throws only for an explicit tag that is not well-formed BCP 47, which a service answers with 400.
    public func negotiate(tag: String?, acceptLanguage: String?) throws(LocaleTagError) -> NegotiatedLocale {
        if let tag { return try negotiate(tag: tag) }
        if let acceptLanguage { return negotiate(acceptLanguage: acceptLanguage) }
        return defaultNegotiated
    }

    /// The default locale, as a negotiation result.
    public var defaultNegotiated: NegotiatedLocale { matched(matcher.defaultIndex) }

    /// The locale of a matcher index.
    private func matched(_ matcherIndex: Int) -> NegotiatedLocale {
        negotiated(matcherIndices.map { $0[matcherIndex] } ?? matcherIndex)
    }

    private func negotiated(_ index: Int) -> NegotiatedLocale {
        NegotiatedLocale(tag: compiled[index].tag, direction: compiled[index].direction, index: index)
    }

    // MARK: Lookup

    /// The compiled message for `key` in a negotiated locale, falling back to the source locale.
    func message(_ key: String, in locale: NegotiatedLocale) -> CompiledMessage? {
        message(key, at: locale.index)
    }

    /// The compiled message for `key` in the locale at `index`, falling back to the source locale.
    func message(_ key: String, at index: Int) -> CompiledMessage? {
        own(key, at: index) ?? own(key, at: sourceIndex)
    }

    /// The message for `key` that the locale at `index` has itself (a brand's first), without fallback.
    @inline(__always)
    func own(_ key: String, at index: Int) -> CompiledMessage? {
        if !brandMessages.isEmpty, let message = brandMessages[index]?[key] { return message }
        return compiled[index].message(key)
    }

    /// Share of the source keys a locale translates, from 0 to 1.
    public func completeness(of locale: LocaleTag) -> Double {
        guard let index = compiled.firstIndex(where: { $0.tag == locale }), !sourceEntries.isEmpty else { return 0 }
        let translated = sourceEntries.keys.filter { own($0, at: index) != nil }.count
        return Double(translated) / Double(sourceEntries.count)
    }
}
