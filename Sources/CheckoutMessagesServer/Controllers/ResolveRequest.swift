import CheckoutMessages
import Foundation

/// What a client asks `/v1/resolve` for, checked member by member. The same rules apply to the JSON body
/// of `POST` and the query of `GET`, and `openapi.yaml` states them.
struct ResolveRequest: Sendable {
    var locale: String?
    var error: UpstreamError
    var arguments: MessageArguments

    static let maximumTextLength = 200

    /// From a `POST` body.
    init(json: JSONValue) throws(Problem) {
        guard case .object(let members) = json else { throw Problem.invalidParameter("the body must be a JSON object") }
        arguments = [:]
        locale = try Self.text(members["locale"], "locale")
        let status = try Self.status(members["status"])
        switch members["error"] {
        case nil, .null?:
            error = UpstreamError(status: status)
        case .string(let body)?:
            error = UpstreamError(status: status, body: body)
        case .object(let body)?:
            let bytes = (try? JSONEncoder().encode(JSONValue.object(body))) ?? Data()
            error = UpstreamError(status: status, body: bytes)
        default:
            throw Problem.invalidParameter("`error` must be the upstream response body: a JSON object, a string or null")
        }
        try apply(code: Self.code(members["code"]), type: Self.text(members["type"], "type"),
                  uuid: Self.text(members["uuid"], "uuid"), traceId: Self.text(members["traceId"], "traceId"))
        switch members["args"] {
        case nil, .null?:
            break
        case .object(let values)?:
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                guard name.count <= 64 else { throw Problem.invalidParameter("argument names are at most 64 characters") }
                if let argument = try Self.argument(value, name: name) { arguments[name] = argument }
            }
        default:
            throw Problem.invalidParameter("`args` must be an object of named values")
        }
    }

    /// From a `GET` query: `status`, `code`, `type`, `uuid`, `traceId`, `locale` and `arg.NAME`. Of a
    /// repeated name the first value counts, of a repeated `arg.NAME` the last.
    init(query: [(name: Substring, value: Substring)]) throws(Problem) {
        var known = [String?](repeating: nil, count: QueryMember.allCases.count)
        for (name, value) in query {
            if let member = QueryMember(name), known[member.rawValue] == nil { known[member.rawValue] = String(value) }
        }
        func value(_ member: QueryMember) -> String? { known[member.rawValue] }
        func json(_ member: QueryMember, _ name: String) throws(Problem) -> JSONValue? {
            guard let text = value(member) else { return nil }
            guard let number = Int64(text) else { throw Problem.invalidParameter("`\(name)` must be an integer") }
            return .integer(number)
        }
        arguments = [:]
        locale = try Self.text(value(.locale).map(JSONValue.string), "locale")
        error = UpstreamError(status: try Self.status(json(.status, "status")))
        try apply(code: Self.code(json(.code, "code")), type: Self.text(value(.type).map(JSONValue.string), "type"),
                  uuid: Self.text(value(.uuid).map(JSONValue.string), "uuid"),
                  traceId: Self.text(value(.traceId).map(JSONValue.string), "traceId"))
        for (name, text) in query where name.hasBytes("arg.", prefixOnly: true) {
            let argumentName = String(Substring(name.utf8.dropFirst(4)))
            guard !argumentName.isEmpty, argumentName.utf8.count <= 64 || argumentName.count <= 64 else {
                throw Problem.invalidParameter("`\(name.prefix(80))` is not an argument name")
            }
            if let argument = try Self.argument(.string(String(text)), name: argumentName) { arguments[argumentName] = argument }
        }
    }

    /// Structured values override what the upstream body said.
    private mutating func apply(code: Int?, type: String?, uuid: String?, traceId: String?) {
        if let code { error.code = code }
        if let uuid {
            error.uuid = uuid
            if type == nil, let identified = ChargeErrorType(uuid: uuid) { error.type = identified }
        }
        if let type { error.type = ChargeErrorType(rawValue: type) }
        if let traceId { error.traceId = traceId }
    }

    private static func text(_ value: JSONValue?, _ name: String) throws(Problem) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?:
            // Counting bytes first spares the grapheme walk of `count` for the usual short value.
            guard text.utf8.count <= maximumTextLength || text.count <= maximumTextLength else { throw Problem.invalidParameter("`\(name)` is at most \(maximumTextLength) characters") }
            return text
        default: throw Problem.invalidParameter("`\(name)` must be a string")
        }
    }

    private static func status(_ value: JSONValue?) throws(Problem) -> Int? {
        switch value {
        case nil, .null?: return nil
        case .integer(let status)? where (100...599).contains(status): return Int(status)
        default: throw Problem.invalidParameter("`status` must be an HTTP status, an integer from 100 to 599")
        }
    }

    private static func code(_ value: JSONValue?) throws(Problem) -> Int? {
        switch value {
        case nil, .null?: return nil
        case .integer(let code)? where (0...999_999).contains(code): return Int(code)
        default: throw Problem.invalidParameter("`code` must be an integer from 0 to 999999")
        }
    }

    /// A number, a string, or money as `{"amount": minor units, "currency": "EUR"}`; null means absent.
    private static func argument(_ value: JSONValue, name: String) throws(Problem) -> MessageArgument? {
        switch value {
        case .null: return nil
        case .integer(let number): return .integer(number)
        case .number(let number) where number.isFinite: return .number(number)
        case .string(let text):
            guard text.utf8.count <= maximumTextLength || text.count <= maximumTextLength else { throw Problem.invalidParameter("`args.\(name)` is at most \(maximumTextLength) characters") }
            return .text(text)
        case .object(let members):
            guard members.count == 2, case .integer(let amount)? = members["amount"], case .string(let currency)? = members["currency"],
                  currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter })
            else {
                throw Problem.invalidParameter("`args.\(name)` as money must be {\"amount\": integer minor units, \"currency\": ISO 4217 code}")
            }
            return .money(Money(minorUnits: amount, currency: currency))
        default:
            throw Problem.invalidParameter("`args.\(name)` must be a number, a string, money or null")
        }
    }
}

/// The query members of `GET /v1/resolve` besides `arg.NAME`.
private enum QueryMember: Int, CaseIterable {
    case status, code, type, uuid, traceId, locale

    /// Matched by length, then bytes.
    init?(_ name: Substring) {
        switch name.utf8.count {
        case 4 where name.hasBytes("code"): self = .code
        case 4 where name.hasBytes("type"): self = .type
        case 4 where name.hasBytes("uuid"): self = .uuid
        case 6 where name.hasBytes("status"): self = .status
        case 6 where name.hasBytes("locale"): self = .locale
        case 7 where name.hasBytes("traceId"): self = .traceId
        default: return nil
        }
    }
}

extension Substring {
    /// Whether the text is `literal` (or starts with it), compared as bytes in one go: query names are
    /// matched on every request, and element-by-element UTF-8 comparison of substrings is slow.
    func hasBytes(_ literal: StaticString, prefixOnly: Bool = false) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard prefixOnly ? utf8.count >= count : utf8.count == count else { return false }
        if count == 0 { return true }
        return utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, literal.utf8Start, count) == 0 }
            ?? utf8.starts(with: UnsafeBufferPointer(start: literal.utf8Start, count: count))
    }
}
