import Yams

extension YamlError {
    /// Where libyaml stopped in `text` and what it said, in a translator-readable form. At the end of a
    /// file without a final line break libyaml's mark is on the line after the last one; the position
    /// is then the end of the last line, so that it always points into the file (found by fuzzing).
    func positionAndProblem(in text: String) -> (SourcePosition, String) {
        switch self {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = context.map { "\(problem) \($0.text)" } ?? problem
            return (Self.clamped(SourcePosition(mark), to: text), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (Self.clamped(SourcePosition(context.mark), to: text), "duplicate key \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return (SourcePosition(line: 1, column: 1), problem)
        default:
            return (SourcePosition(line: 1, column: 1), "\(self)")
        }
    }

    private static func clamped(_ position: SourcePosition, to text: String) -> SourcePosition {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard position.line > lines.count, let last = lines.last else { return position }
        return SourcePosition(line: max(lines.count, 1), column: last.count + 1)
    }
}
