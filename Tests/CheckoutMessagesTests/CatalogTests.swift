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

    static let verify = "We couldn’t confirm this payment with your bank."

    @Test func attemptsLeftIsUsedWhenGiven() throws {
        let error = UpstreamError(status: 400, code: 2101, type: "declined_by_three_ds")
        #expect(try resolver.resolve(error, locale: "en").message == "\(Self.verify) Please try again or use a different card.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["attemptsLeft": 1]).message
                == "\(Self.verify) Please try again (1 attempt left) or use a different card.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["attemptsLeft": "2"]).message
                == "\(Self.verify) Please try again (2 attempts left) or use a different card.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["attemptsLeft": 2.0]).message
                == "\(Self.verify) Please try again (2 attempts left) or use a different card.")
        // Unusable values are treated as absent, never shown.
        #expect(try resolver.resolve(error, locale: "en", arguments: ["attemptsLeft": "lots"]).key == "auth.failed")
    }

    @Test("No attempts left reads as such, in several locales", arguments: [
        ("en", "We couldn’t confirm this payment with your bank, and there are no attempts left. Please use a different card."),
        ("de", "Wir konnten diese Zahlung bei Ihrer Bank nicht bestätigen. Es sind keine Versuche mehr übrig. Bitte verwenden Sie eine andere Karte."),
        ("pl", "Nie udało się potwierdzić tej płatności w Twoim banku i nie pozostała już żadna próba. Użyj innej karty."),
        ("ja", "カード会社でお支払いを確認できませんでした。お試しいただける回数の上限に達したため、別のカードをご利用ください。"),
    ])
    func noAttemptsLeft(_ locale: String, _ expected: String) throws {
        let resolution = try resolver.resolve(UpstreamError(status: 400, type: "declined_by_three_ds"), locale: locale,
                                              arguments: ["attemptsLeft": 0])
        #expect(resolution.key == "auth.failed.attempts")
        #expect(resolution.message == expected)
    }

    @Test("Negative and fractional counts are unusable: the plain message is shown", arguments: [
        MessageArgument.integer(-3), .number(1.5), .number(-0.5), .text("-1"), .text("2.5"), .number(.nan),
    ])
    func unusableAttempts(_ value: MessageArgument) throws {
        for locale in ["en", "fr", "ru", "ar"] {
            let resolution = try resolver.resolve(UpstreamError(status: 400, type: "declined_by_three_ds"), locale: locale,
                                                  arguments: ["attemptsLeft": value])
            #expect(resolution.key == "auth.failed", "\(locale) \(value)")
            #expect(resolution.message == (try resolver.resolve(UpstreamError(status: 400, type: "declined_by_three_ds"), locale: locale)).message)
        }
    }

    @Test func retryDelay() throws {
        let error = UpstreamError(status: 503)
        let plain = try resolver.resolve(error, locale: "en")
        #expect(plain.message == "Something went wrong while processing your payment. Please try again.")
        #expect(plain.retry == RetryAdvice(sameMethod: true))
        #expect(try resolver.resolve(error, locale: "en", arguments: ["afterSeconds": 1]).message
                == "Something went wrong while processing your payment. Please try again in 1 second.")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["afterSeconds": .number(.infinity)]).key == "retry.transient")
        #expect(try resolver.resolve(error, locale: "en", arguments: ["afterSeconds": 86_401]).key == "retry.transient")
    }

    /// Delays are rounded up to whole seconds; zero or less is no delay; from a minute on they read in minutes.
    @Test("Retry delays", arguments: [
        (MessageArgument.number(1.5), "retry.transient.wait", 2.0, "in 2 seconds."),
        (.number(0.2), "retry.transient.wait", 1, "in 1 second."),
        (.integer(59), "retry.transient.wait", 59, "in 59 seconds."),
        (.number(59.5), "retry.transient.wait_minutes", 60, "in 1 minute."),
        (.integer(60), "retry.transient.wait_minutes", 60, "in 1 minute."),
        (.integer(61), "retry.transient.wait_minutes", 61, "in 2 minutes."),
        (.integer(90), "retry.transient.wait_minutes", 90, "in 2 minutes."),
        (.integer(600), "retry.transient.wait_minutes", 600, "in 10 minutes."),
        (.text("3600"), "retry.transient.wait_minutes", 3600, "in 60 minutes."),
        (.integer(0), "retry.transient", nil, nil),
        (.integer(-3), "retry.transient", nil, nil),
        (.number(-0.5), "retry.transient", nil, nil),
    ] as [(MessageArgument, String, Double?, String?)])
    func retryDelays(_ value: MessageArgument, _ key: String, _ seconds: Double?, _ ending: String?) throws {
        let resolution = try resolver.resolve(UpstreamError(status: 503), locale: "en", arguments: ["afterSeconds": value])
        #expect(resolution.key == key)
        #expect(resolution.retry == RetryAdvice(sameMethod: true, afterSeconds: seconds))
        let expected = ending.map { "Something went wrong while processing your payment. Please try again \($0)" }
            ?? "Something went wrong while processing your payment. Please try again."
        #expect(resolution.message == expected)
    }

    @Test("Delays in minutes are grammatical", arguments: [
        ("ru", 60, "1 минуту"), ("ru", 120, "2 минуты"), ("ru", 300, "5 минут"), ("ru", 1260, "21 минуту"),
        ("pl", 60, "1 minutę"), ("pl", 120, "2 minuty"), ("pl", 300, "5 minut"), ("pl", 1320, "22 minuty"),
        ("cs", 60, "1 minutu"), ("cs", 120, "2 minuty"), ("cs", 300, "5 minut"),
        ("uk", 60, "1 хвилину"), ("uk", 180, "3 хвилини"), ("uk", 660, "11 хвилин"),
        ("fr", 60, "1 minute"), ("fr", 120, "2 minutes"),
    ])
    func minutesAreGrammatical(_ locale: String, _ seconds: Int, _ phrase: String) throws {
        let resolution = try resolver.resolve(UpstreamError(status: 503), locale: locale, arguments: ["afterSeconds": .integer(Int64(seconds))])
        #expect(resolution.key == "retry.transient.wait_minutes")
        #expect(resolution.message.contains(phrase), "\(resolution.message)")
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
        #expect(withTrace.message == "Payment isn’t possible at the moment. Please contact the shop and mention reference 9b29989b.")
        #expect(withTrace.reference == "9b29989b")
        let without = try resolver.resolve(UpstreamError(status: 401), locale: "en")
        #expect(without.message == "Payment isn’t possible at the moment. Please contact the shop.")
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
        // The caller's "no delay" replaces the default; an unusable value does not.
        let now = try resolver.resolve(UpstreamError(status: 409), locale: "en", arguments: ["afterSeconds": 0])
        #expect(now.key == "retry.conflict")
        #expect(now.retry == RetryAdvice(sameMethod: true))
        #expect(try resolver.resolve(UpstreamError(status: 409), locale: "en", arguments: ["afterSeconds": "soon"]).retry?.afterSeconds == 3)
        #expect(try resolver.resolve(UpstreamError(status: 409), locale: "en", arguments: ["afterSeconds": 120]).message
                == "This payment is already being processed. Please try again in 2 minutes.")
    }

    @Test func resolutionJSONShape() throws {
        let resolution = try resolver.resolve(UpstreamError(status: 400, code: 2104, traceId: "abc"), locale: "en")
        #expect(resolution.canonicalJSON == #"{"direction":"ltr","fields":[],"key":"decline.insufficient_funds","locale":"en","message":"There isn’t enough money available on this card for this payment. Please use a different card or payment method.","presentation":"retry","reference":"abc","retry":{"sameMethod":false}}"#)
    }
}
