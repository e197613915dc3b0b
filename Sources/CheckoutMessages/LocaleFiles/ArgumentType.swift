/// The declared type of a message argument in the source catalog.
public enum ArgumentType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Free text, or the selector of a `select`.
    case text
    /// A number: integer or decimal; the subject of `plural`.
    case number
    /// Money in minor units plus an ISO 4217 code, formatted by ICU for the locale.
    case money
}
