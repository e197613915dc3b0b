/// The typography rules of the shipped languages, as data: each rule names the languages it applies to
/// (by BCP 47 tag prefix: `fr` covers fr and fr-CA unless a more specific rule exists) and a kind of
/// check from a small fixed set. Adding a language is adding rows, not code.
struct TypographyRule: Sendable {
    enum Kind: Sendable {
        /// The text must not contain `text` (e.g. `...`, a straight quote).
        case forbidden(String)
        /// Before each of `punctuation`, the text must have one of `spaces` (French: a no-break space
        /// before `? ! ; :`), not a letter, digit or ordinary space.
        case spaceBefore(punctuation: Set<Character>, spaces: Set<Character>)
        /// Before each of `punctuation`, no space of any kind (English, German, Québec French before `? ! ;`).
        case noSpaceBefore(punctuation: Set<Character>)
        /// A sentence must not end with any of `punctuation` (CJK: `.` where `。` belongs).
        case sentenceEnd(forbidden: Set<Character>, use: String)
    }

    let id: String
    /// Tags or tag prefixes (`fr` matches `fr-CA`); empty: every language.
    let languages: [String]
    /// Tags the rule does not apply to, although a prefix matches.
    let except: [String]
    let kind: Kind
    let message: String
    let hint: String

    func applies(to tag: LocaleTag) -> Bool {
        let identifier = tag.identifier
        func matches(_ prefix: String) -> Bool { identifier == prefix || identifier.hasPrefix(prefix + "-") }
        if except.contains(where: matches) { return false }
        return languages.isEmpty || languages.contains(where: matches)
    }

    static let noBreak: Set<Character> = ["\u{00A0}", "\u{202F}"]

    /// The table. Languages written without spaces between words are listed where a rule needs them.
    static let table: [TypographyRule] = [
        TypographyRule(id: "ellipsis", languages: [], except: [], kind: .forbidden("..."),
                       message: "three full stops where an ellipsis belongs", hint: "write … (U+2026)"),
        TypographyRule(id: "straight-double-quote", languages: [], except: [], kind: .forbidden("\""),
                       message: "a straight double quote", hint: "use the language's quotation marks („…“, «…», “…”, 「…」)"),
        TypographyRule(id: "french-space", languages: ["fr"], except: ["fr-CA"],
                       kind: .spaceBefore(punctuation: ["?", "!", ";", ":"], spaces: noBreak),
                       message: "French puts a no-break space before ? ! ; and :",
                       hint: "write a narrow no-break space (U+202F) before ? ! ; and a no-break space (U+00A0) before :"),
        TypographyRule(id: "quebec-colon", languages: ["fr-CA"], except: [],
                       kind: .spaceBefore(punctuation: [":"], spaces: noBreak),
                       message: "Québec French puts a no-break space before :", hint: "write a no-break space (U+00A0) before :"),
        TypographyRule(id: "quebec-no-space", languages: ["fr-CA"], except: [],
                       kind: .noSpaceBefore(punctuation: ["?", "!", ";"]),
                       message: "Québec French puts no space before ? ! ;", hint: "remove the space"),
        TypographyRule(id: "no-space-before-punctuation", languages: [],
                       except: ["fr", "ja", "zh", "th", "ar", "fa", "ur", "he"],
                       kind: .noSpaceBefore(punctuation: ["?", "!", ";", ":", ",", "."]),
                       message: "a space before punctuation", hint: "remove the space"),
        TypographyRule(id: "cjk-full-stop", languages: ["ja", "zh"], except: [],
                       kind: .sentenceEnd(forbidden: [".", "!", "?"], use: "。！？"),
                       message: "a sentence ends with Western punctuation", hint: "end it with 。, ！ or ？"),
        TypographyRule(id: "arabic-comma", languages: ["ar", "fa", "ur"], except: [], kind: .forbidden(", "),
                       message: "a Latin comma in Arabic script", hint: "write the Arabic comma ، (U+060C)"),
        TypographyRule(id: "arabic-question-mark", languages: ["ar", "fa", "ur"], except: [], kind: .forbidden("?"),
                       message: "a Latin question mark in Arabic script", hint: "write ؟ (U+061F)"),
    ]
}
