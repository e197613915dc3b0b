extension MessageArgument {
    /// This value as the declared type, or nil when it cannot be one (a bad currency, a non-number).
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

    /// A usable retry delay in seconds: finite, not negative, at most a day.
    var delayValue: Double? {
        let seconds: Double?
        switch converted(to: .number) {
        case .integer(let value)?: seconds = Double(value)
        case .number(let value)?: seconds = value
        default: seconds = nil
        }
        guard let seconds, seconds >= 0, seconds <= 86_400 else { return nil }
        return seconds
    }
}
