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
    public var catalog: MessageCatalog { storage.catalog }
    /// The policy.
    public var rules: ResolutionRules { storage.rules }
    /// Everything in one object, so that copying a resolver (a service reads it out of its current
    /// snapshot on every request) retains one reference instead of each table.
    private let storage: Storage

    private final class Storage: Sendable {
        let catalog: MessageCatalog
        let rules: ResolutionRules
        /// Per outcome (aligned with `tables.outcomes`): how its fields are found, and its fallback outcome.
        let facts: [(fieldMode: FieldMode, otherwise: Int?)]
        /// Per outcome and locale (`outcome * localeCount + locale`), what resolving reads; each thread
        /// works on copies of its own (see ThreadPlans.swift).
        let localized: [LocalizedPlan]
        let localeCount: Int
        /// Distinguishes this resolver's plans in the threads' caches.
        let generation: Int
        /// The match tables of the rules, with outcome indices instead of names.
        let tables: MatchTables
        /// Per canonical field id, its messages per locale.
        let fieldPlans: [String: [[MessageCandidate]]]

        init(catalog: MessageCatalog, rules: ResolutionRules) {
            self.catalog = catalog
            self.rules = rules
            let tables = MatchTables(rules)
            self.tables = tables
            let fieldPlans = rules.fieldMessages.mapValues { MessageCandidate.plan($0, catalog: catalog) }
            self.fieldPlans = fieldPlans
            let plans = tables.outcomes.map {
                OutcomePlan(outcome: $0, rules: rules, outcomeIndex: tables.index, catalog: catalog, fieldPlans: fieldPlans)
            }
            facts = plans.map { ($0.fieldMode, $0.otherwise) }
            localized = plans.flatMap(\.localized)
            localeCount = catalog.compiled.count
            generation = resolverGenerations.wrappingAdd(1, ordering: .relaxed).newValue
        }
    }

    /// Arguments the resolver itself supplies: `count` (inline fields) and `problem` (field messages).
    static let suppliedArguments: Set<String> = ["count", "problem"]

    /// Pairs a catalog with rules (the embedded default when `rules` is nil) and checks them against each
    /// other: every key must exist, and every outcome's last message must be complete in every locale
    /// with only what the resolver always supplies.
    public init(catalog: MessageCatalog, rules: ResolutionRules? = nil) throws(RulesError) {
        let rules = if let rules { rules } else { try ResolutionRules.embedded() }
        try RulesCatalogCheck(rules: rules, catalog: catalog).run()
        storage = Storage(catalog: catalog, rules: rules)
    }

    /// Resolves for an explicit locale tag; a tag that is malformed or unknown yields the default locale.
    public func resolve(_ error: UpstreamError, locale: String? = nil, arguments: MessageArguments = [:]) -> Resolution {
        let negotiated = locale.flatMap { try? storage.catalog.negotiate(tag: $0) } ?? storage.catalog.defaultNegotiated
        return resolve(error, in: negotiated, arguments: arguments)
    }

    /// Resolves for an HTTP `Accept-Language` value.
    public func resolve(_ error: UpstreamError, acceptLanguage: String, arguments: MessageArguments = [:]) -> Resolution {
        resolve(error, in: storage.catalog.negotiate(acceptLanguage: acceptLanguage), arguments: arguments)
    }

    /// Resolves in an already negotiated locale.
    public func resolve(_ error: UpstreamError, in locale: NegotiatedLocale, arguments: MessageArguments = [:]) -> Resolution {
        var (index, level) = match(error)
        let fieldMode = storage.facts[index].fieldMode
        var upstreamFields: [LocalizedField] = []
        if fieldMode == .upstream {
            upstreamFields = customerFields(error.fieldErrors).map {
                let candidates = storage.fieldPlans[$0.field] ?? []
                return LocalizedField(field: $0.field, candidates: locale.index < candidates.count ? candidates[locale.index] : [],
                                      problem: $0.problem, sameAsOutcome: false)
            }
            if upstreamFields.isEmpty, let otherwise = storage.facts[index].otherwise { index = otherwise }
        }
        let plan = ThreadPlanCache.withCurrent {
            $0.plan(generation: storage.generation, index: index * storage.localeCount + locale.index, shared: storage.localized)
        }
        let presentation = plan.presentation
        // The caller's `reference` and `afterSeconds`, in one pass over the (usually tiny) dictionary.
        var callerReference: String?
        var callerDelay: Double?
        if !arguments.isEmpty {
            for (name, value) in arguments {
                if name == "reference" {
                    callerReference = value.textValue
                } else if name == "afterSeconds", presentation == .retry {
                    callerDelay = value.delayValue
                }
            }
        }
        let reference = error.traceId ?? callerReference
        let afterSeconds = presentation == .retry ? callerDelay ?? plan.afterSeconds : nil
        if var resolution = plan.template {
            resolution.reference = reference
            if afterSeconds != nil { resolution.retry?.afterSeconds = afterSeconds }
            resolution.matchedBy = level
            return resolution
        }
        let fields = fieldMode == .fixed ? plan.fixedFields : upstreamFields
        var available = ArgumentSource(caller: arguments, count: fields.count)
        available.reference = reference
        available.afterSeconds = afterSeconds
        let (key, message) = format(plan.candidates, arguments: available)
        var fieldMessages: [FieldMessage] = []
        if presentation == .inline, !fields.isEmpty {
            fieldMessages.reserveCapacity(fields.count)
            for field in fields {
                // A field showing the outcome's own message (1033, 1042) reuses the text already formatted.
                if field.sameAsOutcome {
                    fieldMessages.append(FieldMessage(field: field.field, message: message))
                    continue
                }
                var fieldArguments = available
                fieldArguments.problem = field.problem
                fieldMessages.append(FieldMessage(field: field.field, message: format(field.candidates, arguments: fieldArguments).text))
            }
        }
        return Resolution(
            presentation: presentation, message: message, key: key, locale: locale.tag.identifier, direction: locale.direction,
            retry: presentation == .retry ? RetryAdvice(sameMethod: plan.sameMethod, afterSeconds: afterSeconds) : nil,
            fields: fieldMessages, reference: reference, matchedBy: level)
    }

    /// The outcome for an error, in the rules' match order, as an index into `tables.outcomes`.
    func match(_ error: UpstreamError) -> (Int, RuleLevel) {
        if let type = error.effectiveType, let index = storage.tables.byType[type.rawValue] { return (index, .type) }
        if let code = error.code {
            if let index = storage.tables.byCode[code] { return (index, .code) }
            if code >= 1000, let index = storage.tables.byFamily[code / 10] { return (index, .family) }
        }
        if let status = error.status, let index = storage.tables.byStatus[status] ?? storage.tables.byStatusClass[status / 100] {
            return (index, .status)
        }
        return (error.status.flatMap { storage.tables.fallbackByClass[$0 / 100] } ?? storage.tables.fallbackOther, .fallback)
    }

    /// The customer-fixable fields among upstream field errors, each once, in upstream order.
    func customerFields(_ errors: [FieldError]) -> [(field: String, problem: String)] {
        var seen: Set<String> = []
        return errors.compactMap { error in
            guard let id = storage.rules.canonicalField(for: error), storage.rules.fieldMessages[id] != nil, seen.insert(id).inserted else {
                return nil
            }
            let missing = error.type.map { storage.rules.missingFieldTypes.contains($0.lowercased()) } ?? false
            return (id, missing ? "missing" : "invalid")
        }
    }

    /// The first candidate whose arguments are all available and valid; the rules check guarantees the
    /// last one needs only what the resolver supplies.
    func format(_ candidates: [MessageCandidate], arguments: ArgumentSource) -> (key: String, text: String) {
        for index in candidates.indices {
            if let text = candidates[index].format(arguments) { return (candidates[index].key, text) }
        }
        return (candidates.last?.key ?? "", "")
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

    @inline(__always)
    subscript(slot: ArgumentSlot) -> MessageArgument? {
        switch slot.source {
        case .reference: return reference.map(MessageArgument.text)
        case .afterSeconds:
            // Whole seconds go to ICU as integers, which plural rules and number formatting take faster.
            guard let afterSeconds else { return nil }
            return afterSeconds.rounded() == afterSeconds && abs(afterSeconds) < 1e15 ? .integer(Int64(afterSeconds)) : .number(afterSeconds)
        case .count: return .integer(Int64(count))
        case .problem: return problem.map(MessageArgument.text)
        case .caller: return callerValue(slot.name)
        }
    }

    /// The caller's argument `name`: a scan of a few keys is cheaper than hashing the name.
    private func callerValue(_ name: String) -> MessageArgument? {
        if caller.isEmpty { return nil }
        if caller.count > 4 { return caller[name] }
        for (key, value) in caller where key == name { return value }
        return nil
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
