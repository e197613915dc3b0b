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
