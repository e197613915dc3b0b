import Foundation
import Testing

@testable import CheckoutMessages

@Suite("ICU formatting")
struct FormattingTests {
    let en = try! LocaleTag("en")
    let de = try! LocaleTag("de")

    @Test("money uses ICU's digits per currency", arguments: [
        ("en", 1999, "JPY", "¥1,999"), ("en", 1999, "EUR", "€19.99"), ("en", 1999, "BHD", "BHD\u{A0}1.999"),
        ("de", 1999, "JPY", "1.999\u{A0}¥"), ("de", 1999, "EUR", "19,99\u{A0}€"), ("de", 1999, "BHD", "1,999\u{A0}BHD"),
        ("en", 5, "EUR", "€0.05"), ("en", -250, "EUR", "-€2.50"), ("en", 7, "BHD", "BHD\u{A0}0.007"),
        ("en", 123_456_789, "EUR", "€1,234,567.89"), ("de", 100, "CHF", "1,00\u{A0}CHF"),
    ] as [(String, Int64, String, String)])
    func money(_ locale: String, _ minorUnits: Int64, _ currency: String, _ expected: String) throws {
        #expect(try Money(minorUnits: minorUnits, currency: currency).formatted(for: LocaleTag(locale)) == expected)
    }

    @Test func fractionDigitsComeFromICU() {
        #expect(Money.fractionDigits(of: "JPY") == 0)
        #expect(Money.fractionDigits(of: "EUR") == 2)
        #expect(Money.fractionDigits(of: "bhd") == 3)
        #expect(Money.fractionDigits(of: "XYZ") == nil)
        #expect(Money.fractionDigits(of: "EURO") == nil)
        #expect(Money.fractionDigits(of: "") == nil)
    }

    @Test func moneyTextForm() {
        #expect(Money(parsing: "1999 EUR") == Money(minorUnits: 1999, currency: "EUR"))
        #expect(Money(parsing: "EUR 1999") == Money(minorUnits: 1999, currency: "EUR"))
        #expect(Money(parsing: "1999jpy") == Money(minorUnits: 1999, currency: "JPY"))
        #expect(Money(parsing: "19.99 EUR") == nil)
        #expect(Money(parsing: "1999") == nil)
        #expect(Money(parsing: "12E34UR") == nil)
    }

    @Test("money inside a message, in en and de", arguments: [
        ("en", "1999 JPY", "The refund is more than the ¥1,999 still available to refund."),
        ("en", "1999 EUR", "The refund is more than the €19.99 still available to refund."),
        ("en", "1999 BHD", "The refund is more than the BHD\u{A0}1.999 still available to refund."),
    ])
    func moneyInMessage(_ locale: String, _ amount: String, _ expected: String) throws {
        let message = try CompiledMessage(pattern: "The refund is more than the {available} still available to refund.", locale: LocaleTag(locale))
        #expect(try message.format(["available": .money(#require(Money(parsing: amount)))]) == expected)
    }

    @Test func moneyInGermanMessage() throws {
        let message = try CompiledMessage(pattern: "Höchstens {available} können erstattet werden.", locale: de)
        #expect(try message.format(["available": .money(Money(minorUnits: 1999, currency: "EUR"))]) == "Höchstens 19,99\u{A0}€ können erstattet werden.")
        #expect(try message.format(["available": .money(Money(minorUnits: 1999, currency: "JPY"))]) == "Höchstens 1.999\u{A0}¥ können erstattet werden.")
        #expect(try message.format(["available": .money(Money(minorUnits: 1999, currency: "BHD"))]) == "Höchstens 1,999\u{A0}BHD können erstattet werden.")
    }

    @Test("plural with whole and decimal numbers", arguments: [
        (MessageArgument.integer(1), "Try again in 1 second."), (.integer(2), "Try again in 2 seconds."),
        (.integer(0), "Try again in 0 seconds."), (.number(1.5), "Try again in 1.5 seconds."),
        (.integer(22), "Try again in 22 seconds."), (.number(1.0), "Try again in 1 second."),
    ])
    func englishPlural(_ value: MessageArgument, _ expected: String) throws {
        let message = try CompiledMessage(pattern: "Try again in {n, plural, one {# second} other {# seconds}}.", locale: en)
        #expect(try message.format(["n": value]) == expected)
    }

    @Test("Czech plural categories from ICU's rules", arguments: [
        (MessageArgument.integer(1), "1 pokus"), (.integer(2), "2 pokusy"), (.integer(5), "5 pokusů"),
        (.integer(22), "22 pokusů"), (.number(1.5), "1,5 pokusu"),
    ])
    func czechPlural(_ value: MessageArgument, _ expected: String) throws {
        let message = try CompiledMessage(
            pattern: "{n, plural, one {# pokus} few {# pokusy} many {# pokusu} other {# pokusů}}", locale: LocaleTag("cs"))
        #expect(try message.format(["n": value]) == expected)
    }

    @Test func selectOrdinalAndSelect() throws {
        let message = try CompiledMessage(
            pattern: "{who, select, shop {The shop} other {You}} tried for the {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} time.",
            locale: en)
        #expect(try message.format(["who": "shop", "n": 2]) == "The shop tried for the 2nd time.")
        #expect(try message.format(["who": "x", "n": 23]) == "You tried for the 23rd time.")
        #expect(try message.format(["who": "x", "n": 11]) == "You tried for the 11th time.")
        #expect(message.argumentNames == ["who", "n"])
    }

    @Test func icuErrorsCarryNameAndOffset() {
        #expect(throws: ICUError.self) { try CompiledMessage(pattern: "Hello {name", locale: en) }
        do {
            _ = try CompiledMessage(pattern: "Hi {n, plural, one {#} other {#}", locale: en)
            Issue.record("expected an error")
        } catch {
            #expect(error.name == "U_PATTERN_SYNTAX_ERROR")
            #expect(error.patternOffset == 14)
            #expect(error.description == "U_PATTERN_SYNTAX_ERROR at offset 14")
        }
        do {
            _ = try CompiledMessage(pattern: "{n, plural, one {#}}", locale: en)
            Issue.record("a plural without other must fail")
        } catch {
            #expect(error.name == "U_DEFAULT_KEYWORD_MISSING")
        }
        do {
            _ = try CompiledMessage(pattern: "{amount, number, ::currency/EURO}", locale: en)
            Issue.record("a skeleton ICU cannot build must fail")
        } catch {
            #expect(error.name == "U_NUMBER_SKELETON_SYNTAX_ERROR")
        }
    }

    @Test func pluralCategoriesPerLocale() throws {
        #expect(PluralCategory.categories(for: try LocaleTag("en")) == [.one, .other])
        #expect(PluralCategory.categories(for: try LocaleTag("pl")) == [.one, .few, .many, .other])
        #expect(PluralCategory.categories(for: try LocaleTag("ar")) == [.zero, .one, .two, .few, .many, .other])
        #expect(PluralCategory.categories(for: try LocaleTag("ja")) == [.other])
        #expect(PluralCategory.categories(for: try LocaleTag("en"), .ordinal) == [.one, .two, .few, .other])
        #expect(PluralCategory.select("1.5", for: try LocaleTag("cs")) == .many)
        #expect(PluralCategory.select("22", for: try LocaleTag("uk")) == .few)
        // Selection sees the number as MessageFormat prints it: 1.0 is shown as "1", hence `one`.
        #expect(PluralCategory.select("1.0", for: try LocaleTag("en")) == .one)
    }

    @Test("formatting is safe from many tasks at once")
    func concurrentFormatting() async throws {
        let message = try CompiledMessage(
            pattern: "{n, plural, one {# pokus} few {# pokusy} many {# pokusu} other {# pokusů}} za {amount}", locale: LocaleTag("cs"))
        let currencies = ["EUR", "JPY", "BHD", "CZK"]
        let expected: @Sendable (Int) -> String = { i in
            let count = i % 30
            let form = count == 1 ? "pokus" : (2...4).contains(count) ? "pokusy" : "pokusů"
            return "\(count) \(form) za " + ((try? Money(minorUnits: Int64(i), currency: currencies[i % 4]).formatted(for: LocaleTag("cs"))) ?? "?")
        }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<16 {
                group.addTask {
                    var bad = 0
                    for i in stride(from: task, to: 4_000, by: 16) {
                        let text = try? message.format(["n": .integer(Int64(i % 30)), "amount": .money(Money(minorUnits: Int64(i), currency: currencies[i % 4]))])
                        if text != expected(i) { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    @Test("resolving is safe from many tasks at once")
    func concurrentResolving() async throws {
        let resolver = shippedResolver
        let english = try resolver.catalog.negotiate(tag: "en")
        let results = await withTaskGroup(of: [String].self) { group in
            for task in 0..<8 {
                group.addTask {
                    (0..<200).map { i in
                        let seconds = Int64((i + task) % 5 + 1)
                        return resolver.resolve(UpstreamError(status: 503), in: english, arguments: ["afterSeconds": .integer(seconds)]).message
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.count == 1_600)
        for text in results {
            let ok = text == "Something went wrong while processing your payment. Please try again in 1 second."
                || (2...5).contains { text == "Something went wrong while processing your payment. Please try again in \($0) seconds." }
            #expect(ok, "\(text)")
        }
    }
}

@Suite("Argument passing to ICU")
struct ArgumentPassingTests {
    @Test func mixedTextMoneyAndNumbers() throws {
        let message = try CompiledMessage(
            pattern: "{name}: {amount} ({count, plural, one {# item} other {# items}}) {code}", locale: LocaleTag("en"))
        #expect(try message.format(["name": "Ana Ñúñez", "amount": .money(Money(minorUnits: 250, currency: "EUR")), "count": 3, "code": "X"])
                == "Ana Ñúñez: €2.50 (3 items) X")
        #expect(try message.format(["name": "", "amount": .money(Money(minorUnits: 7, currency: "BHD")), "count": 1, "code": "é"])
                == ": BHD\u{A0}0.007 (1 item) é")
        #expect(throws: ICUError.self) {
            try message.format(["name": "a", "amount": .money(Money(minorUnits: 1, currency: "ZZZ")), "count": 1, "code": "b"])
        }
        #expect(throws: ICUError.self) { try message.format(["name": "a"]) }  // missing arguments never show {name}
    }
}
