import Testing

@testable import CheckoutMessages

/// ICU formats most messages directly (precompiled text, plural and select over its number formatter and
/// plural rules) instead of through MessageFormat::format. These tests hold the two paths to the same bytes.
@Suite("Direct formatting matches MessageFormat")
struct DirectFormattingTests {
    static let numbers: [MessageArgument] = [
        .integer(0), .integer(1), .integer(2), .integer(3), .integer(4), .integer(5), .integer(7), .integer(11),
        .integer(12), .integer(14), .integer(21), .integer(22), .integer(25), .integer(100), .integer(101),
        .integer(1_000), .integer(1_000_000), .integer(-1), .number(0.5), .number(1.0), .number(1.5), .number(2.25),
        .number(1.0004), .number(12_345.678),
    ]
    static let amounts: [MessageArgument] = [
        .money(Money(minorUnits: 1999, currency: "EUR")), .money(Money(minorUnits: 1999, currency: "JPY")),
        .money(Money(minorUnits: 1, currency: "BHD")), .money(Money(minorUnits: -250, currency: "USD")),
        .money(Money(minorUnits: 0, currency: "CHF")), .money(Money(minorUnits: 123_456_789, currency: "PLN")),
    ]

    /// Values to try for one argument: by its declared type, plus every selector of the pattern (for `select`).
    static func samples(for name: String, type: ArgumentType, pattern: String) -> [MessageArgument] {
        switch type {
        case .number, .count: return numbers  // a count reaches ICU as a whole number, but both paths must agree on any
        case .money: return amounts
        case .text:
            var texts: [MessageArgument] = ["invalid", "missing", "other", "unknown", "A1B2-ü €"]
            for word in ["missing", "invalid", "card", "expired"] where pattern.contains(word) { texts.append(.text(word)) }
            return texts
        }
    }

    /// Both paths, same arguments: the same text, or both the same error.
    static func compare(_ message: CompiledMessage, _ values: [MessageArgument]) -> String? {
        let direct = Result { () throws(ICUError) in try message.formatIfComplete({ values[$0] }) }
        let reference = Result { () throws(ICUError) in try message.formatIfComplete({ values[$0] }, throughMessageFormat: true) }
        switch (direct, reference) {
        case (.success(let a), .success(let b)) where a == b: return nil
        case (.failure(let a), .failure(let b)) where a.code == b.code: return nil
        default: return "\(message.pattern) with \(values): direct \(direct), MessageFormat \(reference)"
        }
    }

    @Test func everyShippedMessageInEveryLocaleFormatsDirectlyAndIdentically() throws {
        var compared = 0
        var mismatches: [String] = []
        for locale in shippedCatalog.compiled {
            for (key, message) in locale.messages {
                #expect(message.isFormattedDirectly, "\(locale.tag) \(key) falls back to MessageFormat")
                let declarations = shippedCatalog.sourceEntries[key]?.arguments ?? [:]
                let options = message.argumentNames.map { name in
                    Self.samples(for: name, type: declarations[name]?.type ?? .text, pattern: message.pattern)
                }
                // Every combination (messages have at most a few arguments).
                var combinations: [[MessageArgument]] = [[]]
                for choices in options { combinations = combinations.flatMap { prefix in choices.map { prefix + [$0] } } }
                for values in combinations {
                    compared += 1
                    if let mismatch = Self.compare(message, values) { mismatches.append("\(locale.tag) \(key): \(mismatch)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).joined(separator: "\n"))")
        #expect(compared > 3_000)  // 18 locales × every message × every combination of sample values
    }

    @Test("patterns beyond the catalog's own", arguments: [
        ("en", "{n, plural, offset:1 =0 {nobody} =1 {just you} one {you and # other} other {you and # others}}"),
        ("cs", "{n, plural, =5 {exactly five} one {# den} few {# dny} many {# dne} other {# dní}}"),
        ("en", "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} try"),
        ("pl", "{n, plural, one {# próba} few {# próby} many {# prób} other {# próby}} ({n} łącznie)"),
        ("ar", "{n, plural, zero {لا ثوان} one {ثانية} two {ثانيتان} few {# ثوان} many {# ثانية} other {# ثانية}}"),
        ("fr", "'{'literal'}' l''essai {n, plural, one {# fois} other {# fois}} '#'"),
        ("en", "{n, plural, other {# {unit, select, s {seconds} m {minutes} other {units}}}} and {unit}"),
        ("de", "{n} Versuche, {n, plural, one {einer} other {mehrere}}"),
    ])
    func patterns(_ locale: String, _ pattern: String) throws {
        let message = try CompiledMessage(pattern: pattern, locale: LocaleTag(locale))
        #expect(message.isFormattedDirectly)
        for number in Self.numbers {
            let values = message.argumentNames.map { $0 == "n" ? number : MessageArgument.text("m") }
            #expect(Self.compare(message, values) == nil)
        }
    }

    /// Integers 0 ..< 128 are formatted and classified once per locale; both sides of that boundary, with
    /// offsets moving the number across it, and other digits (Arabic, Bengali) still match MessageFormat.
    @Test("small integers, formatted once per locale", arguments: ["en", "cs", "pl", "ar", "ar-EG", "bn", "fr", "de-CH", "ja"])
    func smallIntegers(_ locale: String) throws {
        let patterns = [
            "{n, plural, one {# x} few {# y} many {# z} two {# t} zero {# o} other {# w}} {n}",
            "{n, selectordinal, one {#a} two {#b} few {#c} many {#d} zero {#e} other {#f}}",
            "{n, plural, offset:2 =0 {none} one {# +1} other {# +n}}",
        ]
        for pattern in patterns {
            let message = try CompiledMessage(pattern: pattern, locale: LocaleTag(locale))
            #expect(message.isFormattedDirectly)
            for value in [-3, -1, 0, 1, 2, 3, 4, 5, 11, 21, 22, 25, 100, 101, 111, 126, 127, 128, 129, 130, 1_000] {
                #expect(Self.compare(message, [.integer(Int64(value))]) == nil, "\(locale) \(pattern) \(value)")
            }
        }
    }

    @Test func directResultsAreTheExpectedText() throws {
        let message = try CompiledMessage(
            pattern: "{n, plural, offset:1 =0 {nobody} =1 {just you} one {you and # other} other {you and # others}}",
            locale: LocaleTag("en"))
        #expect(try message.format(["n": 0]) == "nobody")
        #expect(try message.format(["n": 1]) == "just you")
        #expect(try message.format(["n": 2]) == "you and 1 other")
        #expect(try message.format(["n": 1002]) == "you and 1,001 others")
        let czech = try CompiledMessage(pattern: "za {s, plural, one {# sekundu} few {# sekundy} many {# sekundy} other {# sekund}}",
                                        locale: LocaleTag("cs"))
        #expect(try czech.format(["s": 1]) == "za 1 sekundu")
        #expect(try czech.format(["s": 3]) == "za 3 sekundy")
        #expect(try czech.format(["s": 1.5]) == "za 1,5 sekundy")
        #expect(try czech.format(["s": 5]) == "za 5 sekund")
    }

    @Test("what only MessageFormat does keeps MessageFormat", arguments: [
        "{n, number} items", "{0} items", "{n, plural, other {{n, number, integer} items}}", "{n, choice, 0#none|1#some}",
    ])
    func fallsBack(_ pattern: String) throws {
        let message = try CompiledMessage(pattern: pattern, locale: LocaleTag("en"))
        #expect(!message.isFormattedDirectly)
        #expect(try message.formatIfComplete({ _ in .integer(1234) }) == message.formatIfComplete({ _ in .integer(1234) }, throughMessageFormat: true))
    }

    @Test func wrongKindsFailAsMessageFormatFails() throws {
        let plural = try CompiledMessage(pattern: "{n, plural, one {#} other {#}}", locale: LocaleTag("en"))
        #expect(Self.compare(plural, [.text("three")]) == nil)
        #expect(throws: ICUError.self) { try plural.format(["n": "three"]) }
        let money = try CompiledMessage(pattern: "Up to {a}.", locale: LocaleTag("en"))
        #expect(throws: ICUError.self) { try money.format(["a": .money(Money(minorUnits: 1, currency: "XYZ"))]) }
        #expect(Self.compare(money, [.money(Money(minorUnits: 1, currency: "XYZ"))]) == nil)
    }

    /// The differential fuzz target's finding (FUZZING.md): money with an unknown currency in a branch
    /// not taken. MessageFormat formats every argument first and fails; direct formatting must too.
    @Test func unknownCurrencyInABranchNotTakenFailsOnBothPaths() throws {
        let message = try CompiledMessage(pattern: "za {s, plural, one {{m}} other {jiné}}", locale: LocaleTag("cs"))
        let values: [MessageArgument] = [.integer(46_000_138), .money(Money(minorUnits: 7363, currency: "XYZ"))]
        #expect(Self.compare(message, values) == nil)
        #expect(throws: ICUError.self) { try message.formatIfComplete { values[$0] } }
        // A known currency in the same place is simply not written.
        let known: [MessageArgument] = [.integer(5), .money(Money(minorUnits: 7363, currency: "EUR"))]
        #expect(try message.formatIfComplete { known[$0] } == "za jiné")
        // The fuzzer's own input, whole.
        let fuzzed = try CompiledMessage(pattern: "k\u{02}uZte to za {s, plural, onu {# sekundu} few {# kekuy} othd {krta{kartB\0\0\0therekuy} u} othdd {karta} other {jiné}})",
                                         locale: LocaleTag("cs"))
        #expect(Self.compare(fuzzed, values) == nil)
    }

    @Test func longResultsAreComplete() throws {
        let message = try CompiledMessage(pattern: "{t} {n, plural, other {# {t}}}", locale: LocaleTag("en"))
        let long = String(repeating: "ž", count: 3_000)  // 6,000 bytes: more than the first buffer
        let text = try message.format(["t": .text(long), "n": 5])
        #expect(text == "\(long) 5 \(long)")
    }
}
