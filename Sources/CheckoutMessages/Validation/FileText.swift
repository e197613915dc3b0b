/// A file's text as Unicode scalars (libyaml's column unit), with line starts for position lookups.
struct FileText {
    let scalars: [Unicode.Scalar]
    private let lineStarts: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        lineStarts = starts
    }

    func index(of position: SourcePosition) -> Int {
        let line = min(max(position.line, 1), lineStarts.count) - 1
        return min(lineStarts[line] + max(position.column - 1, 0), scalars.count)
    }

    func position(of index: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return SourcePosition(line: low + 1, column: index - lineStarts[low] + 1)
    }

    /// The 1-based line count.
    var lineCount: Int { lineStarts.count }
}
