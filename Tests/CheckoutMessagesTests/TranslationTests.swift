import Foundation
import Testing

@testable import CheckoutMessages

/// Every shipped locale as customers see it, compared with the expected text in `Renderings/<tag>.txt`:
/// one resolution of each presentation, and every plural message formatted for one sample of each of
/// the locale's plural categories (the first whole-number sample of ICU's CLDR rules that no exact value
/// takes: a count is never fractional) and for each exact value (`=0`). Expected files are reviewed text, not generated at
/// test time: after a reviewed translation change, `CHECKOUT_MESSAGES_RECORD=1 swift test --filter
/// TranslationTests` rewrites them, and the diff is what a reviewer reads.
@Suite("Shipped translations")
struct TranslationTests {
    static let realLocales = shippedCatalog.locales.filter { !shippedCatalog.pseudoLocales.contains($0) }
    static let renderingsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Renderings")
    static let reference = "1d6973b1-8fcb-4dd8"

    /// One error per presentation: inline (two fields: one missing, one invalid), retry, stop with a reference.
    static let presentations: [(name: String, error: UpstreamError)] = [
        ("inline", UpstreamError(status: 400, code: 1001, fieldErrors: [
            FieldError(resource: "card", field: "number", type: "missing"), FieldError(resource: "customer", field: "email", type: "invalid"),
        ])),
        ("retry", UpstreamError(status: 400, code: 2104)),
        ("stop", UpstreamError(status: 404, code: 1002, traceId: reference)),
    ]

    /// The lines of a locale's expected file: `name | text`.
    static func renderings(of tag: LocaleTag) throws -> [String] {
        let locale = try shippedCatalog.negotiate(tag: tag.identifier)
        var lines: [String] = []
        for (name, error) in presentations {
            let resolution = shippedResolver.resolve(error, in: locale)
            lines.append("\(name) \(resolution.key) | \(resolution.message)")
            for field in resolution.fields { lines.append("\(name) \(field.field) | \(field.message)") }
        }
        for key in shippedCatalog.sourceEntries.keys.sorted() {
            let entry = try #require(shippedCatalog.sourceEntries[key])
            let structure = try PatternStructure(parsing: entry.message)
            for argument in structure.arguments where argument.kind == .plural {
                var samples: [(String, Int64)] = argument.selectors.compactMap { selector in
                    selector.explicitValue.map { ("=\(Int64($0))", Int64($0)) }
                }
                let explicit = Set(samples.map(\.1))
                for category in PluralCategory.categories(for: tag) {
                    // The first whole sample that an exact value (=0) does not take over.
                    guard let sample = category.samples(for: tag, limit: 16).first(where: {
                        $0 >= 0 && $0.rounded() == $0 && !explicit.contains(Int64($0))
                    }) else { continue }
                    samples.append((category.rawValue, Int64(sample)))
                }
                for (label, value) in samples {
                    var arguments = entry.arguments.mapValues(\.example)
                    arguments[argument.name] = .integer(value)
                    let text = try #require(shippedCatalog.message(key, in: locale)).format(arguments)
                    lines.append("\(key) \(argument.name)=\(value) \(label) | \(text)")
                }
            }
        }
        return lines
    }

    @Test("each locale renders as expected", arguments: realLocales)
    func renderings(_ tag: LocaleTag) throws {
        let actual = try Self.renderings(of: tag)
        let file = Self.renderingsDirectory.appendingPathComponent("\(tag.identifier).txt")
        if ProcessInfo.processInfo.environment["CHECKOUT_MESSAGES_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.renderingsDirectory, withIntermediateDirectories: true)
            try (actual.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(actual.count == expected.count, "\(tag): \(actual.count) renderings, \(expected.count) expected")
        for (got, want) in zip(actual, expected) { #expect(got == want) }
    }

    /// Each plural message has a line for every category the locale has a whole-number sample of.
    @Test func everyCategoryIsRendered() throws {
        let russian = try Self.renderings(of: LocaleTag("ru")).filter { $0.hasPrefix("form.check_fields ") }
        #expect(russian.map { $0.split(separator: "|")[0].split(separator: " ").dropFirst().joined(separator: " ") }
                == ["count=1 one", "count=2 few", "count=0 many"])
    }

    @Test func fiftyOrMoreRealLocalesLoadClean() {
        #expect(Self.realLocales.count >= 50)
        #expect(shippedCatalog.diagnostics.isEmpty, "\(shippedCatalog.diagnostics)")
    }

    @Test("every locale translates every key", arguments: realLocales.map(\.identifier).filter { $0 != "en" })
    func everyKeyTranslated(_ locale: String) throws {
        let tag = try LocaleTag(locale)
        #expect(shippedCatalog.completeness(of: tag) == 1)
        let negotiated = try shippedCatalog.negotiate(tag: locale)
        let en = try shippedCatalog.negotiate(tag: "en")
        for (key, entry) in shippedCatalog.sourceEntries {
            let arguments = entry.arguments.mapValues(\.example)
            let translated = try #require(shippedCatalog.message(key, in: negotiated)).format(arguments)
            let english = try #require(shippedCatalog.message(key, in: en)).format(arguments)
            // British English may say what US English says; every other language must not.
            if !locale.hasPrefix("en-") { #expect(translated != english, "\(locale) \(key) is an English copy") }
            #expect(!translated.contains("{") && !translated.contains("}"), "\(locale) \(key): \(translated)")
        }
    }

    @Test func rightToLeftLocalesSayRTL() throws {
        for locale in ["ar", "he", "fa", "ur"] {
            let resolution = try shippedResolver.resolve(UpstreamError(status: 400, code: 1035), locale: locale)
            #expect(resolution.direction == .rightToLeft)
            #expect(resolution.locale == locale)
        }
        #expect(try shippedResolver.resolve(UpstreamError(status: 400, code: 1035), locale: "zh-CN").locale == "zh-Hans")
        #expect(try shippedResolver.resolve(UpstreamError(status: 400, code: 1035), locale: "pt").locale == "pt-BR")
    }

    @Test func moneyInGermanCatalogMessage() throws {
        let resolution = try shippedResolver.resolve(UpstreamError(status: 400, code: 1042), locale: "de",
                                                 arguments: ["available": .money(Money(minorUnits: 1999, currency: "EUR"))])
        #expect(resolution.message.contains("19,99\u{A0}€"))
        #expect(resolution.fields.map(\.field) == ["refund.amount"])
    }
}
