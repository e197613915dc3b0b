/// Everything the resolver needs to answer with one outcome, precomputed per locale when the resolver is
/// built, so that resolving hashes no message key and copies no rule.
final class OutcomePlan: Sendable {
    let fieldMode: FieldMode
    /// Index of the outcome to use when `fields: upstream` finds no customer field.
    let otherwise: Int?
    /// The outcome in each locale, by locale index.
    let localized: [LocalizedPlan]

    init(outcome: ResolutionRules.Outcome, rules: ResolutionRules, outcomeIndex: [String: Int], catalog: MessageCatalog,
         fieldPlans: [String: [[MessageCandidate]]]) {
        switch outcome.fields {
        case .none: fieldMode = .none
        case .fixed: fieldMode = .fixed
        case .upstream: fieldMode = .upstream
        }
        otherwise = outcome.otherwise.flatMap { name in outcomeIndex[name] }
        localized = catalog.compiled.indices.map {
            Self.localized(outcome, rules: rules, catalog: catalog, fieldPlans: fieldPlans, locale: $0)
        }
    }

    /// The outcome in the catalog's locale at `index`.
    static func localized(_ outcome: ResolutionRules.Outcome, rules: ResolutionRules, catalog: MessageCatalog,
                          fieldPlans: [String: [[MessageCandidate]]], locale index: Int, pool: CandidatePool? = nil) -> LocalizedPlan {
        let candidates = MessageCandidate.candidates(outcome.messages, catalog: catalog, locale: index, pool: pool)
        var fixedFields: [LocalizedField] = []
        if case .fixed(let fields) = outcome.fields {
            fixedFields = fields.map { field in
                let keys = field.messages.isEmpty ? rules.fieldMessages[field.field] ?? [] : field.messages
                let perLocale = field.messages.isEmpty ? fieldPlans[field.field] ?? [] : []
                let fieldCandidates = field.messages.isEmpty
                    ? (index < perLocale.count ? perLocale[index] : [])
                    : MessageCandidate.candidates(keys, catalog: catalog, locale: index, pool: pool)
                return LocalizedField(field: field.field, candidates: fieldCandidates, problem: "invalid", sameAsOutcome: keys == outcome.messages)
            }
        }
        var template: Resolution?
        if outcome.presentation != .inline, let first = candidates.first, let text = first.message.constantText {
            template = Resolution(
                presentation: outcome.presentation, message: text, key: first.key, locale: catalog.compiled[index].tag.identifier,
                direction: catalog.compiled[index].direction,
                retry: outcome.presentation == .retry ? RetryAdvice(sameMethod: outcome.sameMethod ?? true) : nil,
                fields: [], reference: nil, matchedBy: .fallback)
        }
        return LocalizedPlan(presentation: outcome.presentation, sameMethod: outcome.sameMethod ?? true, afterSeconds: outcome.afterSeconds,
                             candidates: candidates, fixedFields: fixedFields, template: template)
    }

    /// Every message key the outcome can show, its fields' included.
    static func keys(of outcome: ResolutionRules.Outcome, rules: ResolutionRules) -> Set<String> {
        var keys = Set(outcome.messages)
        if case .fixed(let fields) = outcome.fields {
            for field in fields { keys.formUnion(field.messages.isEmpty ? rules.fieldMessages[field.field] ?? [] : field.messages) }
        }
        return keys
    }
}
