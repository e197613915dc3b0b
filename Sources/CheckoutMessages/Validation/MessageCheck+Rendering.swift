/// The render matrix and the length budget: the message formatted through the real formatter with the
/// source's examples, one sample number of each plural category of the locale, each select key, and money
/// in currencies of 0, 2 and 3 decimals (JPY, EUR, BHD).
extension MessageCheck {
    static let currencies = ["JPY", "EUR", "BHD"]

    mutating func checkRendering(_ source: LocaleFileEntry, samples: [PluralCategory: [Double]]) {
        guard let compiled, let structure, !diagnostics.contains(where: { $0.severity == .error }) else { return }
        let names = argumentNames
        var base: MessageArguments = [:]
        for name in names { if let example = source.arguments[name]?.example { base[name] = example } }
        guard base.count == names.count else { return }  // an undeclared argument has its own finding
        // One argument varied at a time, the others at their examples.
        var variants: [MessageArguments] = [base]
        for name in names {
            let kinds = Set(structure.arguments.filter { $0.name == name }.map(\.kind))
            var values: [MessageArgument] = []
            if kinds.contains(.plural) {
                for category in samples.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                    guard let number = samples[category]?.first(where: { $0 >= 0 }) else { continue }
                    values.append(number.rounded() == number ? .integer(Int64(number)) : .number(number))
                }
                for argument in structure.arguments where argument.name == name {
                    for selector in argument.selectors { if let value = selector.explicitValue { values.append(.integer(Int64(value))) } }
                }
            }
            if kinds.contains(.select) {
                for argument in structure.arguments where argument.name == name && argument.kind == .select {
                    values += argument.selectors.filter { $0.keyword != "other" }.map { .text($0.keyword) }
                }
                values.append(.text("unlisted"))
            }
            if case .money(let money)? = base[name] {
                values += Self.currencies.map { .money(Money(minorUnits: money.minorUnits, currency: $0)) }
            }
            for value in values {
                var variant = base
                variant[name] = value
                variants.append(variant)
            }
        }
        var longest: (length: Int, text: String)?
        for variant in variants {
            let text: String
            do {
                text = try compiled.format(variant)
            } catch {
                report(entry.messagePosition, .render, "does not format with \(Self.describe(variant)) (\(error.name))",
                       hint: "check the branch used for these values")
                return
            }
            var problem: String?
            if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                problem = "comes out empty"
            } else if let leftover = text.first(where: { "{}#".contains($0) }) {
                problem = "shows “\(leftover)”"
            } else if let name = names.first(where: { Self.containsWord($0, in: text) }) {
                problem = "shows the argument name “\(name)”"
            }
            if let problem {
                report(entry.messagePosition, .render, "\(problem) with \(Self.describe(variant)): “\(text)”",
                       hint: "a customer would see this; check the branch used for these values")
                return
            }
            if longest == nil || text.count > longest!.length { longest = (text.count, text) }
        }
        if let budget = source.maxLength, let longest, longest.length > budget {
            report(entry.messagePosition, .lengthBudget,
                   "renders up to \(longest.length) characters, over the budget of \(budget): “\(longest.text)”",
                   hint: "shorten it: it is shown beside a form field")
        }
    }

    /// Whether an identifier-like argument name (`attemptsLeft`, `after_seconds`) shows as a word. Names that
    /// are words of their own (`reference`, `count`) can be prose in a translation, and are left out.
    private static func containsWord(_ word: String, in text: String) -> Bool {
        guard word.contains(where: { $0.isUppercase || $0 == "_" || $0.isNumber }), let range = text.range(of: word) else { return false }
        let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
        let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
        return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
    }

    private static func describe(_ arguments: MessageArguments) -> String {
        "{" + arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.exampleText)" }.joined(separator: ", ") + "}"
    }
}
