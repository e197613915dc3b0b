import Foundation
import Testing

@testable import CheckoutMessages

@Suite("Decoding upstream responses")
struct UpstreamDecodingTests {
    @Test func shopAPIBodyWithFieldErrors() {
        let body = """
            {"code": 1001, "message": "Invalid input", "errors": [
              {"resource": "transaction", "field": "currency", "type": "invalid"},
              {"resource": "customer", "field": "ip", "type": "missing"}]}
            """
        let error = UpstreamError(status: 400, body: body)
        #expect(error.api == .shop)
        #expect(error.status == 400)
        #expect(error.code == 1001)
        #expect(error.type == nil)
        #expect(error.traceId == nil)
        #expect(error.fieldErrors == [
            FieldError(resource: "transaction", field: "currency", type: "invalid"),
            FieldError(resource: "customer", field: "ip", type: "missing"),
        ])
    }

    @Test func chargeEndpointRaceCondition() {
        let body = #"{"uuid": "8d911b21-b987-4006-a887-29558ff05b7e", "code": 2107, "message": "Race condition", "traceId": "1d6973b1-8fcb-4dd8-8356-557a369a5ba0"}"#
        let error = UpstreamError(status: 400, body: body)
        #expect(error.api == .charge)
        #expect(error.code == 2107)
        #expect(error.uuid == "8d911b21-b987-4006-a887-29558ff05b7e")
        #expect(error.type == nil)  // not one of the 19 charge types
        #expect(error.traceId == "1d6973b1-8fcb-4dd8-8356-557a369a5ba0")
    }

    @Test func chargeEndpointValidationError() {
        let body = """
            {"uuid": null, "message": "Validation error", "code": 0, "traceId": "f075c9d5ac00263a85449bc27730e4ce",
             "errors": [{"field": "item", "title": "This collection should contain exactly 1 element."}]}
            """
        let error = UpstreamError(status: 422, body: body)
        #expect(error.api == .charge)
        #expect(error.uuid == nil)
        #expect(error.code == 0)
        #expect(error.fieldErrors == [FieldError(field: "item")])
    }

    @Test("every documented uuid identifies its type, in any letter case",
          arguments: ChargeErrorType.documented.map { $0 })
    func uuidIdentifiesType(_ entry: (type: ChargeErrorType, uuid: String)) {
        #expect(ChargeErrorType(uuid: entry.uuid) == entry.type)
        #expect(ChargeErrorType(uuid: entry.uuid.uppercased()) == entry.type)
        let body = #"{"uuid": "\#(entry.uuid.uppercased())", "code": 2101, "message": "Charge failed", "traceId": "x"}"#
        #expect(UpstreamError(status: 400, body: body).type == entry.type)
    }

    @Test func typeNamesAreSingleIdentifiers() {
        let names = ChargeErrorType.documented.map(\.type.rawValue)
        #expect(names.contains("external_technical_error"))
        #expect(names.contains("active_token_not_found"))
        #expect(names.contains("card_validation_failed"))
        #expect(names.contains("stolen_restricted_card"))
        #expect(names.allSatisfy { !$0.contains(" ") && !$0.hasSuffix("_") })
        #expect(Set(ChargeErrorType.documented.map(\.uuid)).count == 19)
    }

    @Test func explicitTypeInBodyWins() {
        let body = #"{"uuid": "45beacf7-54f7-4706-836c-0019c0c0f6d2", "type": "Insufficient_Funds", "code": 2105}"#
        #expect(UpstreamError(status: 400, body: body).type == "insufficient_funds")
    }

    @Test("bodies that are not usable JSON objects count as no body", arguments: [
        "", "   ", "null", "[]", "[1, 2]", "42", "\"text\"", "<html>502 Bad Gateway</html>", "{", "{\"code\": ",
        "\u{FEFF}", "{\"code\": 1034, \"errors\": }",
    ])
    func unusableBody(_ body: String) {
        let error = UpstreamError(status: 502, body: body)
        #expect(error == UpstreamError(status: 502))
        #expect(error.api == nil)
    }

    @Test func wrongTypesNullsAndExtraMembersAreTolerated() {
        let body = """
            {"code": "1034", "message": null, "uuid": 17, "traceId": ["x"], "extra": {"nested": [1, 2, {"a": null}]},
             "errors": [null, 5, "text", {"field": null}, {"field": "email", "resource": "customer", "type": 3},
                        {"resource": "card", "field": "cvv"}]}
            """
        let error = UpstreamError(status: 400, body: body)
        #expect(error.code == 1034)
        #expect(error.uuid == "17")
        #expect(error.traceId == nil)
        #expect(error.fieldErrors == [
            FieldError(resource: "customer", field: "email", type: "3"),
            FieldError(resource: "card", field: "cvv"),
        ])
    }

    @Test func codeAsFloatOrGarbage() {
        #expect(UpstreamError(status: 400, body: #"{"code": 1033.0}"#).code == 1033)
        #expect(UpstreamError(status: 400, body: #"{"code": 1033.5}"#).code == nil)
        #expect(UpstreamError(status: 400, body: #"{"code": "abc"}"#).code == nil)
        #expect(UpstreamError(status: 400, body: #"{"code": 1e300}"#).code == nil)
        #expect(UpstreamError(status: 400, body: #"{"code": true}"#).code == nil)
    }

    @Test func deeplyNestedBodyDoesNotCrash() {
        let body = "{\"code\": 1034, \"x\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        let error = UpstreamError(status: 400, body: body)
        #expect(error.code == nil || error.code == 1034)
    }

    @Test func structuredInputFillsTypeFromUUID() {
        let error = UpstreamError(status: 400, code: 2101, uuid: "A872183B-244A-4D78-9250-E5FF976913EE")
        #expect(error.type == "declined_by_three_ds")
        #expect(UpstreamError(uuid: "not-a-known-uuid").type == nil)
    }
}
