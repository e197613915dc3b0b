/// Where a message argument's value comes from, decided once per message rather than by comparing
/// names on every resolution.
struct ArgumentSlot: Sendable, Hashable {
    enum Source: Sendable, Hashable {
        /// What the resolver supplies: the trace id, the retry delay, the number of inline fields, a field's problem.
        case supplied(SuppliedArgument)
        /// The caller's argument named `name`.
        case caller
    }

    let source: Source
    let name: String

    init(name: String) {
        self.name = name
        source = SuppliedArgument(rawValue: name).map(Source.supplied) ?? .caller
    }
}
