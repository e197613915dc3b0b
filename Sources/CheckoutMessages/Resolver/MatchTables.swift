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
