import Foundation
import Testing

@testable import CheckoutMessages

@Suite("Locale negotiation (CLDR, ICU's LocaleMatcher)")
struct LocaleNegotiationTests {
    /// en (source and default) plus de, pt-BR, pt-PT, zh-Hant and ar, which exist only in the tests.
    static let catalog: MessageCatalog = {
        do {
            return try MessageCatalog(directory: fixturesDirectory.appendingPathComponent("negotiation").path)
        } catch { fatalError("\(error)") }
    }()

    @Test func fixtureLocalesLoad() {
        #expect(Self.catalog.locales.map(\.identifier) == ["en", "ar", "de", "pt-BR", "pt-PT", "zh-Hant", "en-XA", "ar-XB"])
        // The test translations only have `greeting`: each lacks `wait`, which falls back to the source.
        #expect(Self.catalog.diagnostics.map(\.check) == Array(repeating: ValidationCheck.missingKey, count: 5))
    }

    @Test("explicit tags", arguments: [
        ("de", "de"), ("de-AT", "de"), ("de-CH", "de"), ("DE-at", "de"), ("de_AT", "de"),
        ("pt", "pt-BR"), ("pt-BR", "pt-BR"), ("pt-PT", "pt-PT"), ("pt-AO", "pt-PT"), ("pt-MZ", "pt-PT"),
        ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-Hant", "zh-Hant"), ("zh-CN", "en"), ("zh", "en"),
        ("ar-EG", "ar"), ("fr", "en"), ("fr-CA", "en"), ("en-GB", "en"), ("und", "en"), ("x-klingon", "en"),
    ])
    func explicitTag(_ tag: String, _ expected: String) throws {
        #expect(try Self.catalog.negotiate(tag: tag).tag.identifier == expected)
    }

    /// How customers arrive at the shipped catalog: regional tags, legacy codes and macrolanguages.
    @Test("the shipped catalog: regional variants and legacy codes", arguments: [
        ("es-MX", "es-419"), ("es-AR", "es-419"), ("es-US", "es-419"), ("es-419", "es-419"), ("es-ES", "es"), ("es", "es"),
        ("pt-AO", "pt-PT"), ("pt-MZ", "pt-PT"), ("pt-PT", "pt-PT"), ("pt", "pt-BR"), ("pt-BR", "pt-BR"),
        ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-MO", "zh-Hant"), ("zh-Hant-HK", "zh-Hant"),
        ("zh", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh-SG", "zh-Hans"),
        ("en-AU", "en-GB"), ("en-IN", "en-GB"), ("en-IE", "en-GB"), ("en-NZ", "en-GB"), ("en-GB", "en-GB"),
        ("en-US", "en"), ("en", "en"),
        ("no", "nb"), ("nn", "nb"), ("nn-NO", "nb"), ("nb-NO", "nb"), ("tl", "fil"), ("iw", "he"), ("in", "id"),
        ("sr-Latn-RS", "sr-Latn"), ("sh", "sr-Latn"), ("sr-RS", "sr"), ("sr-Cyrl", "sr"),
        ("sh-RS", "sr-Latn"), ("mo", "ro"), ("fr-CH", "fr"), ("fr-BE", "fr"), ("fr-FR", "fr"), ("fr-CA", "fr-CA"),
        ("ko-KR", "ko"), ("ru-RU", "ru"), ("sv-FI", "sv"), ("fa-IR", "fa"), ("ur-PK", "ur"), ("sw-KE", "sw"),
    ])
    func shippedCatalogNegotiation(_ tag: String, _ expected: String) throws {
        #expect(try shippedCatalog.negotiate(tag: tag).tag.identifier == expected)
        #expect(try shippedCatalog.closestLocale(to: LocaleTag(tag))?.tag.identifier == expected)
    }

    @Test("the shipped catalog: Accept-Language lists", arguments: [
        ("es-MX, es;q=0.9, en;q=0.5", "es-419"), ("sh, en;q=0.5", "sr-Latn"), ("tl, en;q=0.5", "fil"),
        ("pt-AO, pt;q=0.9", "pt-PT"), ("zh-HK, en;q=0.8", "zh-Hant"), ("en-IN, hi;q=0.8", "en-GB"),
        ("sm, de;q=0.5", "de"),
    ])
    func shippedAcceptLanguage(_ header: String, _ expected: String) {
        #expect(shippedCatalog.negotiate(acceptLanguage: header).tag.identifier == expected)
    }

    /// CLDR sends some languages to a second language their speakers commonly read (Basque → Spanish,
    /// Kazakh → Russian, Welsh or Klingon → English); others (Samoan) have no close locale here.
    @Test func aLanguageTheCatalogLacksHasNoClosestLocale() throws {
        #expect(try shippedCatalog.closestLocale(to: LocaleTag("sm")) == nil)
        #expect(try shippedCatalog.negotiate(tag: "sm").tag.identifier == "en")
        #expect(try shippedCatalog.closestLocale(to: LocaleTag("eu"))?.tag.identifier == "es")
        #expect(try shippedCatalog.closestLocale(to: LocaleTag("kk"))?.tag.identifier == "ru")
        #expect(try shippedCatalog.closestLocale(to: LocaleTag("tlh"))?.tag.identifier == "en")
        #expect(try shippedCatalog.closestLocale(to: LocaleTag("en-XA"))?.tag.identifier == "en-XA")
    }

    @Test("Accept-Language with q-values", arguments: [
        ("de-CH, de;q=0.9, en;q=0.8", "de"),
        ("fr-FR, fr;q=0.9, pt;q=0.8, en;q=0.5", "pt-BR"),
        ("en;q=0.1, de;q=0.9", "de"),
        ("fr, es", "en"),
        ("*", "en"),
        ("", "en"),
        ("pt-PT;q=0.5, zh-TW;q=0.7", "zh-Hant"),
        ("../../etc/passwd, de;q=0.5", "de"),
        ("de;q=abc", "en"),
        (";;;,,,", "en"),
    ])
    func acceptLanguage(_ header: String, _ expected: String) {
        #expect(Self.catalog.negotiate(acceptLanguage: header).tag.identifier == expected)
    }

    @Test("hostile or malformed tags are refused", arguments: [
        "../../etc/passwd", "", " ", "en US", "en\u{0}", "de\nX-Injected: 1", "<script>", String(repeating: "a", count: 10_000),
        "en-" + String(repeating: "x", count: 70), "toolongsubtagxyz", "--", "ü",
    ])
    func hostileTags(_ tag: String) {
        #expect(throws: LocaleTagError.self) { try Self.catalog.negotiate(tag: tag) }
    }

    /// Matched values are remembered (bounded): answers stay the same the second time, and past the
    /// limit, when the memory starts over.
    @Test func acceptLanguageAnswersSurviveTheCache() {
        let catalog = try! MessageCatalog(directory: fixturesDirectory.appendingPathComponent("negotiation").path)
        let headers = (0..<(LocaleMatcher.acceptLanguageCacheLimit + 50)).map { index in
            ["fr;q=0.\(index % 9 + 1), pt-PT", "x-\(index), zh-TW;q=0.5", "es-\(index % 90 + 10), de"][index % 3]
        }
        let expected = ["pt-PT", "zh-Hant", "de"]
        for round in 0..<2 {
            for (index, header) in headers.enumerated() {
                #expect(catalog.negotiate(acceptLanguage: header).tag.identifier == expected[index % 3], "round \(round): \(header)")
            }
        }
    }

    @Test func hugeAcceptLanguageFallsBackToDefault() {
        let header = Array(repeating: "de;q=0.5", count: 2_000).joined(separator: ",")
        #expect(Self.catalog.negotiate(acceptLanguage: header).tag.identifier == "en")
    }

    /// The locale-tag fuzz target's finding (FUZZING.md): a 62-byte private-use tag that ICU lengthens
    /// (`x-…` becomes `und-x-…`, 66 bytes) would not parse again; a tag is now refused when its canonical
    /// form is over the cap, so every accepted tag re-parses to itself.
    @Test func canonicalFormOverTheCapIsRefused() throws {
        let fuzzed = "x_deKK-u-fHu-nu-hen_US-nuanu-nu-u-nf-Su-frh-nu-u-nu-h-en_US-nu"
        #expect(fuzzed.utf8.count <= LocaleTag.maximumLength)
        #expect(throws: LocaleTagError.self) { try LocaleTag(fuzzed) }
        let short = try LocaleTag("x_deKK-u")
        #expect(short.identifier == "und-x-dekk-u")
        #expect(try LocaleTag(short.identifier) == short)
    }

    @Test func errorTextIsShortened() {
        let error = #expect(throws: LocaleTagError.self) { try LocaleTag(String(repeating: "b", count: 10_000)) }
        #expect((error?.description.count ?? 0) < 100)
    }

    @Test func directionFollowsTheScript() throws {
        #expect(try Self.catalog.negotiate(tag: "ar").direction == .rightToLeft)
        #expect(try LocaleTag("he").direction == .rightToLeft)
        #expect(try LocaleTag("fa-IR").direction == .rightToLeft)
        #expect(try Self.catalog.negotiate(tag: "de").direction == .leftToRight)
    }

    @Test func canonicalForm() throws {
        #expect(try LocaleTag("zh-hans").identifier == "zh-Hans")
        #expect(try LocaleTag("pt_br").identifier == "pt-BR")
    }

    @Test func translatedMessageAndSourceFallbackPerKey() throws {
        let de = try Self.catalog.negotiate(tag: "de-AT")
        #expect(try Self.catalog.message("greeting", in: de)?.format([:]) == "Ihre Zahlung wurde abgelehnt.")
        // `wait` is not translated in the test's de.yaml: the source message is used for that key only.
        #expect(try Self.catalog.message("wait", in: de)?.format(["n": 2]) == "Try again in 2 seconds.")
        #expect(Self.catalog.completeness(of: try LocaleTag("de")) == 0.5)
        #expect(Self.catalog.completeness(of: try LocaleTag("en")) == 1)
    }

    @Test("the resolver negotiates too, with a test-only translation")
    func resolverWithTestLocale() throws {
        let catalog = try MessageCatalog(sources: [
            LocaleSource(path: "locales/en.yaml", text: try sourceCatalogText()),
            LocaleSource(path: "fixtures/de.yaml", text: try fixtureText("resolver-de.yaml")),
        ])
        let resolver = try Resolver(catalog: catalog)
        let declined = try resolver.resolve(UpstreamError(status: 400, code: 1035), locale: "de-AT")
        #expect(declined.locale == "de")
        #expect(declined.message == "Die Zahlung wurde abgelehnt. Bitte nutzen Sie eine andere Karte oder Zahlungsart.")
        let viaHeader = try resolver.resolve(UpstreamError(status: 400, code: 1035), acceptLanguage: "fr;q=0.9, de;q=0.8")
        #expect(viaHeader == declined)
        // A key the test translation lacks comes from the source locale, the locale stays de.
        let later = try resolver.resolve(UpstreamError(status: 400, code: 2003), locale: "de")
        #expect(later.locale == "de")
        #expect(later.message == "We couldn’t complete this right now. Please try again later.")
        // A tag that is not BCP 47 is the caller's mistake, told as a typed error (a service answers 400);
        // a well-formed tag of a language the catalog lacks gets the default locale.
        #expect(throws: LocaleTagError.self) { try resolver.resolve(UpstreamError(status: 400, code: 1035), locale: "../../etc/passwd") }
        #expect(try resolver.resolve(UpstreamError(status: 400, code: 1035), locale: "zu").locale == "en")
        // The ladder: an explicit tag wins over Accept-Language, which wins over the default.
        #expect(try resolver.resolve(UpstreamError(status: 400, code: 1035), locale: "en", acceptLanguage: "de").locale == "en")
        #expect(try resolver.resolve(UpstreamError(status: 400, code: 1035)).locale == "en")
    }
}
