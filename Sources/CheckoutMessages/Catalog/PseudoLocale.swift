/// Pseudo-locales generated from the source catalog, so that frontends can test layout without waiting
/// for translations: `en-XA` (accented, about 35% longer, bracketed: truncation and hard-coded strings
/// show up) and `ar-XB` (right to left: mirrored layout shows up). Only literal text is changed; the ICU
/// structure stays, so they format with ICU's real plural and number rules for `en` and `ar`.
enum PseudoLocale: String, CaseIterable, Sendable {
    case accented = "en-XA"
    case rightToLeft = "ar-XB"

    var tag: LocaleTag { try! LocaleTag(rawValue) }  // constant, well-formed tags

    /// The pseudo-localized pattern.
    func transform(_ pattern: String, structure: PatternStructure) -> String {
        var units = Array(pattern.utf16)
        for range in structure.textRanges.reversed() {  // from the end, so earlier ranges stay valid
            let text = String(decoding: units[range], as: UTF16.self)
            units.replaceSubrange(range, with: Array(transformText(text).utf16))
        }
        let body = String(decoding: units, as: UTF16.self)
        return self == .accented ? "[" + body + "]" : body
    }

    private func transformText(_ text: String) -> String {
        switch self {
        case .accented:
            // Each run of text grows by itself, so every plural/select branch is about 35% longer.
            let accented = String(String.UnicodeScalarView(text.unicodeScalars.map { Self.accents[$0] ?? $0 }))
            let trailing = accented.reversed().prefix { $0 == " " }.count
            return accented.dropLast(trailing) + Self.padding(for: text.count) + String(repeating: " ", count: trailing)
        case .rightToLeft:
            // As Android's ar-XB: each word is forced right to left, so English words read mirrored.
            var result = ""
            var word = ""
            func flush() {
                if !word.isEmpty { result += "\u{200F}\u{202E}" + word + "\u{202C}\u{200F}" }
                word = ""
            }
            for character in text {
                if character.isLetter || character.isNumber { word.append(character) } else { flush(); result.append(character) }
            }
            flush()
            return result
        }
    }

    /// About 35% more characters, in words, so that layouts are tested with longer languages.
    private static func padding(for length: Int) -> String {
        let target = Int((Double(length) * 0.35).rounded())
        guard target > 3 else { return "" }
        let words = ["ŏñé", "ţŵŏ", "ţĥŕéé", "ƒŏûŕ", "ƒîvé", "šîx", "šévéñ", "éîĝĥţ", "ñîñé", "ţéñ"]
        var padding = ""
        var index = 0
        while padding.count < target {
            padding += " " + words[index % words.count]
            index += 1
        }
        return padding
    }

    private static let accents: [Unicode.Scalar: Unicode.Scalar] = {
        let plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        let accented = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûvŵxýžÅƁÇÐÉƑĜĤÎĴĶĻḾÑÖÞǪŔŠŢÛṼŴẊÝŽ"
        return Dictionary(uniqueKeysWithValues: zip(plain.unicodeScalars, accented.unicodeScalars))
    }()
}
