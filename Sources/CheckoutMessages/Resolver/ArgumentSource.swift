/// The arguments a message can draw on: the caller's, with what the resolver supplies taking precedence
/// (`reference` from the trace id, `afterSeconds` or `afterMinutes` when retrying, `count` of inline
/// fields, `problem` of a field). No dictionary is built per resolution.
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
        case .supplied(.reference): return reference.map(MessageArgument.text)
        case .supplied(.afterSeconds): return afterSeconds.flatMap(RetryDelay.seconds).map(MessageArgument.integer)
        case .supplied(.afterMinutes): return afterSeconds.flatMap(RetryDelay.minutes).map(MessageArgument.integer)
        case .supplied(.count): return .integer(Int64(count))
        case .supplied(.problem): return problem.map(MessageArgument.text)
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
