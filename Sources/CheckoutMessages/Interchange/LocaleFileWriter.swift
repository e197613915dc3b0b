/// Writes translations into locale files: a new entry in canonical form, and an update that changes only
/// the entries whose text or fingerprint changed, so that comments, headers and the styles a translator
/// chose stay as they are (an import with no edits leaves a file byte-identical).
///
/// Canonical form of an entry, as the shipped files write it:
///
/// ```yaml
/// decline.generic:
///   source: "2ca15e48"
///   message: Ihre Zahlung wurde abgelehnt.
/// ```
///
/// The fingerprint is a quoted string (generic YAML tools would read `21310856` as an integer and
/// `1e100000` as a number); the message is a plain scalar where YAML reads it back as the same text, else
/// double-quoted with escapes.
public enum LocaleFileWriter {
    /// One translation to write: the key, the message, and the fingerprint of the source text it translates.
    public struct Change: Sendable, Hashable {
        public var key: String
        public var message: String
        public var fingerprint: String

        public init(key: String, message: String, fingerprint: String) {
            self.key = key
            self.message = message
            self.fingerprint = fingerprint
        }
    }

    /// The canonical text of one entry, ending with a line break.
    public static func entry(_ change: Change) -> String {
        "\(change.key):\n  source: \"\(change.fingerprint)\"\n  message: \(scalar(change.message))\n"
    }

    /// A YAML scalar that reads back as `text`: plain where that is safe, else double-quoted.
    public static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    /// `text` with `changes` applied: an entry whose message and fingerprint are already those of its change
    /// is left byte for byte; a changed one is rewritten in canonical form where it stands; a new one is
    /// inserted after the entry that precedes it in `order` (the source's key order). `text` nil or empty
    /// starts a file with `header`.
    public static func update(_ text: String?, path: String, tag: LocaleTag, changes: [Change], order: [String], header: String) -> String {
        let existing = text ?? ""
        let (file, _) = LocaleFile.parse(path: path, tag: tag, text: existing)
        var lines = existing.isEmpty ? [] : existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if lines.isEmpty {
            lines = header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            while lines.last == "" { lines.removeLast() }
        }
        // Each entry's lines: from its key to the line before the next entry's key, without the blank and
        // comment lines that end it (a comment just above a key belongs to that key).
        var blocks: [String: Range<Int>] = [:]
        let starts = file.entries.map { $0.keyPosition.line - 1 }
        for (index, entry) in file.entries.enumerated() {
            var end = index + 1 < starts.count ? starts[index + 1] : lines.count
            while end > starts[index] + 1, lines[end - 1].isEmpty || lines[end - 1].hasPrefix("#") { end -= 1 }
            blocks[entry.key] = starts[index]..<end
        }
        let current = Dictionary(file.entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var replacements: [(range: Range<Int>, lines: [String])] = []
        var insertions: [(after: Int, lines: [String])] = []
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for change in changes.sorted(by: { rank[$0.key, default: .max] < rank[$1.key, default: .max] }) {
            let written = Array(entry(change).split(separator: "\n").map(String.init))
            if let entry = current[change.key], let range = blocks[change.key] {
                if entry.message == change.message && entry.sourceFingerprint == change.fingerprint { continue }
                replacements.append((range, written))
            } else {
                // After the nearest preceding key (in source order) that the file has, else at the end.
                let position = order.firstIndex(of: change.key) ?? order.count
                let previous = order[..<position].reversed().first { blocks[$0] != nil }
                let after = previous.flatMap { blocks[$0]?.upperBound } ?? lines.count
                insertions.append((after, written))
            }
        }
        // Apply from the bottom up so that earlier line numbers stay valid.
        var edits: [(at: Int, remove: Int, insert: [String])] = replacements.map { ($0.range.lowerBound, $0.range.count, $0.lines) }
        var byPosition: [Int: [[String]]] = [:]
        for insertion in insertions { byPosition[insertion.after, default: []].append(insertion.lines) }
        for (after, groups) in byPosition {
            edits.append((after, 0, groups.flatMap { [""] + $0 }))
        }
        for edit in edits.sorted(by: { ($0.at, $0.remove) > ($1.at, $1.remove) }) {
            lines.replaceSubrange(edit.at..<(edit.at + edit.remove), with: edit.insert)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Scalars

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return false }
        if "{}[]&*!|>'\"%@`#,?:-".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029 {
            return false
        }
        // Words YAML 1.1 tools read as something else, and anything that looks like a number.
        let lowered = text.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lowered) { return false }
        if Double(text) != nil || text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) {
            return false
        }
        return true
    }

    /// `text` double-quoted, with `"`, `\\`, line breaks, tabs and invisible controls escaped; valid both as
    /// a YAML double-quoted scalar and as a JSON string.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
