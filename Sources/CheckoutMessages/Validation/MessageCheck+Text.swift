/// Checks of a message's literal text (outside ICU syntax): invisible and confusable characters, numbers
/// the source has, and the language's typography.
extension MessageCheck {
    /// Zero-width characters outside the scripts that need them, soft hyphens, tatweel, and the fullwidth
    /// braces and number sign a CJK input method puts where ICU syntax was meant.
    mutating func checkInvisibleAndConfusable() {
        // Joiners shape Arabic-script and Indic text (ZWNJ in Persian and Urdu words, conjuncts in Hindi
        // and Bengali); elsewhere they are invisible noise.
        let needsJoiners = ["ar", "fa", "ur", "hi", "bn", "si", "ml", "ta", "te", "kn", "mr", "ne", "gu", "pa"].contains(tag.language)
        var offset = 0
        var reported: Set<String> = []
        for scalar in entry.message.unicodeScalars {
            defer { offset += scalar.utf16.count }
            let value = scalar.value
            var finding: (id: String, check: ValidationCheck, message: String, hint: String)?
            switch value {
            case 0x200B, 0x2060, 0xFEFF:
                finding = ("zero-width", .invisibleCharacter, "an invisible zero-width character U+\(Self.hex(value))", "remove it")
            case 0x200C where !needsJoiners, 0x200D where !needsJoiners:
                finding = ("joiner", .invisibleCharacter, "an invisible joiner U+\(Self.hex(value)); \(tag.language) text does not need it", "remove it")
            case 0x00AD:
                finding = ("soft-hyphen", .invisibleCharacter, "a soft hyphen (U+00AD): the layout may break the word there, or show a hyphen", "remove it")
            case 0x0640:
                finding = ("tatweel", .invisibleCharacter, "a tatweel (U+0640): justification filler, not text", "remove it")
            case 0xFF5B, 0xFF5D, 0xFF03:
                finding = ("fullwidth", .confusableSyntax,
                           "a fullwidth \(value == 0xFF03 ? "＃" : value == 0xFF5B ? "｛" : "｝") where ICU syntax \(value == 0xFF03 ? "#" : value == 0xFF5B ? "{" : "}") was probably meant: customers would see it as text",
                           "type it with the input method off: \(value == 0xFF03 ? "#" : value == 0xFF5B ? "{" : "}")")
            default:
                break
            }
            if let finding, reported.insert(finding.id).inserted {
                report(at(offset), finding.check, finding.message, hint: finding.hint)
            }
        }
    }

    /// The literal text runs of the message (outside ICU syntax), as (UTF-16 offset, text).
    var literalRuns: [(offset: Int, text: String)] {
        guard let structure else { return [] }
        let units = Array(entry.message.utf16)
        return structure.textRanges.compactMap { range in
            guard range.lowerBound >= 0, range.upperBound <= units.count else { return nil }
            return (range.lowerBound, String(decoding: units[range], as: UTF16.self))
        }
    }

    /// Numbers written in the source's text ("3-digit code") must appear in the translation (in any digits).
    mutating func checkNumbers(against source: String, sourceStructure: PatternStructure) {
        let sourceUnits = Array(source.utf16)
        let sourceText = sourceStructure.textRanges.filter { $0.lowerBound >= 0 && $0.upperBound <= sourceUnits.count }
            .map { String(decoding: sourceUnits[$0], as: UTF16.self) }.joined(separator: " ")
        let expected = Self.numbers(in: sourceText)
        guard !expected.isEmpty else { return }
        let found = Self.numbers(in: literalRuns.map(\.text).joined(separator: " "))
        var remaining = found
        for number in expected {
            if let index = remaining.firstIndex(of: number) {
                remaining.remove(at: index)
            } else {
                report(entry.messagePosition, .numberMismatch, "the source says \(number), the translation does not",
                       hint: "keep the number (in the language's digits if it uses others)")
                return
            }
        }
    }

    /// The whole numbers in a text, in any script's decimal digits (٣ and 3 are both 3).
    static func numbers(in text: String) -> [Int] {
        var numbers: [Int] = []
        var current: Int?
        for scalar in text.unicodeScalars {
            if let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue.map(Int.init) : nil {
                current = (current ?? 0) * 10 + digit
            } else if let value = current {
                numbers.append(value)
                current = nil
            }
        }
        if let current { numbers.append(current) }
        return numbers
    }

    /// The language's typography (`TypographyRule.table`), on the literal text.
    mutating func checkTypography() {
        for rule in TypographyRule.table where rule.applies(to: tag) {
            for run in literalRuns {
                if let index = Self.violation(of: rule.kind, in: run.text) {
                    report(at(run.offset + index), .typography, rule.message, hint: rule.hint)
                    break
                }
            }
        }
    }

    /// The UTF-16 offset in `text` of the first place that breaks the rule.
    private static func violation(of kind: TypographyRule.Kind, in text: String) -> Int? {
        let characters = Array(text)
        var offsets: [Int] = []
        var offset = 0
        for character in characters {
            offsets.append(offset)
            offset += character.utf16.count
        }
        switch kind {
        case .forbidden(let needle):
            guard let range = text.range(of: needle) else { return nil }
            return text.utf16.distance(from: text.utf16.startIndex, to: range.lowerBound.samePosition(in: text.utf16) ?? text.utf16.startIndex)
        case .spaceBefore(let punctuation, let spaces):
            for (index, character) in characters.enumerated() where punctuation.contains(character) && index > 0 {
                let before = characters[index - 1]
                // `::` or a time like 10:30 is not prose; a quote or bracket before is fine.
                if spaces.contains(before) || before.isPunctuation || before.isNumber { continue }
                return offsets[index]
            }
            return nil
        case .noSpaceBefore(let punctuation):
            for (index, character) in characters.enumerated() where punctuation.contains(character) && index > 0 {
                if characters[index - 1].isWhitespace, index > 1, !characters[index - 2].isWhitespace { return offsets[index - 1] }
            }
            return nil
        case .sentenceEnd(let forbidden, _):
            for (index, character) in characters.enumerated() where forbidden.contains(character) {
                // A full stop between letters or digits is not a sentence end (3.5, e.g., www.example).
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if next.isLetter || next.isNumber { continue }
                if index > 0, characters[index - 1].isNumber || characters[index - 1].isASCII && characters[index - 1].isLetter { continue }
                return offsets[index]
            }
            return nil
        }
    }
}

extension MessageCheck {
    /// A message a private-decline outcome can show must not name the reason (fraud, stolen, risk…) in any
    /// language: the lexicon's words, in the message's literal text.
    mutating func checkPrivateReason(_ lexicon: PrivateDeclineLexicon) {
        for run in literalRuns {
            guard let match = lexicon.firstMatch(in: run.text, tag: tag) else { continue }
            let utf16 = Array(run.text).prefix(match.offset).reduce(0) { $0 + $1.utf16.count }
            report(at(run.offset + utf16), .privateReason,
                   "“\(match.word)” reveals why a payment was declined; a private decline must read like any decline",
                   hint: "say only that the payment was declined and what to do next (another card or payment method)")
            return
        }
    }
}
