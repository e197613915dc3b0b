/// A message for one form field.
public struct FieldMessage: Sendable, Hashable, Codable {
    /// Canonical field id, e.g. `card.expiry`, `customer.email`.
    public var field: String
    /// The text to show beside it.
    public var message: String

    /// Creates a field message.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
