/// The declared type of a message argument in the source catalog.
public enum ArgumentType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Free text, or the selector of a `select`.
    case text
    /// A count: a whole number, zero or more (attempts, seconds, fields); the usual subject of `plural`.
    /// A negative or fractional value is unusable, so the rule's next message variant is shown.
    case count
    /// A number: integer or decimal.
    case number
    /// Money in minor units plus an ISO 4217 code, formatted by ICU for the locale.
    case money
}
