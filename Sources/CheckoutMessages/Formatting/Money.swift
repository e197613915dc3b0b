import CICU

/// An amount of money as payment APIs carry it: an integer in the currency's minor units.
///
/// `Money(minorUnits: 1999, currency: "EUR")` is €19.99; `Money(minorUnits: 1999, currency: "JPY")` is ¥1,999;
/// `Money(minorUnits: 1999, currency: "BHD")` is BHD 1.999. The number of digits comes from ICU's currency data.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount in minor units (cents for EUR, yen for JPY, fils for BHD).
    public var minorUnits: Int64
    /// The ISO 4217 code, upper case.
    public var currency: String

    /// Creates an amount; `currency` is upper-cased.
    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency.uppercased()
    }

    /// Reads the compact text form `1999 EUR` (or `EUR 1999`, `1999EUR`), as the CLI and query strings give it.
    public init?(parsing text: String) {
        let compact = text.filter { !$0.isWhitespace }
        let code = compact.filter(\.isLetter)
        let amount = compact.filter { !$0.isLetter }
        guard code.count == 3, code.allSatisfy(\.isASCII), compact.hasPrefix(code) || compact.hasSuffix(code),
              let minorUnits = Int64(amount)
        else { return nil }
        self.init(minorUnits: minorUnits, currency: code)
    }

    /// ICU's default fraction digits for `currency` (JPY 0, EUR 2, BHD 3), or `nil` if ICU does not know it.
    public static func fractionDigits(of currency: String) -> Int? {
        let digits = currency.uppercased().withCString { cicu_currency_fraction_digits($0) }
        return digits >= 0 ? Int(digits) : nil
    }

    /// Formats the amount for a locale with ICU's `LocalizedNumberFormatter` (cached per locale and currency).
    public func formatted(for locale: LocaleTag) throws(ICUError) -> String {
        var status = cicu_status.initial
        let text = readUTF8 { out, capacity in
            locale.identifier.withCString { tag in
                currency.withCString { code in cicu_format_money(tag, minorUnits, code, out, capacity, &status) }
            }
        }
        if status.failed { throw ICUError(status) }
        return text
    }

    public var description: String { "\(minorUnits) \(currency)" }

    /// The currency code as ICU takes it, three bytes and a NUL; all NULs (a code ICU rejects) unless the
    /// code is exactly three bytes, so that `EURO` is refused rather than read as `EUR`.
    var currencyCode: (CChar, CChar, CChar, CChar) {
        var code = currency
        code.makeContiguousUTF8()  // a no-op for native strings; then `withUTF8` needs no copy
        return code.withUTF8 { utf8 in
            utf8.count == 3 ? (CChar(bitPattern: utf8[0]), CChar(bitPattern: utf8[1]), CChar(bitPattern: utf8[2]), 0) : (0, 0, 0, 0)
        }
    }
}

