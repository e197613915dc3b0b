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

    /// Candidates for `keys` in the catalog's locale at `index`.
    static func candidates(_ keys: [String], catalog: MessageCatalog, locale index: Int) -> [MessageCandidate] {
        keys.compactMap { key in
            guard let message = catalog.message(key, at: index) else { return nil }
            let declarations = catalog.sourceEntries[key]?.arguments ?? [:]
            return MessageCandidate(key: key, message: message,
                                    types: message.argumentNames.map { declarations[$0]?.type ?? .text },
                                    slots: message.argumentNames.map(ArgumentSlot.init(name:)))
        }
    }
}
