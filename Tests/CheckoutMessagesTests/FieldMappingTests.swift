import Testing

@testable import CheckoutMessages

@Suite("Field errors become inline messages")
struct FieldMappingTests {
    let resolver = shippedResolver

    @Test func customerFieldsAreInlineAndOthersDropped() throws {
        let body = """
            {"code": 1001, "message": "Invalid input", "errors": [
              {"resource": "transaction", "field": "currency", "type": "invalid"},
              {"resource": "customer", "field": "email", "type": "missing"},
              {"resource": "card", "field": "expiry_month", "type": "invalid"},
              {"resource": "card", "field": "expiry_year", "type": "invalid"},
              {"resource": "customer", "field": "ip", "type": "missing"}]}
            """
        let resolution = try resolver.resolve(UpstreamError(status: 400, body: body), locale: "en")
        #expect(resolution.presentation == .inline)
        #expect(resolution.key == "form.check_fields")
        #expect(resolution.message == "Please check the 2 highlighted fields and try again.")
        #expect(resolution.fields == [
            FieldMessage(field: "customer.email", message: "Enter your email address."),
            FieldMessage(field: "card.expiry", message: "Check the expiration date."),
        ])
        #expect(resolution.retry == nil)
    }

    @Test func singleFieldUsesTheSingularForm() throws {
        let resolution = try resolver.resolve(
            UpstreamError(status: 400, code: 1001, fieldErrors: [FieldError(resource: "Card", field: "CVV2", type: "Invalid")]),
            locale: "en")
        #expect(resolution.message == "Please check the highlighted field and try again.")
        #expect(resolution.fields == [FieldMessage(field: "card.cvc", message: "Check the security code.")])
    }

    @Test("the shop API's own documented example has no customer field: stop")
    func documentedExampleIsAStop() throws {
        let body = """
            {"code": 1001, "message": "Invalid input", "errors": [
              {"resource": "transaction", "field": "currency", "type": "invalid"},
              {"resource": "customer", "field": "ip", "type": "missing"}]}
            """
        let resolution = try resolver.resolve(UpstreamError(status: 400, body: body), locale: "en")
        #expect(resolution.presentation == .stop)
        #expect(resolution.key == "stop.generic")
        #expect(resolution.message == "Payment isn’t possible at the moment. Please contact the shop.")
        #expect(resolution.fields.isEmpty)
    }

    @Test("charge 422 with the documented `item` error is a stop with the reference")
    func charge422ItemIsAStop() throws {
        let body = #"{"uuid": null, "message": "Validation error", "code": 0, "traceId": "f075c9d5", "errors": [{"field": "item", "title": "This collection should contain exactly 1 element."}]}"#
        let resolution = try resolver.resolve(UpstreamError(status: 422, body: body), locale: "en")
        #expect(resolution.presentation == .stop)
        #expect(resolution.key == "stop.generic.reference")
        #expect(resolution.message == "Payment isn’t possible at the moment. Please contact the shop and mention reference f075c9d5.")
        #expect(resolution.reference == "f075c9d5")
    }

    @Test func charge422WithCustomerFieldIsInline() throws {
        let body = #"{"uuid": null, "message": "Validation error", "code": 0, "traceId": "t", "errors": [{"field": "email", "title": "not an email"}, {"field": "phone_number", "title": "x"}]}"#
        let resolution = try resolver.resolve(UpstreamError(status: 422, body: body), locale: "en")
        #expect(resolution.presentation == .inline)
        #expect(resolution.fields.map(\.field) == ["customer.email", "customer.phone"])
        #expect(resolution.fields.map(\.message) == ["Check your email address.", "Check your phone number."])
    }

    @Test func cardValidationListsTheCardFields() throws {
        let resolution = try resolver.resolve(UpstreamError(status: 400, code: 2102, type: "card_validation_failed"), locale: "en")
        #expect(resolution.message == "Some card details don’t look right. Please check the card number, expiration date, and security code.")
        #expect(resolution.fields == [
            FieldMessage(field: "card.number", message: "Check your card number."),
            FieldMessage(field: "card.expiry", message: "Check the expiration date."),
            FieldMessage(field: "card.cvc", message: "Check the security code."),
        ])
    }

    @Test func expiredCard() throws {
        let resolution = try resolver.resolve(UpstreamError(status: 400, code: 1033), locale: "en")
        #expect(resolution.fields == [
            FieldMessage(field: "card.expiry", message: "This card has expired. Please check the expiration date or use a different card."),
        ])
    }

    @Test("field names match case-insensitively, ignoring _ and -", arguments: [
        ("card", "card_number", "card.number"), ("card", "cardNumber", "card.number"), (nil, "PAN", "card.number"),
        ("card", "exp-month", "card.expiry"), ("customer", "first_name", "customer.name"), ("billing", "zip", "billing.postalCode"),
        ("customer", "Email", "customer.email"), (nil, "cvc", "card.cvc"), ("card", "holder_name", "card.holder"),
    ] as [(String?, String, String)])
    func fieldAliases(_ resource: String?, _ field: String, _ canonical: String) {
        #expect(resolver.rules.canonicalField(for: FieldError(resource: resource, field: field)) == canonical)
    }

    @Test("fields that are not the customer's are not mapped", arguments: [
        ("customer", "ip"), ("transaction", "currency"), (nil, "item"), ("transaction", "amount"), (nil, "merchant_id"),
    ] as [(String?, String)])
    func notCustomerFields(_ resource: String?, _ field: String) {
        #expect(resolver.rules.canonicalField(for: FieldError(resource: resource, field: field)) == nil)
    }
}
