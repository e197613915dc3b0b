extension MessageArgument {
    /// This value as the declared type, or nil when it cannot be one (a bad currency, a non-number, a
    /// negative or fractional count).
    func converted(to type: ArgumentType) -> MessageArgument? {
        switch (type, self) {
        case (.text, .text): return self
        case (.text, .integer(let value)): return .text(String(value))
        case (.number, .integer): return self
        case (.number, .number(let value)): return value.isFinite ? self : nil
        case (.number, .text(let text)):
            if let integer = Int64(text) { return .integer(integer) }  // the usual "30", without trimming
            let trimmed = text.trimmingWhitespace
            if let integer = Int64(trimmed) { return .integer(integer) }
            if let number = Double(trimmed), number.isFinite { return .number(number) }
            return nil
        case (.count, _):
            switch converted(to: .number) {
            case .integer(let value)?: return value >= 0 ? .integer(value) : nil
            case .number(let value)?:
                // "2.0" and 2.0 are the count 2; 1.5 and -1 are not counts.
                return value >= 0 && value < 9.0e15 && value.rounded() == value ? .integer(Int64(value)) : nil
            default: return nil
            }
        case (.money, .money): return self  // an unknown currency fails in ICU, and the next message is used
        case (.money, .text(let text)):
            guard let money = Money(parsing: text), Money.fractionDigits(of: money.currency) != nil else { return nil }
            return .money(money)
        default: return nil
        }
    }

    var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The caller's retry delay in seconds, as given (the resolver rounds it up, and reads zero or less as
    /// no delay); nil when unusable (not a number, or more than a day), so that the outcome's default applies.
    var delayValue: Double? {
        let seconds: Double?
        switch converted(to: .number) {
        case .integer(let value)?: seconds = Double(value)
        case .number(let value)?: seconds = value
        default: seconds = nil
        }
        guard let seconds, seconds <= RetryDelay.maximumSeconds else { return nil }
        return seconds
    }
}
