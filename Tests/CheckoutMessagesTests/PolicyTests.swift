import Foundation
import Testing

@testable import CheckoutMessages

/// One row of the expected policy: what the checkout must get for an input.
struct PolicyCase: CustomTestStringConvertible, Sendable {
    let name: String
    let error: UpstreamError
    let presentation: Presentation
    let key: String
    var sameMethod: Bool? = nil
    var afterSeconds: Double? = nil
    var fields: [String] = []
    var level: RuleLevel

    var testDescription: String { name }
}

private func shop(_ code: Int, errors: [FieldError] = []) -> UpstreamError {
    UpstreamError(status: 400, code: code, fieldErrors: errors)
}

private func charge(_ type: ChargeErrorType) -> UpstreamError {
    UpstreamError(status: 400, code: 2101, type: type, traceId: "trace-1")
}

private let decline = (presentation: Presentation.retry, key: "decline.generic", sameMethod: false)

@Suite("Default policy (rules/default.yaml)")
struct PolicyTests {
    let resolver = shippedResolver

    static let shopCodes: [PolicyCase] = [
        .init(name: "1001 without fields", error: shop(1001), presentation: .stop, key: "stop.generic", level: .code),
        .init(name: "1002", error: shop(1002), presentation: .stop, key: "stop.not_payable", level: .code),
        .init(name: "1011", error: shop(1011), presentation: .stop, key: "stop.shop_unavailable", level: .code),
        .init(name: "1012", error: shop(1012), presentation: .retry, key: "method.unavailable", sameMethod: false, level: .code),
        .init(name: "1013", error: shop(1013), presentation: .retry, key: "method.unavailable", sameMethod: false, level: .code),
        .init(name: "1021", error: shop(1021), presentation: .stop, key: "stop.not_payable", level: .code),
        .init(name: "1031", error: shop(1031), presentation: .stop, key: "stop.not_payable", level: .code),
        .init(name: "1032", error: shop(1032), presentation: .stop, key: "stop.not_payable", level: .code),
        .init(name: "1033", error: shop(1033), presentation: .inline, key: "card.expired", fields: ["card.expiry"], level: .code),
        .init(name: "1034", error: shop(1034), presentation: .retry, key: "decline.insufficient_funds", sameMethod: false, level: .code),
        .init(name: "1035", error: shop(1035), presentation: .retry, key: "decline.generic", sameMethod: false, level: .code),
        .init(name: "1036", error: shop(1036), presentation: .retry, key: "decline.generic", sameMethod: false, level: .code),
        .init(name: "1041", error: shop(1041), presentation: .stop, key: "stop.not_refundable", level: .code),
        .init(name: "1042", error: shop(1042), presentation: .inline, key: "refund.exceeds_available", fields: ["refund.amount"], level: .code),
        .init(name: "1061", error: shop(1061), presentation: .stop, key: "stop.not_payable", level: .code),
        .init(name: "1062", error: shop(1062), presentation: .retry, key: "retry.conflict.wait", sameMethod: true, afterSeconds: 3, level: .code),
        .init(name: "1063", error: shop(1063), presentation: .retry, key: "retry.reenter_details", sameMethod: true, level: .code),
        .init(name: "1064", error: shop(1064), presentation: .retry, key: "retry.reenter_details", sameMethod: true, level: .code),
        .init(name: "1065", error: shop(1065), presentation: .retry, key: "retry.reenter_details", sameMethod: true, level: .code),
        .init(name: "2003", error: shop(2003), presentation: .retry, key: "retry.later", sameMethod: true, level: .code),
        .init(name: "2005", error: shop(2005), presentation: .retry, key: "retry.later", sameMethod: true, level: .code),
    ]

    static let chargeTypes: [PolicyCase] = [
        .init(name: "external_timeout", error: charge("external_timeout"), presentation: .retry, key: "retry.transient", sameMethod: true, level: .type),
        .init(name: "external_technical_error", error: charge("external_technical_error"), presentation: .retry, key: "retry.transient", sameMethod: true, level: .type),
        .init(name: "configuration_errors", error: charge("configuration_errors"), presentation: .stop, key: "stop.generic.reference", level: .type),
        .init(name: "invalid_parameters", error: charge("invalid_parameters"), presentation: .stop, key: "stop.generic.reference", level: .type),
        .init(name: "mismatch_error", error: charge("mismatch_error"), presentation: .retry, key: "decline.not_supported", sameMethod: false, level: .type),
        .init(name: "missing_error_type", error: charge("missing_error_type"), presentation: .retry, key: "decline.generic", sameMethod: false, level: .type),
        .init(name: "active_token_not_found", error: charge("active_token_not_found"), presentation: .retry, key: "retry.reenter_details", sameMethod: true, level: .type),
        .init(name: "cancelled", error: charge("cancelled"), presentation: .retry, key: "retry.cancelled", sameMethod: true, level: .type),
        .init(name: "card_validation_failed", error: charge("card_validation_failed"), presentation: .inline, key: "card.details_invalid", fields: ["card.number", "card.expiry", "card.cvc"], level: .type),
        .init(name: "declined_by_card_bin", error: charge("declined_by_card_bin"), presentation: .retry, key: "decline.card_not_accepted", sameMethod: false, level: .type),
        .init(name: "declined_by_internal_anti_fraud", error: charge("declined_by_internal_anti_fraud"), presentation: .retry, key: "decline.generic", sameMethod: false, level: .type),
        .init(name: "declined_by_provider_anti_fraud", error: charge("declined_by_provider_anti_fraud"), presentation: .retry, key: "decline.generic", sameMethod: false, level: .type),
        .init(name: "declined_by_three_ds", error: charge("declined_by_three_ds"), presentation: .retry, key: "auth.failed", sameMethod: true, level: .type),
        .init(name: "general_decline", error: charge("general_decline"), presentation: .retry, key: "decline.generic", sameMethod: false, level: .type),
        .init(name: "insufficient_funds", error: charge("insufficient_funds"), presentation: .retry, key: "decline.insufficient_funds", sameMethod: false, level: .type),
        .init(name: "limit_exceeded", error: charge("limit_exceeded"), presentation: .retry, key: "decline.limit_exceeded", sameMethod: false, level: .type),
        .init(name: "risk_response", error: charge("risk_response"), presentation: .retry, key: "decline.generic", sameMethod: false, level: .type),
        .init(name: "stolen_restricted_card", error: charge("stolen_restricted_card"), presentation: .retry, key: "decline.generic", sameMethod: false, level: .type),
        .init(name: "rejected", error: charge("rejected"), presentation: .retry, key: "decline.generic", sameMethod: false, level: .type),
    ]

    static let chargeCodesWithoutType: [PolicyCase] = [
        .init(name: "2101", error: UpstreamError(status: 400, code: 2101), presentation: .retry, key: "decline.generic", sameMethod: false, level: .code),
        .init(name: "2102", error: UpstreamError(status: 400, code: 2102), presentation: .inline, key: "card.details_invalid", fields: ["card.number", "card.expiry", "card.cvc"], level: .code),
        .init(name: "2104", error: UpstreamError(status: 400, code: 2104), presentation: .retry, key: "decline.insufficient_funds", sameMethod: false, level: .code),
        .init(name: "2105", error: UpstreamError(status: 400, code: 2105), presentation: .retry, key: "decline.generic", sameMethod: false, level: .code),
        .init(name: "2107 race", error: UpstreamError(status: 400, code: 2107), presentation: .retry, key: "retry.conflict.wait", sameMethod: true, afterSeconds: 3, level: .code),
    ]

    static let statuses: [PolicyCase] = [
        .init(name: "400 without code", error: UpstreamError(status: 400), presentation: .stop, key: "stop.generic", level: .fallback),
        .init(name: "401", error: UpstreamError(status: 401), presentation: .stop, key: "stop.generic", level: .status),
        .init(name: "404", error: UpstreamError(status: 404), presentation: .stop, key: "stop.generic", level: .status),
        .init(name: "408", error: UpstreamError(status: 408), presentation: .retry, key: "retry.transient", sameMethod: true, level: .status),
        .init(name: "429", error: UpstreamError(status: 429), presentation: .retry, key: "retry.transient", sameMethod: true, level: .status),
        .init(name: "409", error: UpstreamError(status: 409), presentation: .retry, key: "retry.conflict.wait", sameMethod: true, afterSeconds: 3, level: .status),
        .init(name: "415", error: UpstreamError(status: 415), presentation: .stop, key: "stop.generic", level: .status),
        .init(name: "422 without errors", error: UpstreamError(status: 422, code: 0), presentation: .stop, key: "stop.generic", level: .status),
        .init(name: "500 empty body", error: UpstreamError(status: 500, body: ""), presentation: .retry, key: "retry.transient", sameMethod: true, level: .status),
        .init(name: "502", error: UpstreamError(status: 502), presentation: .retry, key: "retry.transient", sameMethod: true, level: .status),
        .init(name: "503", error: UpstreamError(status: 503), presentation: .retry, key: "retry.transient", sameMethod: true, level: .status),
    ]

    static let families: [PolicyCase] = [
        .init(name: "1014 (101x)", error: shop(1014), presentation: .stop, key: "stop.generic", level: .family),
        .init(name: "1029 (102x)", error: shop(1029), presentation: .stop, key: "stop.generic", level: .family),
        .init(name: "1037 (103x)", error: shop(1037), presentation: .retry, key: "decline.generic", sameMethod: false, level: .family),
        .init(name: "1049 (104x)", error: shop(1049), presentation: .stop, key: "stop.generic", level: .family),
        .init(name: "1051 (105x)", error: shop(1051), presentation: .retry, key: "retry.check_details", sameMethod: true, level: .family),
        .init(name: "1069 (106x)", error: shop(1069), presentation: .retry, key: "retry.reenter_details", sameMethod: true, level: .family),
    ]

    static let unknown: [PolicyCase] = [
        .init(name: "unknown code, 400", error: UpstreamError(status: 400, code: 9999), presentation: .stop, key: "stop.generic", level: .fallback),
        .init(name: "unknown family 100x, 400", error: UpstreamError(status: 400, code: 1003), presentation: .stop, key: "stop.generic", level: .fallback),
        .init(name: "unknown code, 418", error: UpstreamError(status: 418, code: 4242), presentation: .stop, key: "stop.generic", level: .fallback),
        .init(name: "unknown code, 503", error: UpstreamError(status: 503, code: 9999), presentation: .retry, key: "retry.transient", sameMethod: true, level: .status),
        .init(name: "unknown code, 507", error: UpstreamError(status: 507, code: 77), presentation: .retry, key: "retry.transient", sameMethod: true, level: .status),
        .init(name: "unknown code, no status", error: UpstreamError(code: 9999), presentation: .retry, key: "retry.transient", sameMethod: true, level: .fallback),
        .init(name: "unknown type falls to code", error: UpstreamError(status: 400, code: 2104, type: "brand_new_type"), presentation: .retry, key: "decline.insufficient_funds", sameMethod: false, level: .code),
        .init(name: "unknown type, no code, 400", error: UpstreamError(status: 400, type: "brand_new_type"), presentation: .stop, key: "stop.generic", level: .fallback),
        .init(name: "nothing at all", error: UpstreamError(), presentation: .retry, key: "retry.transient", sameMethod: true, level: .fallback),
        .init(name: "3xx status", error: UpstreamError(status: 302), presentation: .retry, key: "retry.transient", sameMethod: true, level: .fallback),
    ]

    @Test("every shop API business code", arguments: shopCodes)
    func shopCode(_ expected: PolicyCase) throws { try check(expected) }

    @Test("every charge type by name", arguments: chargeTypes)
    func chargeType(_ expected: PolicyCase) throws { try check(expected) }

    @Test("every charge type by uuid", arguments: chargeTypes)
    func chargeTypeByUUID(_ expected: PolicyCase) throws {
        let uuid = try #require(ChargeErrorType.documented.first { $0.type == expected.error.type }?.uuid)
        let byUUID = UpstreamError(status: 400, code: 2101, uuid: uuid.uppercased(), traceId: "trace-1")
        #expect(byUUID.type == expected.error.type)
        try check(PolicyCase(name: expected.name, error: byUUID, presentation: expected.presentation, key: expected.key,
                         sameMethod: expected.sameMethod, afterSeconds: expected.afterSeconds, fields: expected.fields,
                         level: expected.level))
    }

    @Test("charge codes without a type", arguments: chargeCodesWithoutType)
    func chargeCode(_ expected: PolicyCase) throws { try check(expected) }

    @Test("HTTP statuses of both APIs", arguments: statuses)
    func status(_ expected: PolicyCase) throws { try check(expected) }

    @Test("code families fall back to the family default", arguments: families)
    func family(_ expected: PolicyCase) throws { try check(expected) }

    @Test("unknown codes and types fall back by status", arguments: unknown)
    func unknownInput(_ expected: PolicyCase) throws { try check(expected) }

    @Test func typeWinsOverCode() throws {
        // declined_by_card_bin arrives with code 2102 ("Invalid card data") but is not a form error.
        let resolution = try resolver.resolve(UpstreamError(status: 400, code: 2102, uuid: "80744c5c-edb2-4194-8026-fcf4455a783f"))
        #expect(resolution.key == "decline.card_not_accepted")
        #expect(resolution.presentation == .retry)
        #expect(resolution.retry == RetryAdvice(sameMethod: false))
    }

    @Test func allNineteenDocumentedTypesHaveARule() {
        #expect(ChargeErrorType.documented.count == 19)
        for (type, _) in ChargeErrorType.documented {
            #expect(resolver.match(UpstreamError(type: type)).1 == .type, "\(type)")
        }
    }

    private func check(_ expected: PolicyCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let resolution = try resolver.resolve(expected.error, locale: "en")
        #expect(resolution.presentation == expected.presentation, sourceLocation: sourceLocation)
        #expect(resolution.key == expected.key, sourceLocation: sourceLocation)
        #expect(resolution.matchedBy == expected.level, sourceLocation: sourceLocation)
        #expect(resolution.fields.map(\.field) == expected.fields, sourceLocation: sourceLocation)
        if expected.presentation == .retry {
            #expect(resolution.retry == RetryAdvice(sameMethod: expected.sameMethod ?? true, afterSeconds: expected.afterSeconds),
                    sourceLocation: sourceLocation)
        } else {
            #expect(resolution.retry == nil, sourceLocation: sourceLocation)
        }
        #expect(!resolution.message.isEmpty && !resolution.message.contains("{"), sourceLocation: sourceLocation)
        #expect(resolution.locale == "en" && resolution.direction == .leftToRight, sourceLocation: sourceLocation)
    }
}

@Suite("Customer safety")
struct CustomerSafetyTests {
    let resolver = shippedResolver

    /// Every input that must look exactly like a plain decline (the private-decline group of the rules).
    static let genericDeclineGroup: [UpstreamError] = [
        "general_decline", "rejected", "missing_error_type", "declined_by_internal_anti_fraud",
        "declined_by_provider_anti_fraud", "risk_response", "stolen_restricted_card",
    ].map { UpstreamError(status: 400, code: 2101, type: ChargeErrorType(rawValue: $0), traceId: "t-42") } + [
        UpstreamError(status: 400, code: 1035, traceId: "t-42"),
        UpstreamError(status: 400, code: 1036, traceId: "t-42"),
        UpstreamError(status: 400, code: 2101, traceId: "t-42"),
        UpstreamError(status: 400, code: 2105, traceId: "t-42"),
        UpstreamError(status: 400, body: #"{"uuid": "9fada7ba-cbde-434d-97fc-0fbc61aab585", "code": 2101, "message": "Charge failed", "traceId": "t-42"}"#),
        UpstreamError(status: 400, body: #"{"uuid": "449FC358-652B-46B4-B9B2-0E89DE5773EF", "code": 2101, "message": "Charge failed", "traceId": "t-42"}"#),
    ]

    @Test("the generic-decline group resolves byte-identically", arguments: ["en", "de", "ar", "ja"])
    func genericDeclineIsIdentical(locale: String) throws {
        let encoded = try Self.genericDeclineGroup.map { try resolver.resolve($0, locale: locale).canonicalJSON }
        #expect(Set(encoded).count == 1, "\(Set(encoded))")
        let first = try resolver.resolve(Self.genericDeclineGroup[0], locale: "en")
        #expect(first.key == "decline.generic")
        #expect(first.message == "Your payment was declined. Please use a different card or payment method.")
        #expect(first.retry == RetryAdvice(sameMethod: false))
    }

    @Test("no resolution shows upstream text")
    func upstreamTextNeverShown() throws {
        let upstreamTexts = [
            "Charge failed", "Invalid card data", "General decline", "do not honour", "Insufficient funds",
            "Race condition", "Entity not found", "Validation error", "This collection should contain exactly 1 element.",
            "Short exception description.", "Invalid input", "Not sufficient funds", "Payment declined", "Authorization failed",
            "Token expired", "SECRET-UPSTREAM-DETAIL",
        ]
        var bodies: [(Int, String)] = []
        for text in upstreamTexts {
            for (type, uuid) in ChargeErrorType.documented {
                bodies.append((400, #"{"uuid": "\#(uuid)", "code": 2101, "message": "\#(text)", "type": "\#(type)", "traceId": "t"}"#))
            }
            for code in [1001, 1033, 1034, 1035, 1042, 1062, 2003, 9999] {
                bodies.append((400, #"{"code": \#(code), "message": "\#(text)", "errors": [{"resource": "customer", "field": "email", "type": "\#(text)"}]}"#))
            }
            bodies.append((422, #"{"uuid": null, "code": 0, "message": "\#(text)", "traceId": "t", "errors": [{"field": "item", "title": "\#(text)"}]}"#))
            bodies.append((500, #"{"uuid": null, "code": 0, "message": "\#(text)", "traceId": "t"}"#))
        }
        for (status, body) in bodies {
            for locale in ["en", "de"] {
                let resolution = try resolver.resolve(UpstreamError(status: status, body: body), locale: locale)
                let shown = [resolution.message] + resolution.fields.map(\.message)
                for text in upstreamTexts {
                    #expect(!shown.contains { $0.localizedCaseInsensitiveContains(text) }, "\(body) showed \(text)")
                }
            }
        }
    }

    @Test("no shipped message names internal checks or jargon")
    func noJargon() {
        let banned = ["bin", "token", "exception", "fraud", "risk", "configuration", "blacklist", "blocklist", "stolen", "error code"]
        for (key, entry) in shippedCatalog.sourceEntries {
            let words = entry.message.lowercased().split { !$0.isLetter }.map(String.init)
            for word in banned where words.contains(word) || (word.contains(" ") && entry.message.lowercased().contains(word)) {
                Issue.record("\(key) uses \"\(word)\"")
            }
        }
    }
}
