import Foundation
import Testing

@testable import CheckoutMessages

/// Each thread resolves with copies of the plans of its own (`ThreadPlanCache`). These tests hold those
/// copies to the resolver they came from and to the single-threaded results.
@Suite("Per-thread plans")
struct ResolverThreadingTests {
    /// The source catalog with the generic decline reworded, as a reload would bring.
    static func rewordedResolver(_ text: String) throws -> Resolver {
        let original = "message: Your payment was declined. Please use a different card or payment method."
        let source = try sourceCatalogText()
        #expect(source.contains(original))
        let catalog = try MessageCatalog(sources: [LocaleSource(path: "en.yaml", text: source.replacingOccurrences(
            of: original, with: "message: \(text)"))])
        return try Resolver(catalog: catalog)
    }

    @Test func resolversOnOneThreadKeepTheirOwnTexts() throws {
        let declined = UpstreamError(status: 402, code: 2101)
        let first = try Self.rewordedResolver("First wording.")
        let second = try Self.rewordedResolver("Second wording.")
        // Alternate more often than a thread keeps resolvers, so copies are dropped and made again.
        var extra: [Resolver] = []
        for round in 0..<3 * ThreadPlanCache.resolversKept {
            #expect(try first.resolve(declined, locale: "en").message == "First wording.")
            #expect(try second.resolve(declined, locale: "en").message == "Second wording.")
            #expect(try shippedResolver.resolve(declined, locale: "en").message
                == "Your payment was declined. Please use a different card or payment method.")
            if round.isMultiple(of: 3) { extra.append(try Self.rewordedResolver("Wording \(round).")) }
            #expect(try extra.last?.resolve(declined, locale: "en").message == "Wording \(round - round % 3).")
        }
    }

    @Test func manyThreadsGiveTheSingleThreadedResults() async throws {
        let cases: [(UpstreamError, String, MessageArguments)] = [
            (UpstreamError(status: 402, code: 2101, traceId: "T-1"), "de", [:]),
            (UpstreamError(status: 503), "cs", ["afterSeconds": 5]),
            (UpstreamError(status: 503), "pl", ["afterSeconds": 22]),
            (UpstreamError(status: 400, code: 1042), "de", ["available": .money(Money(minorUnits: 1999, currency: "EUR"))]),
            (UpstreamError(status: 400, code: 1042), "ja", ["available": .money(Money(minorUnits: 1999, currency: "JPY"))]),
            (UpstreamError(status: 400, code: 1001, fieldErrors: [FieldError(resource: "customer", field: "email", type: "missing")]),
             "fr", [:]),
        ]
        let expected = try cases.map { try shippedResolver.resolve($0.0, locale: $0.1, arguments: $0.2) }
        let locales = try cases.map { try shippedResolver.catalog.negotiate(tag: $0.1) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var mismatches = 0
                    for round in 0..<500 {
                        let index = (round + worker) % cases.count
                        let (error, _, arguments) = cases[index]
                        if shippedResolver.resolve(error, in: locales[index], arguments: arguments) != expected[index] { mismatches += 1 }
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        #expect(expected[3].message == "Die Erstattung übersteigt den noch erstattbaren Betrag von 19,99\u{A0}€.")
        #expect(expected[3].fields == [FieldMessage(field: "refund.amount", message: expected[3].message)])
    }

    @Test func aCurrencyCodeMustBeThreeLetters() throws {
        // `EURO` was once cut to `EUR`; it is unknown, so the message without the amount is used.
        let resolution = try shippedResolver.resolve(UpstreamError(status: 400, code: 1042), locale: "en",
                                                 arguments: ["available": .money(Money(minorUnits: 1999, currency: "EURO"))])
        #expect(resolution.key == "refund.exceeds_available")
        let message = try CompiledMessage(pattern: "Up to {a}.", locale: LocaleTag("en"))
        #expect(throws: ICUError.self) { try message.format(["a": .money(Money(minorUnits: 1999, currency: "EURO"))]) }
        #expect(throws: ICUError.self) { try message.format(["a": .money(Money(minorUnits: 1999, currency: "EU"))]) }
        #expect(try message.format(["a": .money(Money(minorUnits: 1999, currency: "eur"))]) == "Up to €19.99.")
    }

    @Test("codes and statuses outside the tables fall back", arguments: [
        (UpstreamError(status: 503, code: -5), RuleLevel.status),
        (UpstreamError(status: 400, code: 99_999), .fallback),
        (UpstreamError(status: 400, code: 1065), .code),
        (UpstreamError(status: 70_000), .fallback),
        (UpstreamError(status: -1), .fallback),
    ])
    func outsideTheTables(_ error: UpstreamError, _ level: RuleLevel) throws {
        #expect(try shippedResolver.resolve(error, locale: "en").matchedBy == level)
    }
}
