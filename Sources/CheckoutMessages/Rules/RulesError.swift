/// A rules file could not be used; `problems` lists every reason found.
public struct RulesError: Error, Sendable, CustomStringConvertible {
    /// Every problem, in file order.
    public let problems: [RulesProblem]

    /// Creates an error.
    public init(problems: [RulesProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
