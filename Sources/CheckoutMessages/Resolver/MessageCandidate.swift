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

extension MessageCandidate {
    /// Candidates for `keys` in every locale of the catalog (a key a translation lacks comes from the source).
    static func plan(_ keys: [String], catalog: MessageCatalog) -> [[MessageCandidate]] {
        catalog.compiled.indices.map { candidates(keys, catalog: catalog, locale: $0) }
    }

    /// Candidates for `keys` in the catalog's locale at `index`; with a pool, each key's candidate is made
    /// once and shared.
    static func candidates(_ keys: [String], catalog: MessageCatalog, locale index: Int, pool: CandidatePool? = nil) -> [MessageCandidate] {
        keys.compactMap { key in
            if let shared = pool?.byKey[key] { return shared }
            guard let message = catalog.message(key, at: index) else { return nil }
            let declarations = catalog.sourceEntries[key]?.arguments ?? [:]
            let candidate = MessageCandidate(key: key, message: message,
                                             types: message.argumentNames.map { declarations[$0]?.type ?? .text },
                                             slots: message.argumentNames.map(ArgumentSlot.init(name:)))
            pool?.byKey[key] = candidate
            return candidate
        }
    }
}

/// One locale's candidates by key while a brand's plans are built: the base's for the messages the brand
/// leaves alone, one new candidate per message it changes, each shared by every plan that shows it.
final class CandidatePool {
    var byKey: [String: MessageCandidate] = [:]

    /// Seeded with the base's candidates of the locale at `locale` whose keys the brand does not change.
    init(base plans: [LocalizedPlan], fieldPlans: [String: [[MessageCandidate]]], locale: Int, changed: Set<String>) {
        func keep(_ candidate: MessageCandidate) {
            if !changed.contains(candidate.key) { byKey[candidate.key] = candidate }
        }
        for plan in plans {
            plan.candidates.forEach(keep)
            for field in plan.fixedFields { field.candidates.forEach(keep) }
        }
        for perLocale in fieldPlans.values where locale < perLocale.count { perLocale[locale].forEach(keep) }
    }

    /// Empty: every candidate is made (a locale the base does not have).
    init() {}
}
