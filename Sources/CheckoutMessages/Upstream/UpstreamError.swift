/// What a payment API said went wrong, reduced to the facts the rules match on.
///
/// Build it from the raw response (`init(status:body:)`, both APIs' shapes detected) or directly from
/// structured values. Upstream `message` and `title` texts are deliberately not kept: they are written
/// for developers and must never reach a customer.
public struct UpstreamError: Sendable, Hashable {
    /// The HTTP status of the upstream response, if known.
    public var status: Int?
    /// The business code (`1001`…`2005` of the shop API, `2101`… of the charge endpoint; `0` means none).
    public var code: Int?
    /// The charge error type, given explicitly or identified by `uuid` (changed through `override`).
    public internal(set) var type: ChargeErrorType?
    /// The charge endpoint's error uuid, as sent.
    public internal(set) var uuid: String?
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
        self.type = Self.chargeType(type, uuid: uuid)
        self.fieldErrors = fieldErrors
        self.traceId = traceId
        self.api = nil
    }

    /// Structured values given beside a body (an HTTP request's members, the command line's options)
    /// override what the body said: each one given replaces the body's; a `uuid` without a `type` sets the
    /// type it identifies, and keeps the body's type when it identifies none.
    public mutating func override(code: Int? = nil, type: ChargeErrorType? = nil, uuid: String? = nil, traceId: String? = nil) {
        if let code { self.code = code }
        if let uuid { self.uuid = uuid }
        if type != nil || uuid != nil { self.type = Self.chargeType(type, uuid: uuid, otherwise: self.type) }
        if let traceId { self.traceId = traceId }
    }

    /// The one rule for the charge type: an explicit type wins, else the documented type the uuid
    /// identifies, else `otherwise`.
    static func chargeType(_ explicit: ChargeErrorType?, uuid: String?, otherwise: ChargeErrorType? = nil) -> ChargeErrorType? {
        explicit ?? uuid.flatMap(ChargeErrorType.init(uuid:)) ?? otherwise
    }
}
