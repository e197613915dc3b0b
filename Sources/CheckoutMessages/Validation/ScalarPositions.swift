/// Maps offsets inside a YAML scalar's value back to lines and columns of the file.
///
/// ICU reports positions as UTF-16 offsets into the pattern, but the pattern is a YAML value: it may be
/// quoted (with escapes), or a folded or literal block spread over several indented lines. This walks the
/// raw file text alongside the value, the way the YAML scanner produced it, so that a diagnostic points at
/// the very character in the file, also deep inside a multi-line block scalar.
struct ScalarPositions {
    private let positions: [SourcePosition]  // per Unicode scalar of the value
    private let utf16Starts: [Int]            // UTF-16 offset at which each value scalar starts
    private let fallback: SourcePosition

    init(file: FileText, entry: LocaleFileEntry) {
        let value = Array(entry.message.unicodeScalars)
        fallback = entry.messagePosition
        var utf16Starts: [Int] = []
        var offset = 0
        for scalar in value {
            utf16Starts.append(offset)
            offset += scalar.utf16.count
        }
        self.utf16Starts = utf16Starts

        let raw = file.scalars
        var j = file.index(of: entry.messagePosition)
        let isBlock = entry.messageStyle == .literal || entry.messageStyle == .folded
        if isBlock {  // the value starts on the line after the `>-` or `|` indicator
            while j < raw.count, raw[j] != "\n" { j += 1 }
            j += 1
        }
        func skipIndentation() {
            while j < raw.count, raw[j] == " " || raw[j] == "\t" { j += 1 }
        }
        if isBlock { skipIndentation() }
        var positions: [SourcePosition] = []
        for scalar in value {
            var mapped: Int?
            while j < raw.count, mapped == nil {
                let current = raw[j]
                let next: Unicode.Scalar? = j + 1 < raw.count ? raw[j + 1] : nil
                if entry.messageStyle == .doubleQuoted, current == "\\" {
                    if next == "\n" {  // an escaped line break: continues the line, adds nothing
                        j += 2
                        skipIndentation()
                        continue
                    }
                    mapped = j
                    j += Self.escapeLength(next)
                } else if entry.messageStyle == .singleQuoted, current == "'", next == "'", scalar == "'" {
                    mapped = j
                    j += 2
                } else if current == scalar {
                    mapped = j
                    j += 1
                } else if current == "\n", scalar == " " || scalar == "\n" {
                    mapped = j
                    j += 1
                    skipIndentation()
                } else {
                    j += 1  // indentation, quotes and other syntax that is not part of the value
                }
            }
            positions.append(mapped.map(file.position(of:)) ?? positions.last ?? fallback)
        }
        self.positions = positions
    }

    /// The file position of the character at a UTF-16 offset of the value (clamped to the value).
    func position(utf16Offset: Int) -> SourcePosition {
        guard !positions.isEmpty else { return fallback }
        var low = 0
        var high = utf16Starts.count - 1
        while low < high {  // the last scalar starting at or before the offset
            let middle = (low + high + 1) / 2
            if utf16Starts[middle] <= utf16Offset { low = middle } else { high = middle - 1 }
        }
        return positions[low]
    }

    private static func escapeLength(_ next: Unicode.Scalar?) -> Int {
        switch next {
        case "x": return 4
        case "u": return 6
        case "U": return 10
        default: return 2
        }
    }
}
