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
        let candidates = MessageCandidate.plan(outcome.messages, catalog: catalog)
        var fixedFields: [(field: String, candidates: [[MessageCandidate]], sameAsOutcome: Bool)] = []
        if case .fixed(let fields) = outcome.fields {
            fixedFields = fields.map { field in
                let keys = field.messages.isEmpty ? rules.fieldMessages[field.field] ?? [] : field.messages
                let plan = field.messages.isEmpty ? fieldPlans[field.field] ?? [] : MessageCandidate.plan(keys, catalog: catalog)
                return (field.field, plan, keys == outcome.messages)
            }
        }
        localized = catalog.compiled.indices.map { index in
            var template: Resolution?
            if outcome.presentation != .inline, let first = candidates[index].first, let text = first.message.constantText {
                template = Resolution(
                    presentation: outcome.presentation, message: text, key: first.key, locale: catalog.compiled[index].tag.identifier,
                    direction: catalog.compiled[index].direction,
                    retry: outcome.presentation == .retry ? RetryAdvice(sameMethod: outcome.sameMethod ?? true) : nil,
                    fields: [], reference: nil, matchedBy: .fallback)
            }
            return LocalizedPlan(
                presentation: outcome.presentation, sameMethod: outcome.sameMethod ?? true, afterSeconds: outcome.afterSeconds,
                candidates: candidates[index],
                fixedFields: fixedFields.map { field in
                    LocalizedField(field: field.field, candidates: index < field.candidates.count ? field.candidates[index] : [],
                                   problem: "invalid", sameAsOutcome: field.sameAsOutcome)
                },
                template: template)
        }
    }
}
