import Foundation

/// The text of one locale file, as read from disk or from the embedded copy.
public struct LocaleSource: Sendable, Hashable {
    /// The path or name used in diagnostics; its last component, minus `.yaml`, names the locale.
    public var path: String
    /// The YAML text.
    public var text: String

    /// Creates a source.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

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
    /// Loaded locales by their canonical tag, for requests that name one exactly.
    private let exactTags: ExactTagTable
    private let matcher: LocaleMatcher

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
                file: "\(sourceTag).yaml", line: 1, column: 1, check: "source-missing", severity: .error,
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
                file: "\(defaultTag).yaml", line: 1, column: 1, check: "default-missing", severity: .error,
                message: "the default locale \(defaultTag) is not among the loaded locales")])
        }
        do {
            // Pseudo-locales are reachable by their exact tag only, never as the closest match.
            matcher = try LocaleMatcher(supported: locales[..<matchable].map(\.tag), defaultIndex: defaultIndex)
        } catch {
            throw CatalogError(diagnostics: run.diagnostics + [LocaleFileDiagnostic(
                file: "", line: 1, column: 1, check: "locale-matcher", severity: .error,
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
                file: directory, line: 1, column: 1, check: "io", severity: .error,
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
        let desired = try LocaleTag(tag)
        if pseudoLocales.contains(desired), let index = compiled.firstIndex(where: { $0.tag == desired }) {
            return negotiated(index)
        }
        return negotiated(matcher.bestMatch(for: desired))
    }

    /// The loaded locale best matching an HTTP `Accept-Language` value; malformed entries are ignored.
    public func negotiate(acceptLanguage: String) -> NegotiatedLocale {
        negotiated(matcher.bestMatch(acceptLanguage: acceptLanguage))
    }

    /// The default locale, as a negotiation result.
    public var defaultNegotiated: NegotiatedLocale { negotiated(matcher.defaultIndex) }

    private func negotiated(_ index: Int) -> NegotiatedLocale {
        NegotiatedLocale(tag: compiled[index].tag, direction: compiled[index].direction, index: index)
    }

    // MARK: Lookup

    /// The compiled message for `key` in a negotiated locale, falling back to the source locale.
    func message(_ key: String, in locale: NegotiatedLocale) -> CompiledMessage? {
        compiled[locale.index].messages[key] ?? compiled[sourceIndex].messages[key]
    }

    /// Share of the source keys a locale translates, from 0 to 1.
    public func completeness(of locale: LocaleTag) -> Double {
        guard let found = compiled.first(where: { $0.tag == locale }), !sourceEntries.isEmpty else { return 0 }
        let translated = sourceEntries.keys.filter { found.messages[$0] != nil }.count
        return Double(translated) / Double(sourceEntries.count)
    }
}

/// Canonical tags to locale indices, hashed with FNV-1a over their few bytes: for a tag like `de` or
/// `pt-BR` this costs a fraction of `Dictionary`'s seeded SipHash. Open addressing, at most half full.
struct ExactTagTable: Sendable {
    private let mask: Int
    private let slots: [Int]  // locale index, or -1
    private let identifiers: [String]

    init(_ identifiers: [String]) {
        self.identifiers = identifiers
        var size = 8
        while size < identifiers.count * 2 { size *= 2 }
        mask = size - 1
        var slots = [Int](repeating: -1, count: size)
        for (index, identifier) in identifiers.enumerated() {
            var slot = Self.hash(identifier) & (size - 1)
            while slots[slot] >= 0 {
                if identifiers[slots[slot]] == identifier { break }  // a duplicate keeps the first
                slot = (slot + 1) & (size - 1)
            }
            if slots[slot] < 0 { slots[slot] = index }
        }
        self.slots = slots
    }

    func index(of tag: String) -> Int? {
        var slot = Self.hash(tag) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            if identifiers[index] == tag { return index }
            slot = (slot + 1) & mask
        }
    }

    private static func hash(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }
}

/// The outcome of locale negotiation: a locale the catalog has.
public struct NegotiatedLocale: Sendable, Hashable {
    /// The locale actually used.
    public let tag: LocaleTag
    /// Its writing direction.
    public let direction: TextDirection
    let index: Int
}

/// The catalog could not be loaded; `diagnostics` says where and why.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors first in file order.
    public let diagnostics: [LocaleFileDiagnostic]

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    static func wrap<T>(_ body: () throws(LocaleTagError) -> T) throws(CatalogError) -> T {
        do {
            return try body()
        } catch {
            throw CatalogError(diagnostics: [LocaleFileDiagnostic(
                file: "", line: 1, column: 1, check: "locale-tag", severity: .error, message: error.description)])
        }
    }
}

extension MessageCatalog {
    /// Every source key's pattern in `locale`, falling back to the source pattern per key; for
    /// frontends that render with their own ICU MessageFormat implementation.
    public func patterns(for locale: LocaleTag) -> [String: String] {
        guard let index = compiled.firstIndex(where: { $0.tag == locale }) else { return [:] }
        var patterns: [String: String] = [:]
        for key in sourceEntries.keys {
            if let message = compiled[index].messages[key] ?? compiled[sourceIndex].messages[key] {
                patterns[key] = message.pattern
            }
        }
        return patterns
    }
}
