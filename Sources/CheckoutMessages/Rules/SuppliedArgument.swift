/// The message arguments the resolver supplies itself. Messages name them like any argument; their values
/// come from the error, the outcome and the fields rather than from the caller alone.
enum SuppliedArgument: String, CaseIterable, Sendable {
    /// The upstream trace id, else the caller's `reference`.
    case reference
    /// The retry delay in whole seconds (the caller's, else the outcome's; retry outcomes only), when it
    /// is under a minute.
    case afterSeconds
    /// The same delay in whole minutes, rounded up, when it is a minute or more.
    case afterMinutes
    /// How many inline fields the resolution has.
    case count
    /// A field's problem: `missing` or `invalid`.
    case problem

    /// What every resolution has, so a last-resort message (the last of its list) may use them.
    static let alwaysSupplied: [SuppliedArgument] = [.count, .problem]

    /// Values of `alwaysSupplied` with which a last-resort message must format in every locale.
    static var alwaysSuppliedSample: MessageArguments {
        [SuppliedArgument.count.rawValue: 2, SuppliedArgument.problem.rawValue: "invalid"]
    }
}
