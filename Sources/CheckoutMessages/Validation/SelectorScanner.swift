/// Finds plural/select arguments that lack an `other` branch in a pattern ICU refused for exactly that
/// reason (`U_DEFAULT_KEYWORD_MISSING`). ICU stops without saying which argument it was, and without a
/// parsed structure to ask; this scanner follows ICU's syntax (apostrophe mode DOUBLE_OPTIONAL) far
/// enough to point at the argument's name.
struct SelectorScanner {
    private let units: [UInt16]
    private var index = 0
    private(set) var withoutOther: [(name: String, offset: Int)] = []

    static func argumentsWithoutOther(in pattern: String) -> [(name: String, offset: Int)] {
        var scanner = SelectorScanner(units: Array(pattern.utf16))
        scanner.message(nested: false)
        return scanner.withoutOther
    }

    private init(units: [UInt16]) { self.units = units }

    private static let apostrophe: UInt16 = 39, open: UInt16 = 123, close: UInt16 = 125, comma: UInt16 = 44

    private var current: UInt16? { index < units.count ? units[index] : nil }

    private mutating func message(nested: Bool) {
        while let unit = current {
            if unit == Self.apostrophe {
                skipQuoted()
            } else if unit == Self.open {
                argument()
            } else if unit == Self.close, nested {
                return
            } else {
                index += 1
            }
        }
    }

    /// `''` is one apostrophe; `'` before `{`, `}`, `#` or `|` quotes up to the next single `'`.
    private mutating func skipQuoted() {
        let next = index + 1 < units.count ? units[index + 1] : nil
        if next == Self.apostrophe {
            index += 2
        } else if let next, [Self.open, Self.close, 35, 124].contains(next) {
            index += 1
            while let unit = current {
                index += 1
                if unit == Self.apostrophe {
                    if current == Self.apostrophe { index += 1 } else { return }
                }
            }
        } else {
            index += 1
        }
    }

    private mutating func skipWhitespace() {
        while let unit = current, unit == 32 || unit == 9 || unit == 10 || unit == 13 { index += 1 }
    }

    private mutating func word(stoppingAt stops: Set<UInt16>) -> (text: String, offset: Int) {
        skipWhitespace()
        let start = index
        while let unit = current, !stops.contains(unit), unit != 32, unit != 9, unit != 10, unit != 13 { index += 1 }
        return (String(decoding: units[start..<index], as: UTF16.self), start)
    }

    private mutating func argument() {
        index += 1  // the `{`
        let name = word(stoppingAt: [Self.comma, Self.close])
        skipWhitespace()
        guard current == Self.comma else {
            if current == Self.close { index += 1 }
            return
        }
        index += 1
        let type = word(stoppingAt: [Self.comma, Self.close]).text
        skipWhitespace()
        guard ["plural", "select", "selectordinal"].contains(type), current == Self.comma else {
            skipToArgumentEnd()
            return
        }
        index += 1
        var keywords: [String] = []
        while true {
            skipWhitespace()
            guard let unit = current else { break }
            if unit == Self.close {
                index += 1
                break
            }
            let keyword = word(stoppingAt: [Self.open, Self.close]).text
            skipWhitespace()
            if current == Self.open {
                index += 1
                message(nested: true)
                if current == Self.close { index += 1 }
                keywords.append(keyword)
            } else if keyword.isEmpty {
                index += 1  // something ICU would reject anyway; keep moving
            }
        }
        if !keywords.contains("other") { withoutOther.append((name.text, name.offset)) }
    }

    private mutating func skipToArgumentEnd() {
        var depth = 1
        while let unit = current {
            index += 1
            if unit == Self.open { depth += 1 }
            if unit == Self.close {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }
}
