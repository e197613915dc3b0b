/// A value for a named placeholder in a catalog message.
///
/// Literals work directly: `["attemptsLeft": 2, "afterSeconds": 1.5, "reference": "A1B2"]`.
public enum MessageArgument: Sendable, Hashable {
    /// Plain text, also the selector of a `select`.
    case text(String)
    /// A whole number, e.g. attempts left.
    case integer(Int64)
    /// A fractional number, e.g. 1.5 seconds. Plural rules see its visible fraction digits.
    case number(Double)
    /// Money in minor units with its ISO 4217 currency.
    case money(Money)
}

extension MessageArgument: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
}

/// Named arguments for a message.
public typealias MessageArguments = [String: MessageArgument]
