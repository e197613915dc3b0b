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

    @Test func structuredValuesOverrideTheBody() {
        let body = #"{"code": 2101, "type": "insufficient_funds", "traceId": "from-body"}"#
        var error = UpstreamError(status: 400, body: body)
        // Nothing given: the body stands.
        error.override()
        #expect(error == UpstreamError(status: 400, body: body))
        // A uuid that identifies no type keeps the body's type; one that does sets its type.
        error.override(uuid: "not-a-known-uuid")
        #expect(error.type == "insufficient_funds")
        #expect(error.uuid == "not-a-known-uuid")
        error.override(uuid: "a872183b-244a-4d78-9250-e5ff976913ee")
        #expect(error.type == "declined_by_three_ds")
        // An explicit type wins over the uuid's; code and trace id replace the body's.
        error.override(code: 2104, type: "limit_exceeded", uuid: "a872183b-244a-4d78-9250-e5ff976913ee", traceId: "given")
        #expect(error.type == "limit_exceeded")
        #expect(error.code == 2104)
        #expect(error.traceId == "given")
        #expect(error.api == .charge)
    }

    // MARK: init(status:json:)

    /// Every body this suite reads, and bodies for each lenient rule.
    static let bodies: [String] = [
        """
        {"code": 1001, "message": "Invalid input", "errors": [
          {"resource": "transaction", "field": "currency", "type": "invalid"},
          {"resource": "customer", "field": "ip", "type": "missing"}]}
        """,
        #"{"uuid": "8d911b21-b987-4006-a887-29558ff05b7e", "code": 2107, "message": "Race condition", "traceId": "1d6973b1-8fcb-4dd8-8356-557a369a5ba0"}"#,
        """
        {"uuid": null, "message": "Validation error", "code": 0, "traceId": "f075c9d5ac00263a85449bc27730e4ce",
         "errors": [{"field": "item", "title": "This collection should contain exactly 1 element."}]}
        """,
        #"{"uuid": "45beacf7-54f7-4706-836c-0019c0c0f6d2", "type": "Insufficient_Funds", "code": 2105}"#,
        """
        {"code": "1034", "message": null, "uuid": 17, "traceId": ["x"], "extra": {"nested": [1, 2, {"a": null}]},
         "errors": [null, 5, "text", {"field": null}, {"field": "email", "resource": "customer", "type": 3},
                    {"resource": "card", "field": "cvv"}]}
        """,
        #"{"code": 1033.0}"#, #"{"code": 1033.5}"#, #"{"code": "abc"}"#, #"{"code": 1e300}"#, #"{"code": true}"#,
        "", "   ", "null", "[]", "[1, 2]", "42", "\"text\"", "<html>502 Bad Gateway</html>", "{", "{\"code\": ",
        "\u{FEFF}", "{\"code\": 1034, \"errors\": }",
        "{\"code\": 1034, \"x\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}",
    ] + ChargeErrorType.documented.map { #"{"uuid": "\#($0.uuid.uppercased())", "code": 2101, "message": "Charge failed", "traceId": "x"}"# } + [
        // code: an integer, a whole number below 1e15, or a string of an Int without surrounding whitespace
        #"{"code": 2104}"#, #"{"code": " 2104 "}"#, #"{"code": "2104"}"#, #"{"code": 2104.0}"#, #"{"code": 1e3}"#,
        #"{"code": "+5"}"#, #"{"code": "\t5\n"}"#, #"{"code": -0.0}"#, #"{"code": "٣"}"#, #"{"code": "1e3"}"#,
        #"{"code": "  "}"#, #"{"code": null}"#, #"{"code": [2104]}"#, #"{"code": 9007199254740993.0}"#, #"{"code": 1e15}"#,
        #"{"code": 999999999999999.5}"#, #"{"code": 9223372036854775807}"#, #"{"code": 9223372036854775808}"#,
        #"{"code": 1, "code": 2}"#,
        // uuid, type, traceId: a string that is not blank, trimmed, or an integer as text
        #"{"uuid": 17}"#, #"{"uuid": 17.0, "traceId": 1e3}"#, #"{"uuid": 17.5}"#, #"{"uuid": true}"#, #"{"uuid": "  "}"#,
        #"{"uuid": " 2274eded-bb92-4813-94c1-ad323a69b064 "}"#, #"{"traceId": null}"#, #"{"trace_id": "x"}"#,
        #"{"trace_id": "x", "traceId": 5.5}"#, #"{"traceId": " ", "trace_id": "y"}"#, #"{"traceId": " t-1 "}"#,
        #"{"type": " Insufficient_Funds ", "uuid": "45beacf7-54f7-4706-836c-0019c0c0f6d2"}"#,
        #"{"type": 5, "uuid": "2274EDED-BB92-4813-94C1-AD323A69B064"}"#,
        #"{"type": "", "uuid": "2274eded-bb92-4813-94c1-ad323a69b064"}"#,
        #"{"type": null, "uuid": "2274eded-bb92-4813-94c1-ad323a69b064"}"#,
        // errors: object entries with a field (else property); anything else skipped
        #"{"errors": {"field": "x"}}"#, #"{"errors": [{"property": "p", "field": 7}]}"#,
        #"{"errors": [{"field": "  ", "property": "p"}]}"#,
        #"{"errors": [null, [], "x", 1, {"field": "f", "resource": " card ", "type": ""}, {"resource": "card"}]}"#,
        #"{"errors": [{"field": "a", "field": "b"}], "errors": []}"#,
        #"{"status": 400, "error": {"uuid": "2274eded-bb92-4813-94c1-ad323a69b064", "code": 2104, "message": "Insufficient funds", "traceId": "1d6973b1-8fcb-4dd8"}}"#,
    ]

    @Test("init(status:json:) reads a parsed body as init(status:body:) reads its bytes", arguments: bodies)
    func jsonAndBytesAgree(_ body: String) throws {
        let fromBytes = UpstreamError(status: 400, body: body)
        let json = try? JSONValue.parse(body.utf8)
        #expect(UpstreamError(status: 400, json: json ?? .null) == fromBytes)
    }

    @Test func lenientMembersReadAsBefore() throws {
        func read(_ body: String) throws -> UpstreamError { UpstreamError(status: 400, json: try JSONValue.parse(body.utf8)) }
        #expect(try read(#"{"code": " 2104 "}"#).code == 2104)
        #expect(try read(#"{"code": "2104"}"#).code == 2104)
        #expect(try read(#"{"code": 2104.0}"#).code == 2104)
        #expect(try read(#"{"code": 1e3}"#).code == 1000)
        #expect(try read(#"{"code": "+5"}"#).code == 5)
        #expect(try read(#"{"code": "1e3"}"#).code == nil)
        #expect(try read(#"{"code": 9223372036854775808}"#).code == nil)
        #expect(try read(#"{"code": 1, "code": 2}"#).code == 1)
        #expect(try read(#"{"uuid": 17}"#).uuid == "17")
        #expect(try read(#"{"uuid": 17.0}"#).uuid == "17")
        #expect(try read(#"{"uuid": 17.5}"#).uuid == nil)
        #expect(try read(#"{"uuid": "  "}"#).uuid == nil)
        #expect(try read(#"{"uuid": " 2274eded-bb92-4813-94c1-ad323a69b064 "}"#).type == "insufficient_funds")
        #expect(try read(#"{"type": "", "uuid": "2274eded-bb92-4813-94c1-ad323a69b064"}"#).type == "insufficient_funds")
        #expect(try read(#"{"trace_id": "x"}"#).traceId == "x")
        #expect(try read(#"{"trace_id": "x"}"#).api == .shop)
        #expect(try read(#"{"traceId": " ", "trace_id": "y"}"#).traceId == "y")
        #expect(try read(#"{"traceId": " ", "trace_id": "y"}"#).api == .charge)
        #expect(try read(#"{"uuid": null}"#).api == .charge)
        #expect(try read(#"{"traceId": null}"#).api == .charge)
        #expect(try read(#"{"code": 1}"#).api == .shop)
        #expect(try read(#"{"errors": [null, [], "x", 1, {"field": "f", "resource": " card ", "type": ""}, {"resource": "card"}]}"#)
            .fieldErrors == [FieldError(resource: "card", field: "f")])
        #expect(try read(#"{"errors": [{"property": "p", "field": 7}]}"#).fieldErrors == [FieldError(field: "7")])
        #expect(try read(#"{"errors": [{"field": "  ", "property": "p"}]}"#).fieldErrors == [FieldError(field: "p")])
    }

    @Test func jsonBuiltInCodeIsReadLikeParsedJSON() {
        #expect(UpstreamError(status: 400, json: .object(["code": .number(2104)])).code == 2104)
        #expect(UpstreamError(status: 400, json: .object(["code": .number(-2104)])).code == -2104)
        #expect(UpstreamError(status: 400, json: .object(["code": .number(1e15)])).code == nil)
        #expect(UpstreamError(status: 400, json: .object(["code": .number(.nan)])).code == nil)
        #expect(UpstreamError(status: 400, json: .object(["code": .integer(.max)])).code == .max)
        #expect(UpstreamError(status: 400, json: .object(["uuid": .number(17)])).uuid == nil)
        for notAnObject: JSONValue in [.null, .bool(true), .integer(1), .number(1.5), .string("{}"), .array([.object([:])])] {
            let error = UpstreamError(status: 502, json: notAnObject)
            #expect(error == UpstreamError(status: 502))
            #expect(error.api == nil)
        }
    }
}
