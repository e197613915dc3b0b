import Foundation

/// Which of the two source APIs an error body came from.
public enum UpstreamAPI: String, Sendable, Hashable, Codable {
    /// The shop payment API (seed 000): `{code, message, errors: [{resource, field, type}]}`.
    case shop
    /// The charge endpoint (seed 002): `{uuid, code, message, traceId, errors: [{field, title}]}`.
    case charge
}

extension UpstreamError {
    /// Decodes a raw upstream response. Never fails: an empty, non-JSON or non-object body counts as
    /// "no body", unknown members are ignored, and members of the wrong type are treated as absent.
    public init(status: Int?, body: some Collection<UInt8>) {
        self.init(status: status)
        guard let decoded = Self.decodeBody(Data(body)) else { return }
        code = decoded.code
        uuid = decoded.uuid
        type = decoded.type.map(ChargeErrorType.init(rawValue:)) ?? decoded.uuid.flatMap(ChargeErrorType.init(uuid:))
        traceId = decoded.traceId
        fieldErrors = decoded.errors
        api = decoded.api
    }

    /// Decodes a raw upstream response whose body is text.
    public init(status: Int?, body: String) {
        self.init(status: status, body: Array(body.utf8))
    }

    private static func decodeBody(_ data: Data) -> UpstreamBody? {
        guard data.contains(where: { $0 == UInt8(ascii: "{") }) else { return nil }
        return try? JSONDecoder().decode(UpstreamBody.self, from: data)
    }
}

/// The union of both seed body shapes, decoded leniently member by member.
struct UpstreamBody: Decodable {
    var code: Int?
    var uuid: String?
    var type: String?
    var traceId: String?
    var errors: [FieldError] = []
    var api: UpstreamAPI

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)  // throws for a non-object body
        code = container.lenientInt("code")
        uuid = container.lenientString("uuid")
        type = container.lenientString("type")
        traceId = container.lenientString("traceId") ?? container.lenientString("trace_id")
        var fieldErrors: [FieldError] = []
        if var list = try? container.nestedUnkeyedContainer(forKey: AnyKey("errors")) {
            while !list.isAtEnd {
                guard let entry = try? list.nestedContainer(keyedBy: AnyKey.self) else {
                    _ = try? list.decode(Discard.self)
                    continue
                }
                guard let field = entry.lenientString("field") ?? entry.lenientString("property") else { continue }
                fieldErrors.append(FieldError(resource: entry.lenientString("resource"), field: field,
                                              type: entry.lenientString("type")))
            }
        }
        errors = fieldErrors
        let looksLikeCharge = container.contains(AnyKey("uuid")) || container.contains(AnyKey("traceId"))
        api = looksLikeCharge ? .charge : .shop
    }
}

/// Any JSON member name.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Consumes one JSON value of any shape.
private struct Discard: Decodable {
    init(from decoder: any Decoder) throws {}
}

extension KeyedDecodingContainer where Key == AnyKey {
    /// An integer given as a JSON number (integral) or a string of digits; anything else is absent.
    func lenientInt(_ name: String) -> Int? {
        let key = AnyKey(name)
        if let value = try? decodeIfPresent(Int.self, forKey: key) { return value }
        if let value = try? decodeIfPresent(Double.self, forKey: key), value.rounded() == value, abs(value) < 1e15 {
            return Int(value)
        }
        if let text = try? decodeIfPresent(String.self, forKey: key) { return Int(text.trimmingWhitespace) }
        return nil
    }

    /// A non-empty string, or a number rendered as one; anything else is absent.
    func lenientString(_ name: String) -> String? {
        let key = AnyKey(name)
        if let text = try? decodeIfPresent(String.self, forKey: key) {
            let trimmed = text.trimmingWhitespace
            return trimmed.isEmpty ? nil : String(trimmed)
        }
        if let value = try? decodeIfPresent(Int.self, forKey: key) { return String(value) }
        return nil
    }
}
