import CheckoutMessages
import Foundation

/// What a client asks `/v1/resolve` for, checked member by member. The same rules apply to the JSON body
/// of `POST` and the query of `GET`, and `openapi.yaml` states them.
struct ResolveRequest: Sendable {
    var locale: String?
    /// The brand whose messages and rules to use (`[a-z0-9-]{1,64}`), nil for the base.
    var brand: String?
    var error: UpstreamError
    var arguments: MessageArguments

    static let maximumTextLength = 200

    /// From a `POST` body.
    init(json: JSONValue) throws(Problem) {
        guard case .object(let members) = json else { throw Problem.invalidParameter("the body must be a JSON object") }
        arguments = [:]
        locale = try Self.text(members["locale"], "locale")
        brand = try Self.brand(members["brand"])
        let status = try Self.status(members["status"])
        switch members["error"] {
        case nil, .null?:
            error = UpstreamError(status: status)
        case .string(let body)?:
            error = UpstreamError(status: status, body: body)
        case .object(let body)?:
            error = UpstreamError(status: status, json: .object(body))
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
                guard Self.fits(name, 64) else { throw Problem.invalidParameter("argument names are at most 64 characters") }
                if let argument = try Self.argument(value, name: name) { arguments[name] = argument }
            }
        default:
            throw Problem.invalidParameter("`args` must be an object of named values")
        }
    }

    /// From a `GET` query: `status`, `code`, `type`, `uuid`, `traceId`, `locale`, `brand` and `arg.NAME`. Of a
    /// repeated name the first value counts, of a repeated `arg.NAME` the last.
    init(query: Substring) throws(Problem) {
        // Two passes over the query bytes, neither collecting the pairs: the members first (so their
        // errors come first, as for a body), then the arguments in order.
        var members = QueryMembers()
        QueryString.forEachPair(in: query) { pair in members.keepFirst(pair) }
        func integer(_ value: String?, _ name: String) throws(Problem) -> JSONValue? {
            guard let value else { return nil }
            guard let number = Int64(value) else { throw Problem.invalidParameter("`\(name)` must be an integer") }
            return .integer(number)
        }
        arguments = [:]
        locale = try Self.text(members.locale.map(JSONValue.string), "locale")
        brand = try Self.brand(members.brand.map(JSONValue.string))
        error = UpstreamError(status: try Self.status(integer(members.status, "status")))
        try apply(code: Self.code(integer(members.code, "code")), type: Self.text(members.type.map(JSONValue.string), "type"),
                  uuid: Self.text(members.uuid.map(JSONValue.string), "uuid"),
                  traceId: Self.text(members.traceId.map(JSONValue.string), "traceId"))
        var collected: MessageArguments = [:]
        try QueryString.forEachPair(in: query) { (pair) throws(Problem) in
            guard pair.nameIs("arg.", prefixOnly: true) else { return }
            let argumentName = pair.name(droppingFirst: 4)
            guard !argumentName.isEmpty, Self.fits(argumentName, 64) else {
                throw Problem.invalidParameter("`\(pair.nameText.prefix(80))` is not an argument name")
            }
            if let argument = try Self.argument(.string(pair.value), name: argumentName) { collected[argumentName] = argument }
        }
        arguments = collected
    }

    /// The request's structured members override what the upstream body said (`UpstreamError.override`).
    private mutating func apply(code: Int?, type: String?, uuid: String?, traceId: String?) {
        error.override(code: code, type: type.map(ChargeErrorType.init(rawValue:)), uuid: uuid, traceId: traceId)
    }

    /// Whether `text` has at most `limit` characters as `openapi.yaml`'s `maxLength` counts them (JSON
    /// Schema: Unicode code points, not grapheme clusters, which combining marks can make far fewer).
    /// The UTF-8 length, never smaller, settles the usual short text without a walk over its scalars.
    private static func fits(_ text: String, _ limit: Int) -> Bool {
        text.utf8.count <= limit || text.unicodeScalars.count <= limit
    }

    private static func text(_ value: JSONValue?, _ name: String) throws(Problem) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?:
            guard fits(text, maximumTextLength) else { throw Problem.invalidParameter("`\(name)` is at most \(maximumTextLength) characters") }
            return text
        default: throw Problem.invalidParameter("`\(name)` must be a string")
        }
    }

    private static func brand(_ value: JSONValue?) throws(Problem) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let name)? where BrandName(rawValue: name) != nil: return name
        default: throw Problem.invalidBrand
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
            guard fits(text, maximumTextLength) else { throw Problem.invalidParameter("`args.\(name)` is at most \(maximumTextLength) characters") }
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

/// The query members of `GET /v1/resolve` besides `arg.NAME`, first value of each kept.
private struct QueryMembers {
    var status, code, type, uuid, traceId, locale, brand: String?

    /// Matched on the name's bytes; a repeated member keeps its first value.
    mutating func keepFirst(_ pair: QueryString.Pair) {
        func keep(_ member: inout String?) { if member == nil { member = pair.value } }
        switch pair.name.count {
        case 4 where pair.nameIs("code"): keep(&code)
        case 4 where pair.nameIs("type"): keep(&type)
        case 4 where pair.nameIs("uuid"): keep(&uuid)
        case 5 where pair.nameIs("brand"): keep(&brand)
        case 6 where pair.nameIs("status"): keep(&status)
        case 6 where pair.nameIs("locale"): keep(&locale)
        case 7 where pair.nameIs("traceId"): keep(&traceId)
        default: break
        }
    }
}
