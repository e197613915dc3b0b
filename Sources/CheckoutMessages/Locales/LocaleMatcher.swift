#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CICU
import Foundation

/// CLDR locale negotiation over a fixed set of supported locales, by ICU's `LocaleMatcher`
/// (`de-AT` → `de`, `pt` → `pt-BR`, `zh-TW` → `zh-Hant`, unknown → the default).
final class LocaleMatcher: @unchecked Sendable {  // ICU's matcher is immutable and thread-safe once built
    private let handle: OpaquePointer
    let supported: [LocaleTag]
    let defaultIndex: Int

    /// Longest `Accept-Language` value considered; browsers send well under 200 bytes.
    static let maximumListLength = 1024

    /// `Accept-Language` values already matched. Parsing a list and running ICU's matcher on it takes
    /// about 10 µs, and a service sees the same few browser values over and over. Bounded: when full, it
    /// starts over (a hostile client sending endless distinct values costs a rebuild, not memory).
    private let acceptLanguageCache = AcceptLanguageCache()
    static let acceptLanguageCacheLimit = 512

    init(supported: [LocaleTag], defaultIndex: Int) throws(ICUError) {
        var status = cicu_status.initial
        let identifiers = supported.map(\.identifier)
        var pointers = identifiers.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        let created = pointers.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) {
                cicu_locale_matcher_create($0.baseAddress, Int32($0.count), Int32(defaultIndex), &status)
            }
        }
        guard let created, !status.failed else { throw ICUError(status) }
        handle = created
        self.supported = supported
        self.defaultIndex = defaultIndex
    }

    deinit { cicu_locale_matcher_destroy(handle) }

    /// The index of the supported locale close enough to `tag` by CLDR's distances, or nil when no
    /// supported locale is (a language the catalog lacks).
    func closestMatch(for tag: LocaleTag) -> Int? {
        let index = Int(tag.identifier.withCString { cicu_locale_matcher_match_tag(handle, $0) })
        return index >= 0 ? index : nil
    }

    /// The index of the supported locale best matching an `Accept-Language` value (q-values honoured).
    /// Entries that are not well-formed tags are dropped; an unusable value yields the default.
    func bestMatch(acceptLanguage: String) -> Int {
        guard acceptLanguage.utf8.count <= Self.maximumListLength else { return defaultIndex }
        if let known = acceptLanguageCache.index(for: acceptLanguage) { return known }
        let index = match(acceptLanguage: acceptLanguage)
        acceptLanguageCache.store(index, for: acceptLanguage, limit: Self.acceptLanguageCacheLimit)
        return index
    }

    /// The tag with CLDR's language aliases applied (`sh` → `sr-Latn`, `tl` → `fil`), as ICU's matcher
    /// needs them: it maps `iw` and `in` itself, but not these.
    static func matchingForm(of tag: LocaleTag) -> String {
        let canonical = readUTF8(initialCapacity: 96) { out, capacity in
            tag.identifier.withCString { cicu_canonical_locale_for_matching($0, out, capacity) }
        }
        return canonical.isEmpty ? tag.identifier : canonical
    }

    private func match(acceptLanguage: String) -> Int {
        // ICU refuses the whole list when one entry is malformed; keep the well-formed ones instead.
        let entries = acceptLanguage.split(separator: ",").compactMap { entry -> String? in
            let parts = entry.split(separator: ";", maxSplits: 1)
            guard let first = parts.first, let tag = try? LocaleTag(String(first.trimmingWhitespace)) else { return nil }
            let matchable = Self.matchingForm(of: tag)
            return parts.count == 2 ? "\(matchable);\(parts[1].trimmingWhitespace)" : matchable
        }
        guard !entries.isEmpty else { return defaultIndex }
        let list = entries.joined(separator: ",")
        return Int(list.withCString { cicu_locale_matcher_match_list(handle, $0, Int32(list.utf8.count)) })
    }
}
