import Foundation
import Testing

@testable import CheckoutMessages

@Suite("Shipped catalog")
struct CatalogTests {
    @Test func embeddedSourceMatchesTheRepository() throws {
        let embedded = try #require(EmbeddedResources.localeSources.first { $0.path == "locales/en.yaml" })
        #expect(embedded.text == (try sourceCatalogText()))
    }

    @Test func everyEmbeddedLocaleLoadsCleanly() {
        #expect(shippedCatalog.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(shippedCatalog.locales.first?.identifier == "en")
    }

    @Test func everySourceMessageHasADescriptionAndExamples() throws {
        let catalog = shippedCatalog
        #expect(catalog.sourceEntries.count >= 30)
        let en = try catalog.negotiate(tag: "en")
        for (key, entry) in catalog.sourceEntries {
            #expect(!(entry.description ?? "").isEmpty, "\(key) lacks a description")
            let message = try #require(catalog.message(key, in: en))
            #expect(Set(message.argumentNames) == Set(entry.arguments.keys), "\(key)")
            let text = try message.format(entry.arguments.mapValues(\.example))
            #expect(!text.contains("{") && !text.contains("}"), "\(key): \(text)")
        }
    }

    @Test func everyRuleKeyExists() {
        let rules = shippedResolver.rules
        var keys = Set(rules.outcomes.values.flatMap(\.messages))
        keys.formUnion(rules.fieldMessages.values.flatMap { $0 })
        #expect(keys.subtracting(shippedCatalog.sourceEntries.keys).isEmpty)
    }

    @Test func loadingRejectsABrokenSource() {
        #expect(throws: CatalogError.self) {
            try MessageCatalog(sources: [LocaleSource(path: "en.yaml", text: "greeting: {unclosed\n")])
        }
        #expect(throws: CatalogError.self) {
            try MessageCatalog(sources: [LocaleSource(path: "en.yaml", text: "greeting:\n  message: \"Hi {name\"\n")])
        }
        #expect(throws: CatalogError.self) { try MessageCatalog(sources: []) }
        #expect(throws: CatalogError.self) {
            try MessageCatalog(sources: [LocaleSource(path: "en.yaml", text: "a: Hi\n")], defaultLocale: "fr")
        }
    }

    @Test func brokenTranslationIsLeftOutAndReported() throws {
        let catalog = try MessageCatalog(sources: [
            LocaleSource(path: "en.yaml", text: "greeting:\n  message: Hello {name}.\n  description: Test.\n  arguments:\n    name: {type: text, example: Ana}\n"),
            LocaleSource(path: "de.yaml", text: "greeting: Hallo {nme}.\n"),
            LocaleSource(path: "fr.yaml", text: "greeting: Bonjour {name}.\n"),
            LocaleSource(path: "../../etc/passwd", text: "x: y\n"),
        ])
        #expect(catalog.locales.map(\.identifier) == ["en", "fr", "en-XA", "ar-XB"])
        #expect(catalog.diagnostics.map(\.check) == [.localeTag, .argumentMismatch])
        #expect(catalog.diagnostics.last?.line == 1)
        #expect(catalog.diagnostics.last?.column == 18)  // the `nme` of "greeting: Hallo {nme}."
        #expect(try catalog.negotiate(tag: "de").tag.identifier == "en")
    }
}

@Suite("Optional arguments and complete sentences")
struct OptionalArgumentTests {
    let resolver = shippedResolver

    @Test func attemptsLeftIsUsedWhenGiven() throws {
        let error = UpstreamError(status: 400, code: 2101, type: "declined_by_three_ds")
        #expect(try resolver.resolve(error, locale: "en").message
                == "We couldn't confirm this payment with your bank. Please try again or use a different card.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["attemptsLeft": 1]).message
                == "We couldn't confirm this payment with your bank. You can try again 1 more time or use a different card.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["attemptsLeft": "2"]).message
                == "We couldn't confirm this payment with your bank. You can try again 2 more times or use a different card.")
        // Unusable values are treated as absent, never shown.
        #expect(try resolver.resolve(error, locale: "en", arguments: ["attemptsLeft": "lots"]).key == "auth.failed")
    }

    @Test func retryDelay() throws {
        let error = UpstreamError(status: 503)
        let plain = try resolver.resolve(error, locale: "en")
        #expect(plain.message == "Something went wrong while processing your payment. Please try again.")
        #expect(plain.retry == RetryAdvice(sameMethod: true))
        let timed = try resolver.resolve(error, locale: "en", arguments: ["afterSeconds": 1.5])
        #expect(timed.message == "Something went wrong while processing your payment. Please try again in 1.5 seconds.")
        #expect(timed.retry == RetryAdvice(sameMethod: true, afterSeconds: 1.5))
        #expect(try resolver.resolve(error, locale: "en", arguments: ["afterSeconds": 1]).message
                == "Something went wrong while processing your payment. Please try again in 1 second.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["afterSeconds": -5]).key == "retry.transient")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["afterSeconds": .number(.infinity)]).key == "retry.transient")
    }

    @Test func refundAmountWithAndWithoutMoney() throws {
        let error = UpstreamError(status: 400, code: 1042)
        #expect(try resolver.resolve(error, locale: "en").message == "The refund is more than the amount still available to refund.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["available": .money(Money(minorUnits: 500, currency: "EUR"))]).message
                == "The refund is more than the €5.00 still available to refund.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["available": "1999 JPY"]).message
                == "The refund is more than the ¥1,999 still available to refund.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["available": "1999 XYZ"]).key == "refund.exceeds_available")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["available": 1999]).key == "refund.exceeds_available")
    }

    @Test func referenceComesFromTheTraceId() throws {
        let withTrace = try resolver.resolve(UpstreamError(status: 401, traceId: "9b29989b"), locale: "en")
        #expect(withTrace.message == "Payment isn't possible at the moment. Please contact the shop and mention reference 9b29989b.")
        #expect(withTrace.reference == "9b29989b")
        let without = try resolver.resolve(UpstreamError(status: 401), locale: "en")
        #expect(without.message == "Payment isn't possible at the moment. Please contact the shop.")
        #expect(without.reference == nil)
    }

    @Test("408 and 429 retry with the same method, after the upstream Retry-After given as afterSeconds", arguments: [408, 429])
    func transientClientStatuses(_ status: Int) throws {
        let later = try resolver.resolve(UpstreamError(status: status), locale: "en", arguments: ["afterSeconds": 30])
        #expect(later.presentation == .retry)
        #expect(later.retry == RetryAdvice(sameMethod: true, afterSeconds: 30))
        #expect(later.key == "retry.transient.wait")
        let now = try resolver.resolve(UpstreamError(status: status), locale: "en")
        #expect(now.retry == RetryAdvice(sameMethod: true))
        #expect(now.key == "retry.transient")
    }

    @Test func conflictHasADefaultDelay() throws {
        let resolution = try resolver.resolve(UpstreamError(status: 409), locale: "en")
        #expect(resolution.message == "This payment is already being processed. Please try again in 3 seconds.")
        #expect(try resolver.resolve(UpstreamError(status: 409), locale: "en", arguments: ["afterSeconds": 10]).retry?.afterSeconds == 10)
    }

    @Test func resolutionJSONShape() throws {
        let resolution = try resolver.resolve(UpstreamError(status: 400, code: 2104, traceId: "abc"), locale: "en")
        #expect(resolution.canonicalJSON == #"{"direction":"ltr","fields":[],"key":"decline.insufficient_funds","locale":"en","message":"There isn't enough money available on this card for this payment. Please use a different card or payment method.","presentation":"retry","reference":"abc","retry":{"sameMethod":false}}"#)
    }
}
