/// A message the resolver may use, with what it needs at run time: the compiled message, and for each of
/// its arguments (aligned with `message.argumentNames`) the declared type and where the value comes from.
/// A class, so that trying a candidate retains one object rather than copying four fields.
final class MessageCandidate: Sendable {
    let key: String
    let message: CompiledMessage
    let types: [ArgumentType]
    let slots: [ArgumentSlot]

    init(key: String, message: CompiledMessage, types: [ArgumentType], slots: [ArgumentSlot]) {
        self.key = key
        self.message = message
        self.types = types
        self.slots = slots
    }

    /// The text, if every argument is available and usable; nil otherwise (the next candidate is tried).
    func format(_ arguments: ArgumentSource) -> String? {
        if let constant = message.constantText { return constant }
        return try? message.formatIfComplete { index in arguments[slots[index]]?.converted(to: types[index]) } ?? nil
    }
}

/// Where a message argument's value comes from, decided once per message rather than by comparing
/// names on every resolution.
struct ArgumentSlot: Sendable, Hashable {
    enum Source: Sendable, Hashable {
        /// What the resolver supplies: the trace id, the retry delay, the number of inline fields, a field's problem.
        case reference, afterSeconds, count, problem
        /// The caller's argument named `name`.
        case caller
    }

    let source: Source
    let name: String

    init(name: String) {
        self.name = name
        switch name {
        case "reference": source = .reference
        case "afterSeconds": source = .afterSeconds
        case "count": source = .count
        case "problem": source = .problem
        default: source = .caller
        }
    }
}

/// How an outcome's inline fields are found (the payload of `FieldSource` lives in `fixedFields`).
enum FieldMode: Sendable {
    case none, fixed, upstream
}

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

/// One outcome in one locale: everything a resolution reads.
final class LocalizedPlan: Sendable {
    let presentation: Presentation
    let sameMethod: Bool
    /// For retry: the delay to suggest when the caller gives none.
    let afterSeconds: Double?
    /// The outcome's message candidates, most specific first.
    let candidates: [MessageCandidate]
    /// Fixed inline fields.
    let fixedFields: [LocalizedField]
    /// The whole resolution when it cannot depend on arguments (the first message has none and there are
    /// no fields): resolving then only fills in the reference and the retry delay.
    let template: Resolution?

    init(presentation: Presentation, sameMethod: Bool, afterSeconds: Double?, candidates: [MessageCandidate],
         fixedFields: [LocalizedField], template: Resolution?) {
        self.presentation = presentation
        self.sameMethod = sameMethod
        self.afterSeconds = afterSeconds
        self.candidates = candidates
        self.fixedFields = fixedFields
        self.template = template
    }
}

extension MessageCandidate {
    /// Candidates for `keys` in every locale of the catalog (a key a translation lacks comes from the source).
    static func plan(_ keys: [String], catalog: MessageCatalog) -> [[MessageCandidate]] {
        catalog.compiled.indices.map { index in
            keys.compactMap { key in
                guard let message = catalog.compiled[index].messages[key] ?? catalog.compiled[catalog.sourceIndex].messages[key] else {
                    return nil
                }
                let declarations = catalog.sourceEntries[key]?.arguments ?? [:]
                return MessageCandidate(key: key, message: message,
                                        types: message.argumentNames.map { declarations[$0]?.type ?? .text },
                                        slots: message.argumentNames.map(ArgumentSlot.init(name:)))
            }
        }
    }
}

/// One inline field of a resolution in one locale: its canonical id, its message candidates, the `problem`
/// argument of its message, and whether it shows the outcome's own message (then the text is reused).
struct LocalizedField: Sendable {
    let field: String
    let candidates: [MessageCandidate]
    let problem: String
    let sameAsOutcome: Bool
}

/// The rules' match tables with outcome indices (into `outcomes`) instead of names: matching hashes no
/// outcome name and copies no outcome.
struct MatchTables: Sendable {
    let outcomes: [ResolutionRules.Outcome]
    let index: [String: Int]
    let byType: [String: Int]
    let byCode: DenseIndex
    let byFamily: DenseIndex
    let byStatus: DenseIndex
    let byStatusClass: DenseIndex
    let fallbackByClass: DenseIndex
    let fallbackOther: Int

    init(_ rules: ResolutionRules) {
        outcomes = rules.outcomes.values.sorted { $0.name < $1.name }
        var index: [String: Int] = [:]
        for (position, outcome) in outcomes.enumerated() { index[outcome.name] = position }
        self.index = index
        byType = rules.byType.compactMapValues { index[$0] }
        byCode = DenseIndex(rules.byCode.compactMapValues { index[$0] })
        byFamily = DenseIndex(rules.byFamily.compactMapValues { index[$0] })
        byStatus = DenseIndex(rules.byStatus.compactMapValues { index[$0] })
        byStatusClass = DenseIndex(rules.byStatusClass.compactMapValues { index[$0] })
        fallbackByClass = DenseIndex(rules.fallbackByClass.compactMapValues { index[$0] })
        fallbackOther = index[rules.fallbackOther] ?? 0  // the rules checked that it exists
    }
}

/// Outcome indices by a small integer key (a code, a code family, a status, a status class): an array
/// indexed by the key when all keys are in 0..<65,536 (codes have four digits), so matching hashes nothing.
struct DenseIndex: Sendable {
    private let dense: [Int32]  // -1: no entry
    private let sparse: [Int: Int]

    init(_ table: [Int: Int]) {
        let keys = table.keys
        if let low = keys.min(), let high = keys.max(), low >= 0, high < 65_536 {
            var dense = [Int32](repeating: -1, count: high + 1)
            for (key, value) in table { dense[key] = Int32(value) }
            self.dense = dense
            sparse = [:]
        } else {
            dense = []
            sparse = table
        }
    }

    subscript(key: Int) -> Int? {
        if !dense.isEmpty {
            guard key >= 0, key < dense.count, dense[key] >= 0 else { return nil }
            return Int(dense[key])
        }
        return sparse.isEmpty ? nil : sparse[key]
    }
}
