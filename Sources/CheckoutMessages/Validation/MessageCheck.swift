/// Checks of one message.
struct MessageCheck {
    let path: String
    let tag: LocaleTag
    let text: FileText
    let entry: LocaleFileEntry
    var diagnostics: [LocaleFileDiagnostic] = []
    var structure: PatternStructure?
    var compiled: CompiledMessage?
    private var positions: ScalarPositions?

    init(path: String, tag: LocaleTag, text: FileText, entry: LocaleFileEntry) {
        self.path = path
        self.tag = tag
        self.text = text
        self.entry = entry
    }

    var argumentNames: [String] {
        var seen: Set<String> = []
        return (structure?.arguments ?? []).map(\.name).filter { seen.insert($0).inserted }
    }

    /// The file position of a UTF-16 offset in the message.
    mutating func at(_ offset: Int) -> SourcePosition {
        if positions == nil { positions = ScalarPositions(file: text, entry: entry) }
        return positions!.position(utf16Offset: offset)
    }

    mutating func report(_ position: SourcePosition, _ check: ValidationCheck, _ message: String, hint: String? = nil) {
        diagnostics.append(LocaleFileDiagnostic(file: path, line: position.line, column: position.column, key: entry.key,
                                                check: check, message: message, hint: hint))
    }

    mutating func run(cardinal: [PluralCategory], ordinal: [PluralCategory], samples: [PluralCategory: [Double]]) {
        checkCharacters()
        let pattern = entry.message
        do {
            structure = try PatternStructure(parsing: pattern)
        } catch {
            reportSyntaxError(error)
            return
        }
        let structural = checkSelectors(cardinal: cardinal, ordinal: ordinal)
        guard structural else { return }
        checkEmpty()
        checkImpliedQuantity(samples)
        checkInvisibleAndConfusable()
        checkTypography()
        do {
            compiled = try CompiledMessage(pattern: pattern, locale: tag)
        } catch {
            reportBuildError(error)
        }
    }

    /// Raises markup, control and bidi findings to errors: for files that reach customers without review.
    mutating func escalateUnsafeText() {
        for index in diagnostics.indices where [.markup, .controlCharacter, .bidiControl].contains(diagnostics[index].check) {
            diagnostics[index].severity = .error
        }
    }

    // MARK: Characters

    private mutating func checkCharacters() {
        let message = entry.message
        let utf16 = Array(message.utf16)
        if let first = message.unicodeScalars.first, first.properties.isWhitespace {
            report(at(0), .whitespace, "the message starts with whitespace", hint: "remove it; spacing is the layout's job")
        } else if let last = message.unicodeScalars.last, last.properties.isWhitespace {
            report(at(utf16.count - last.utf16.count), .whitespace, "the message ends with whitespace",
                   hint: "remove it; spacing is the layout's job")
        }
        var offset = 0
        var reportedControl = false
        var reportedBidi = false
        for scalar in message.unicodeScalars {
            let value = scalar.value
            if !reportedBidi, [0x200E, 0x200F, 0x061C].contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                report(at(offset), .bidiControl, "invisible bidi control character U+\(Self.hex(value)) in the text",
                       hint: "remove it: the frontend sets the direction, and overrides can disguise text")
                reportedBidi = true
            } else if !reportedControl, value != 0x0A, value < 0x20 || (0x7F...0x9F).contains(value) {
                report(at(offset), .controlCharacter, "invisible control character U+\(Self.hex(value)) in the text",
                       hint: "remove it")
                reportedControl = true
            }
            offset += scalar.utf16.count
        }
        if let markup = Self.firstMarkup(in: utf16) {
            report(at(markup), .markup, "the text contains markup; it is shown literally, not rendered",
                   hint: "write plain text; the checkout styles it")
        }
    }

    /// The UTF-16 offset of the first `<tag>`, `</tag>` or `&entity;`.
    private static func firstMarkup(in text: [UInt16]) -> Int? {
        func isLetter(_ unit: UInt16) -> Bool { (65...90).contains(unit) || (97...122).contains(unit) }
        for index in text.indices {
            if text[index] == 60 /* < */, index + 1 < text.count {
                let next = text[index + 1] == 47 /* / */ && index + 2 < text.count ? text[index + 2] : text[index + 1]
                if isLetter(next), text[(index + 1)...].contains(62 /* > */) { return index }
            }
            if text[index] == 38 /* & */ {
                var end = index + 1
                while end < text.count, isLetter(text[end]) || text[end] == 35 /* # */ || (48...57).contains(text[end]) { end += 1 }
                if end > index + 1, end < text.count, text[end] == 59 /* ; */ { return index }
            }
        }
        return nil
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: ICU syntax and structure

    private mutating func reportSyntaxError(_ error: ICUError) {
        if error.name == "U_DEFAULT_KEYWORD_MISSING" {
            let arguments = SelectorScanner.argumentsWithoutOther(in: entry.message)
            for argument in arguments {
                report(at(argument.offset), .missingOther, "{\(argument.name)} has no `other` branch",
                       hint: "add other {...}: ICU requires it and uses it for every value no other branch matches")
            }
            if !arguments.isEmpty { return }
        }
        if error.name == "U_UNMATCHED_BRACES", let brace = Self.unmatchedBrace(in: entry.message) {
            report(at(brace), .icuSyntax, "this { is never closed (ICU: U_UNMATCHED_BRACES)",
                   hint: "every { needs a matching }; to show a brace as text, quote it: '{'")
            return
        }
        let offset = error.patternOffset ?? 0
        report(at(offset), .icuSyntax, "ICU cannot parse the message here (\(error.name))",
               hint: "check the braces, commas and keywords of {name, plural, one {...} other {...}}")
    }

    /// The offset of the last `{` left open, honouring ICU's apostrophe quoting (DOUBLE_OPTIONAL).
    static func unmatchedBrace(in pattern: String) -> Int? {
        let units = Array(pattern.utf16)
        var open: [Int] = []
        var index = 0
        var quoted = false
        while index < units.count {
            let unit = units[index]
            if unit == 39 /* ' */ {
                if index + 1 < units.count, units[index + 1] == 39 {
                    index += 2
                    continue
                }
                if quoted {
                    quoted = false
                } else if index + 1 < units.count, [123, 125, 35, 124].contains(units[index + 1]) {
                    quoted = true
                }
            } else if !quoted, unit == 123 /* { */ {
                open.append(index)
            } else if !quoted, unit == 125 /* } */ {
                _ = open.popLast()
            }
            index += 1
        }
        return open.last
    }

    /// Selectors: `other` present, plural keywords valid, no duplicates; plural categories per locale.
    /// Returns false when ICU would refuse the pattern for one of these reasons.
    private mutating func checkSelectors(cardinal: [PluralCategory], ordinal: [PluralCategory]) -> Bool {
        var valid = true
        for argument in structure?.arguments ?? [] where [.plural, .select, .selectordinal].contains(argument.kind) {
            var seen: Set<String> = []
            for selector in argument.selectors {
                if !seen.insert(selector.explicitValue.map { "=\($0)" } ?? selector.keyword).inserted {
                    report(at(selector.range.lowerBound), .duplicateSelector,
                           "`\(selector.keyword)` appears twice in {\(argument.name)}; ICU uses only the first",
                           hint: "merge the two branches")
                    valid = false
                }
                if argument.kind != .select, selector.explicitValue == nil, PluralCategory(rawValue: selector.keyword) == nil {
                    report(at(selector.range.lowerBound), .pluralKeyword,
                           "`\(selector.keyword)` is not a plural category",
                           hint: "use zero, one, two, few, many, other, or an exact value such as =0")
                    valid = false
                }
            }
            guard argument.kind != .select else { continue }
            let needed = argument.kind == .plural ? cardinal : ordinal
            let have = Set(argument.selectors.compactMap { PluralCategory(rawValue: $0.keyword) })
            let missing = needed.filter { !have.contains($0) }
            if !missing.isEmpty {
                report(at(argument.nameRange.lowerBound), .pluralCategoryMissing,
                       "\(tag) needs the \(argument.kind == .plural ? "plural" : "ordinal") \(missing.count == 1 ? "form" : "forms") \(missing.map(\.rawValue).joined(separator: ", ")) for {\(argument.name)}",
                       hint: "ICU's rules for \(tag) use \(needed.map(\.rawValue).joined(separator: ", ")); without them `other` is shown")
            }
            for selector in argument.selectors {
                if let category = PluralCategory(rawValue: selector.keyword), category != .other, !needed.contains(category) {
                    report(at(selector.range.lowerBound), .pluralCategoryUnused,
                           "`\(selector.keyword)` is never selected in \(tag)",
                           hint: "\(tag) uses \(needed.map(\.rawValue).joined(separator: ", ")); remove this branch")
                }
            }
        }
        return valid
    }

    /// An empty message, or a plural/select branch with nothing in it (`missing {}`): a customer would see
    /// an empty box, or a sentence with a hole.
    private mutating func checkEmpty() {
        let units = Array(entry.message.utf16)
        if !entry.message.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            report(entry.messagePosition, .emptyMessage, "the message is empty", hint: "translate the source message")
            return
        }
        for argument in structure?.arguments ?? [] where [.plural, .select, .selectordinal].contains(argument.kind) {
            for selector in argument.selectors {
                guard let branch = Self.branch(after: selector.range.upperBound, in: units),
                      branch.dropFirst().dropLast().allSatisfy({ $0 == 32 || $0 == 10 || $0 == 9 || $0 == 13 })
                else { continue }
                report(at(selector.range.lowerBound), .emptyMessage,
                       "the `\(selector.explicitValue.map { "=\(Int64($0))" } ?? selector.keyword)` branch of {\(argument.name)} is empty",
                       hint: "write the text customers see in that case")
            }
        }
    }

    /// A `plural` branch that never shows its number (`one {the highlighted field}`) where the locale's
    /// category covers more than one number (ru `one`: 1, 21, 31…; fr `one`: 0 and 1): a customer would
    /// read "the field" for 21 fields. Exact values (`=0`) name one number and are exempt.
    private mutating func checkImpliedQuantity(_ samples: [PluralCategory: [Double]]) {
        let units = Array(entry.message.utf16)
        for argument in structure?.arguments ?? [] where argument.kind == .plural {
            for selector in argument.selectors where selector.explicitValue == nil {
                guard let category = PluralCategory(rawValue: selector.keyword), let numbers = samples[category], numbers.count > 1,
                      let branch = Self.branch(after: selector.range.upperBound, in: units), !branch.contains(35 /* # */)
                else { continue }
                let shown = numbers.map { $0.rounded() == $0 ? String(Int64($0)) : String($0) }.joined(separator: ", ")
                report(at(selector.range.lowerBound), .impliedQuantity,
                       "`\(selector.keyword)` in {\(argument.name)} covers \(shown)… in \(tag), but the branch never shows the number",
                       hint: "write # where the number goes, so that every number this branch is used for reads right")
            }
        }
    }

    /// The UTF-16 units of the `{…}` branch that follows `offset` (a selector), braces included.
    static func branch(after offset: Int, in units: [UInt16]) -> ArraySlice<UInt16>? {
        var index = offset
        while index < units.count, units[index] != 123 /* { */ { index += 1 }
        let start = index
        var depth = 0
        while index < units.count {
            if units[index] == 123 {
                depth += 1
            } else if units[index] == 125 /* } */ {
                depth -= 1
                if depth == 0 { return units[start...index] }
            }
            index += 1
        }
        return nil
    }

    /// ICU parsed the pattern but would not build it: find the argument it refuses.
    private mutating func reportBuildError(_ error: ICUError) {
        for argument in structure?.arguments ?? [] where argument.kind == .simple {
            let source = entry.message.utf16
            let slice = String(decoding: Array(source)[argument.range], as: UTF16.self)
            guard (try? CompiledMessage(pattern: slice, locale: tag)) == nil else { continue }
            let knownTypes = ["number", "date", "time", "spellout", "ordinal", "duration"]
            if let typeName = argument.typeName, !knownTypes.contains(typeName), let typeRange = argument.typeRange {
                report(at(typeRange.lowerBound), .icuBuild, "`\(typeName)` is not an ICU argument type",
                       hint: "use number, date, time, spellout, ordinal, duration, plural, select or selectordinal")
            } else {
                report(at((argument.styleRange ?? argument.range).lowerBound), .icuBuild,
                       "ICU cannot build {\(argument.name), \(argument.typeName ?? "")\(argument.style.map { ", " + $0 } ?? "")} (\(error.name))",
                       hint: "check the style or skeleton, e.g. ::currency/EUR, ::percent, integer")
            }
            return
        }
        report(entry.messagePosition, .icuBuild, "ICU cannot build this message (\(error.name))")
    }

    // MARK: Against the source

    /// Same argument names, each used the same way (plural stays plural, select stays select).
    /// A `select`'s keys are data the code sends (`missing`, `invalid`), not words: one translated
    /// (`karte` for `card`) never matches, and one left out sends its case to `other`.
    private mutating func compareSelectKeys(_ mine: [String: [PatternStructure.Argument]], with theirs: [String: [PatternStructure.Argument]]) {
        for (name, arguments) in mine.sorted(by: { $0.key < $1.key }) {
            let sourceSelects = (theirs[name] ?? []).filter { $0.kind == .select }
            guard !sourceSelects.isEmpty else { continue }
            let expected = Set(sourceSelects.flatMap { $0.selectors.map(\.keyword) })
            for argument in arguments where argument.kind == .select {
                let keys = argument.selectors.map(\.keyword)
                for selector in argument.selectors where !expected.contains(selector.keyword) {
                    report(at(selector.range.lowerBound), .selectKeyword,
                           "`\(selector.keyword)` is not a key of {\(name)} in the source (\(expected.sorted().joined(separator: ", ")))",
                           hint: "keep select keys exactly as in the source; they are values the checkout sends, not words")
                }
                let lacking = expected.subtracting(keys).sorted()
                if !lacking.isEmpty {
                    report(at(argument.nameRange.lowerBound), .selectKeyword,
                           "{\(name)} lacks the source's \(lacking.map { "`\($0)`" }.joined(separator: ", ")): those cases would show `other`",
                           hint: "add a branch for each key of the source")
                }
            }
        }
    }

    mutating func compareArguments(_ translation: PatternStructure, with source: PatternStructure) {
        let mine = Dictionary(grouping: translation.arguments, by: \.name)
        let theirs = Dictionary(grouping: source.arguments, by: \.name)
        let lacking = theirs.keys.filter { mine[$0] == nil }.sorted()
        let extra = mine.keys.filter { theirs[$0] == nil }.sorted()
        if !lacking.isEmpty || !extra.isEmpty {
            var parts: [String] = []
            if !lacking.isEmpty { parts.append("lacks {\(lacking.joined(separator: "}, {"))} from the source") }
            if !extra.isEmpty { parts.append("uses {\(extra.joined(separator: "}, {"))}, which the source does not have") }
            let message = parts.joined(separator: " and ")
            let units = Array(entry.message.utf16)
            if let apostrophe = units.indices.first(where: { units[$0] == 39 && $0 + 1 < units.count && units[$0 + 1] == 123 }) {
                report(at(apostrophe), .argumentMismatch, "the message \(message): the apostrophe before { hides the placeholder",
                       hint: "write d’ with a typographic apostrophe, or double it: d''")
            } else if let first = extra.first, let argument = mine[first]?.first {
                report(at(argument.nameRange.lowerBound), .argumentMismatch, "the message \(message)",
                       hint: "keep placeholder names exactly as in the source; only translate the text around them")
            } else {
                report(entry.messagePosition, .argumentMismatch, "the message \(message)",
                       hint: "keep every placeholder of the source")
            }
        }
        compareSelectKeys(mine, with: theirs)
        for (name, arguments) in mine.sorted(by: { $0.key < $1.key }) {
            guard let sourceArguments = theirs[name] else { continue }
            let expected = Set(sourceArguments.map(\.signature))
            for argument in arguments where !expected.contains(argument.signature) {
                report(at(argument.nameRange.lowerBound), .argumentType,
                       "{\(name)} is used as \(argument.signature) here but as \(expected.sorted().joined(separator: "/")) in the source",
                       hint: "keep the argument's type as in the source; translate only the texts inside it")
                break
            }
        }
    }
}
