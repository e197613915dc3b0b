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
    public init(_ text: String) throws(LocaleTagError) {
        guard !text.isEmpty, text.utf8.count <= Self.maximumLength,
              text.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { throw LocaleTagError(tag: text) }
        let normalized = text.replacingUnderscores
        let canonical = readUTF8(initialCapacity: 96) { out, capacity in
            normalized.withCString { cicu_canonical_language_tag($0, Int32(normalized.utf8.count), out, capacity) }
        }
        guard !canonical.isEmpty else { throw LocaleTagError(tag: text) }
        identifier = canonical
    }

    /// Whether ICU knows the language (`german.yaml` is well-formed BCP 47 but names no language).
    public var isKnownLanguage: Bool { identifier.withCString { cicu_is_known_language($0) } != 0 }

    /// The writing direction of the locale's script, from ICU's likely-subtags data.
    public var direction: TextDirection {
        identifier.withCString { cicu_is_right_to_left($0) } != 0 ? .rightToLeft : .leftToRight
    }

    public var description: String { identifier }

    public static func < (lhs: LocaleTag, rhs: LocaleTag) -> Bool { lhs.identifier < rhs.identifier }
}

/// A text that is not a usable BCP 47 language tag.
public struct LocaleTagError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The refused input, shortened so that a hostile value cannot flood logs or responses.
    public let tag: String

    init(tag: String) {
        self.tag = tag.count > 40 ? String(tag.prefix(40)) + "…" : tag
    }

    public var description: String { "not a valid BCP 47 language tag: \"\(tag)\"" }
}

/// Which way text runs in a locale.
public enum TextDirection: String, Sendable, Codable, Hashable {
    /// Left to right.
    case leftToRight = "ltr"
    /// Right to left (Arabic, Hebrew, ...).
    case rightToLeft = "rtl"
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
