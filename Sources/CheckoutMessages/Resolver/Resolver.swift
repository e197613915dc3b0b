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
        var available = ArgumentSource(caller: arguments, count: fields.count)
        available.reference = error.traceId ?? arguments["reference"]?.textValue
        if outcome.presentation == .retry {
            available.afterSeconds = arguments["afterSeconds"]?.delayValue ?? outcome.afterSeconds
        }
        let (key, message) = format(outcome.messages, in: locale, arguments: available)
        let fieldMessages = fields.map { field in
            // A field showing the outcome's own message (1033, 1042) reuses the text already formatted.
            if field.messages == outcome.messages, catalog.message(key, in: locale)?.argumentNames.contains("problem") == false {
                return FieldMessage(field: field.field, message: message)
            }
            var fieldArguments = available
            fieldArguments.problem = field.problem
            return FieldMessage(field: field.field, message: format(field.messages, in: locale, arguments: fieldArguments).text)
        }
        let reference = available.reference
        let afterSeconds = available.afterSeconds
        return Resolution(
            presentation: outcome.presentation, message: message, key: key, locale: locale.tag.identifier,
            direction: locale.direction,
            retry: outcome.presentation == .retry ? RetryAdvice(sameMethod: outcome.sameMethod ?? true, afterSeconds: afterSeconds) : nil,
            fields: outcome.presentation == .inline ? fieldMessages : [], reference: reference, matchedBy: level)
    }

    /// The outcome for an error, in the rules' match order.
    func match(_ error: UpstreamError) -> (ResolutionRules.Outcome, RuleLevel) {
        if let type = error.effectiveType, let name = rules.byType[type.rawValue], let outcome = rules.outcomes[name] {
            return (outcome, .type)
        }
        if let code = error.code {
            if let name = rules.byCode[code], let outcome = rules.outcomes[name] { return (outcome, .code) }
            if code >= 1000, let name = rules.byFamily[code / 10], let outcome = rules.outcomes[name] { return (outcome, .family) }
        }
        if let status = error.status, let name = rules.byStatus[status] ?? rules.byStatusClass[status / 100],
           let outcome = rules.outcomes[name] {
            return (outcome, .status)
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
    func format(_ keys: [String], in locale: NegotiatedLocale, arguments: ArgumentSource) -> (key: String, text: String) {
        for key in keys {
            guard let message = catalog.message(key, in: locale) else { continue }
            if message.argumentNames.isEmpty, let text = message.constantText { return (key, text) }
            let declarations = catalog.sourceEntries[key]?.arguments ?? [:]
            func value(_ name: String) -> MessageArgument? {
                arguments[name]?.converted(to: declarations[name]?.type ?? .text)
            }
            guard message.argumentNames.allSatisfy({ value($0) != nil }), let text = try? message.format(lookup: value) else { continue }
            return (key, text)
        }
        return (keys.last ?? "", "")
    }
}

/// The arguments a message can draw on: the caller's, with what the resolver supplies taking precedence
/// (`reference` from the trace id, `afterSeconds` when retrying, `count` of inline fields, `problem` of a
/// field). No dictionary is built per resolution.
struct ArgumentSource {
    let caller: MessageArguments
    var reference: String?
    var afterSeconds: Double?
    var count: Int
    var problem: String?

    init(caller: MessageArguments, count: Int) {
        self.caller = caller
        self.count = count
    }

    subscript(name: String) -> MessageArgument? {
        switch name {
        case "reference": return reference.map(MessageArgument.text)
        case "afterSeconds": return afterSeconds.map(MessageArgument.number)
        case "count": return .integer(Int64(count))
        case "problem": return problem.map(MessageArgument.text)
        default: return caller[name]
        }
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
