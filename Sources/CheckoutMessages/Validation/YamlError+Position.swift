import Yams

extension YamlError {
    /// Where libyaml stopped and what it said, in a translator-readable form.
    var positionAndProblem: (SourcePosition, String) {
        switch self {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = context.map { "\(problem) \($0.text)" } ?? problem
            return (SourcePosition(mark), text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (SourcePosition(context.mark), "duplicate key \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return (SourcePosition(line: 1, column: 1), problem)
        default:
            return (SourcePosition(line: 1, column: 1), "\(self)")
        }
    }
}
