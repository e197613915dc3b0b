/// What a payment API said went wrong, reduced to the facts the rules match on.
///
/// Build it from the raw response (`init(status:body:)`, both seed shapes auto-detected) or directly from
/// structured values. Upstream `message` and `title` texts are deliberately not kept: they are written
/// for developers and must never reach a customer.
public struct UpstreamError: Sendable, Hashable {
    /// The HTTP status of the upstream response, if known.
    public var status: Int?
    /// The business code (`1001`…`2005` of the shop API, `2101`… of the charge endpoint; `0` means none).
    public var code: Int?
    /// The charge error type, given explicitly or identified by `uuid`.
    public var type: ChargeErrorType?
    /// The charge endpoint's error uuid, as sent.
    public var uuid: String?
    /// Field-level errors (shop API `errors[]` with resource/field/type; charge endpoint `errors[]` with field).
    public var fieldErrors: [FieldError]
    /// The upstream request identifier, which customers can quote to support.
    public var traceId: String?
    /// Which API a decoded body looked like; nil for structured input or no body.
    public internal(set) var api: UpstreamAPI?

    /// Creates an error from structured values. When `type` is nil, a documented `uuid` supplies it.
    public init(status: Int? = nil, code: Int? = nil, type: ChargeErrorType? = nil, uuid: String? = nil,
                fieldErrors: [FieldError] = [], traceId: String? = nil) {
        self.status = status
        self.code = code
        self.uuid = uuid
        self.type = type ?? uuid.flatMap(ChargeErrorType.init(uuid:))
        self.fieldErrors = fieldErrors
        self.traceId = traceId
        self.api = nil
    }

    /// The charge type to match on: the explicit one, else the one the uuid identifies.
    var effectiveType: ChargeErrorType? { type ?? uuid.flatMap(ChargeErrorType.init(uuid:)) }
}

/// One field-level error as the upstream reported it.
public struct FieldError: Sendable, Hashable, Codable {
    /// The shop API's `resource` (`customer`, `transaction`, `card`), absent on the charge endpoint.
    public var resource: String?
    /// The field name within the resource, e.g. `ip`, `email`, `item`.
    public var field: String
    /// The shop API's error type (`missing`, `invalid`, ...), if given.
    public var type: String?

    /// Creates a field error.
    public init(resource: String? = nil, field: String, type: String? = nil) {
        self.resource = resource
        self.field = field
        self.type = type
    }

    /// `resource.field` when there is a resource, else `field`.
    public var path: String { resource.map { "\($0).\(field)" } ?? field }
}
