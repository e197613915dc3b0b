/// Which of the two source APIs an error body came from.
public enum UpstreamAPI: String, Sendable, Hashable, Codable {
    /// The shop payment API, whose business codes run from 1001 to 2005: `{code, message, errors: [{resource, field, type}]}`.
    case shop
    /// The charge endpoint, whose errors carry a `uuid` per charge error type: `{uuid, code, message, traceId, errors: [{field, title}]}`.
    case charge
}
