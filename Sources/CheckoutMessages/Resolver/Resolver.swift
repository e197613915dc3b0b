/// Turns upstream payment errors into customer-facing resolutions: rules pick the outcome, the catalog
/// supplies the words.
///
/// ```swift
/// let resolver = try Resolver(catalog: try MessageCatalog.embedded())
/// let resolution = resolver.resolve(UpstreamError(status: 400, body: responseBytes), locale: "de-AT")
/// ```
///
/// Build one at startup and share it; it is immutable and `Sendable`.
public struct Resolver: Sendable {
    /// The messages.
    public let catalog: MessageCatalog
    /// The policy.
    public let rules: ResolutionRules

    /// Arguments the resolver itself supplies: `count` (inline fields) and `problem` (field messages).
    static let suppliedArguments: Set<String> = ["count", "problem"]

    /// Pairs a catalog with rules (the embedded default when `rules` is nil) and checks them against each
    /// other: every key must exist, and every outcome's last message must be complete in every locale
    /// with only what the resolver always supplies.
    public init(catalog: MessageCatalog, rules: ResolutionRules? = nil) throws(RulesError) {
        let rules = if let rules { rules } else { try ResolutionRules.embedded() }
        try RulesCatalogCheck(rules: rules, catalog: catalog).run()
        self.catalog = catalog
        self.rules = rules
    }

    /// Resolves for an explicit locale tag; a tag that is malformed or unknown yields the default locale.
    public func resolve(_ error: UpstreamError, locale: String? = nil, arguments: MessageArguments = [:]) -> Resolution {
        let negotiated = locale.flatMap { try? catalog.negotiate(tag: $0) } ?? catalog.defaultNegotiated
        return resolve(error, in: negotiated, arguments: arguments)
    }

    /// Resolves for an HTTP `Accept-Language` value.
    public func resolve(_ error: UpstreamError, acceptLanguage: String, arguments: MessageArguments = [:]) -> Resolution {
        resolve(error, in: catalog.negotiate(acceptLanguage: acceptLanguage), arguments: arguments)
    }

    /// Resolves in an already negotiated locale.
    public func resolve(_ error: UpstreamError, in locale: NegotiatedLocale, arguments: MessageArguments = [:]) -> Resolution {
        var (outcome, level) = match(error)
        var fields: [(field: String, messages: [String], problem: String)] = []
        switch outcome.fields {
        case .none:
            break
        case .fixed(let list):
            fields = list.map { ($0.field, $0.messages.isEmpty ? rules.fieldMessages[$0.field] ?? [] : $0.messages, "invalid") }
        case .upstream:
            fields = customerFields(error.fieldErrors)
            if fields.isEmpty, let otherwise = outcome.otherwise.flatMap({ rules.outcomes[$0] }) {
                outcome = otherwise
            }
        }
        let reference = error.traceId ?? arguments["reference"]?.textValue
        var afterSeconds: Double?
        if outcome.presentation == .retry {
            afterSeconds = arguments["afterSeconds"]?.delayValue ?? outcome.afterSeconds
        }
        var available = arguments
        available["reference"] = reference.map(MessageArgument.text)
        available["afterSeconds"] = afterSeconds.map(MessageArgument.number)
        available["count"] = .integer(Int64(fields.count))

        let (key, message) = format(outcome.messages, in: locale, arguments: available)
        let fieldMessages = fields.map { field in
            var fieldArguments = available
            fieldArguments["problem"] = .text(field.problem)
            return FieldMessage(field: field.field, message: format(field.messages, in: locale, arguments: fieldArguments).text)
        }
        return Resolution(
            presentation: outcome.presentation, message: message, key: key, locale: locale.tag.identifier,
            direction: locale.direction,
            retry: outcome.presentation == .retry ? RetryAdvice(sameMethod: outcome.sameMethod ?? true, afterSeconds: afterSeconds) : nil,
            fields: outcome.presentation == .inline ? fieldMessages : [], reference: reference, matchedBy: level)
    }

    /// The outcome for an error, in the rules' match order.
    func match(_ error: UpstreamError) -> (ResolutionRules.Outcome, RuleLevel) {
        let candidates: [(String?, RuleLevel)] = [
            (error.effectiveType.flatMap { rules.byType[$0.rawValue] }, .type),
            (error.code.flatMap { rules.byCode[$0] }, .code),
            (error.code.flatMap { $0 >= 1000 ? rules.byFamily[$0 / 10] : nil }, .family),
            (error.status.flatMap { rules.byStatus[$0] ?? rules.byStatusClass[$0 / 100] }, .status),
        ]
        for (name, level) in candidates {
            if let name, let outcome = rules.outcomes[name] { return (outcome, level) }
        }
        let fallback = error.status.flatMap { rules.fallbackByClass[$0 / 100] } ?? rules.fallbackOther
        return (rules.outcomes[fallback]!, .fallback)  // checked when the rules were read
    }

    /// The customer-fixable fields among upstream field errors, each once, in upstream order.
    func customerFields(_ errors: [FieldError]) -> [(field: String, messages: [String], problem: String)] {
        var seen: Set<String> = []
        return errors.compactMap { error in
            guard let id = rules.canonicalField(for: error), seen.insert(id).inserted,
                  let messages = rules.fieldMessages[id]
            else { return nil }
            let missing = error.type.map { rules.missingFieldTypes.contains($0.lowercased()) } ?? false
            return (id, messages, missing ? "missing" : "invalid")
        }
    }

    /// Formats the first key whose arguments are all available and valid; the rules check guarantees the
    /// last key needs only supplied arguments.
    func format(_ keys: [String], in locale: NegotiatedLocale, arguments: MessageArguments) -> (key: String, text: String) {
        for key in keys {
            guard let message = catalog.message(key, in: locale),
                  let values = coerce(arguments, for: message, key: key),
                  let text = try? message.format(values)
            else { continue }
            return (key, text)
        }
        return (keys.last ?? "", "")
    }

    /// The arguments `message` uses, converted to their declared types; nil if one is missing or unusable.
    func coerce(_ arguments: MessageArguments, for message: CompiledMessage, key: String) -> MessageArguments? {
        var values: MessageArguments = [:]
        let declarations = catalog.sourceEntries[key]?.arguments ?? [:]
        for name in message.argumentNames {
            guard let value = arguments[name] else { return nil }
            let type = declarations[name]?.type ?? .text
            guard let converted = value.converted(to: type) else { return nil }
            values[name] = converted
        }
        return values
    }
}

extension MessageArgument {
    /// This value as the declared type, or nil when it cannot be one (a bad currency, a non-number).
    func converted(to type: ArgumentType) -> MessageArgument? {
        switch (type, self) {
        case (.text, .text): return self
        case (.text, .integer(let value)): return .text(String(value))
        case (.number, .integer): return self
        case (.number, .number(let value)): return value.isFinite ? self : nil
        case (.number, .text(let text)):
            let trimmed = text.trimmingWhitespace
            if let integer = Int64(trimmed) { return .integer(integer) }
            if let number = Double(trimmed), number.isFinite { return .number(number) }
            return nil
        case (.money, .money(let money)): return Money.fractionDigits(of: money.currency) == nil ? nil : self
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
