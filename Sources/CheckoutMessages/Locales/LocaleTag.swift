import CICU

/// A well-formed BCP 47 language tag in ICU's canonical form (`zh-hans` becomes `zh-Hans`).
///
/// Building one is the gate for every tag that comes from outside: file names, `locale` parameters and
/// `Accept-Language` entries. Anything that is not a short, well-formed tag (`../../etc/passwd`, a 10 KB
/// string, control characters) is refused before it reaches ICU or the file system.
public struct LocaleTag: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The longest tag accepted. Real tags are far shorter; the cap keeps hostile input cheap to refuse.
    public static let maximumLength = 64

    /// The canonical tag, e.g. `pt-BR`.
    public let identifier: String

    /// Validates and canonicalizes `text`. Underscores are accepted as separators (`pt_BR`).
    ///
    /// A tag is accepted when it follows RFC 5646's `langtag` grammar (or is private use, `x-...`), the
    /// rule `openapi.yaml` states as a pattern. ICU then canonicalizes it; the rare well-formed tag ICU
    /// cannot parse (say, a repeated variant) is kept as written and simply matches no locale.
    public init(_ text: String) throws(LocaleTagError) {
        guard !text.isEmpty, text.utf8.count <= Self.maximumLength, Self.isWellFormed(text) else { throw LocaleTagError(tag: text) }
        let normalized = text.replacingUnderscores
        let canonical = readUTF8(initialCapacity: 96) { out, capacity in
            normalized.withCString { cicu_canonical_language_tag($0, Int32(normalized.utf8.count), out, capacity) }
        }
        identifier = canonical.isEmpty ? normalized : canonical
        // ICU may lengthen a tag (`x-…` becomes `und-x-…`); one longer than the cap would not parse again.
        guard identifier.utf8.count <= Self.maximumLength else { throw LocaleTagError(tag: text) }
    }

    /// RFC 5646 well-formedness: language (2–3 letters with up to three 3-letter extlangs, or 4–8 letters),
    /// then optional script (4 letters), region (2 letters or 3 digits), variants (5–8 alphanumerics or a
    /// digit and 3 alphanumerics), extensions (a singleton and 2–8 alphanumerics each) and private use
    /// (`x` and 1–8 alphanumerics each). Separators are `-` or `_`.
    static func isWellFormed(_ text: String) -> Bool {
        let subtags = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: UInt8(ascii: "_"), omittingEmptySubsequences: false) }
        func isAlpha(_ subtag: ArraySlice<UInt8>.SubSequence) -> Bool {
            subtag.allSatisfy { (65...90).contains($0) || (97...122).contains($0) }
        }
        func isDigit(_ subtag: ArraySlice<UInt8>.SubSequence) -> Bool { subtag.allSatisfy { (48...57).contains($0) } }
        func isAlphanumeric(_ subtag: ArraySlice<UInt8>.SubSequence) -> Bool { subtag.allSatisfy(\.isASCIIAlphanumeric) }
        let parts = subtags.map { ArraySlice($0) }
        var index = 0
        func privateUse() -> Bool {  // at an `x` singleton
            index += 1
            guard index < parts.count else { return false }
            while index < parts.count {
                guard (1...8).contains(parts[index].count), isAlphanumeric(parts[index]) else { return false }
                index += 1
            }
            return true
        }
        guard let first = parts.first, !first.isEmpty else { return false }
        if first.count == 1, first.first == UInt8(ascii: "x") || first.first == UInt8(ascii: "X") { return privateUse() }
        guard isAlpha(first), (2...8).contains(first.count) else { return false }
        index = 1
        if first.count <= 3 {
            var extlangs = 0
            while extlangs < 3, index < parts.count, parts[index].count == 3, isAlpha(parts[index]) {
                index += 1
                extlangs += 1
            }
        }
        if index < parts.count, parts[index].count == 4, isAlpha(parts[index]) { index += 1 }
        if index < parts.count, (parts[index].count == 2 && isAlpha(parts[index])) || (parts[index].count == 3 && isDigit(parts[index])) {
            index += 1
        }
        while index < parts.count, isAlphanumeric(parts[index]),
              (5...8).contains(parts[index].count) || (parts[index].count == 4 && isDigit(parts[index].prefix(1))) {
            index += 1
        }
        while index < parts.count, parts[index].count == 1, isAlphanumeric(parts[index]) {
            if parts[index].first == UInt8(ascii: "x") || parts[index].first == UInt8(ascii: "X") { return privateUse() }
            index += 1
            let start = index
            while index < parts.count, (2...8).contains(parts[index].count), isAlphanumeric(parts[index]) { index += 1 }
            guard index > start else { return false }
        }
        return index == parts.count
    }

    /// Whether ICU knows the language (`german.yaml` is well-formed BCP 47 but names no language).
    public var isKnownLanguage: Bool { identifier.withCString { cicu_is_known_language($0) } != 0 }

    /// The writing direction of the locale's script, from ICU's likely-subtags data.
    public var direction: TextDirection {
        identifier.withCString { cicu_is_right_to_left($0) } != 0 ? .rightToLeft : .leftToRight
    }

    public var description: String { identifier }

    /// By canonical identifier, so that lists of locales sort the same everywhere.
    public static func < (lhs: LocaleTag, rhs: LocaleTag) -> Bool { lhs.identifier < rhs.identifier }
}

extension UInt8 {
    /// A–Z, a–z or 0–9: the characters of a BCP 47 subtag.
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

extension String {
    /// `de_AT` as `de-AT`: POSIX-style names accepted where BCP 47 is meant.
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
