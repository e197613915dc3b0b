/// A name a rules file uses that must exist elsewhere, and where it is written.
struct RulesReference: Sendable {
    /// What the name refers to.
    enum Target: Sendable, Hashable {
        /// An outcome named in `match` or in another outcome's `otherwise`: it must be among `outcomes`.
        case outcome(String)
        /// A canonical field id in an outcome's `fields`: it must be in the `fields` table.
        case field(String)
    }

    let target: Target
    let position: SourcePosition

    init(_ target: Target, at position: SourcePosition) {
        self.target = target
        self.position = position
    }
}
