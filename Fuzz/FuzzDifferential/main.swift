import FuzzDriver
@testable import CheckoutMessages

let locales = ["en", "cs", "ar", "fr", "ja", "ru", "pl", "he", "lv", "ga"].map { try! LocaleTag($0) }

/// libFuzzer target, differential: a random ICU pattern with random arguments formats to the same
/// bytes through direct formatting and through ICU's `MessageFormat::format`, or both refuse.
/// Input: byte 0 picks the locale, byte 1 how many argument bytes follow at the end; the rest is the
/// pattern's UTF-8. Each argument takes one value byte: an integer, a decimal, text or money.
func fuzzDifferential(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count >= 3 else { return }
    let locale = locales[Int(bytes[0]) % locales.count]
    let valueCount = min(Int(bytes[1]) % 8, bytes.count - 2)
    let values = UnsafeBufferPointer(rebasing: bytes.suffix(valueCount))
    let pattern = String(decoding: bytes.dropFirst(2).dropLast(valueCount), as: UTF8.self)
    guard let message = try? CompiledMessage(pattern: pattern, locale: locale) else { return }
    func argument(_ index: Int) -> MessageArgument? {
        guard !values.isEmpty else { return .integer(Int64(index)) }
        let byte = values[index % values.count]
        switch byte % 5 {
        case 0: return .integer(Int64(byte) - 100)
        case 1: return .integer(Int64(byte) * 1_000_003)
        case 2: return .number(Double(byte) / 8)
        case 3: return .text(["missing", "invalid", "other", "card", "é—ü"][Int(byte) % 5])
        default: return .money(Money(minorUnits: Int64(byte) * 37, currency: ["EUR", "JPY", "BHD", "XYZ"][Int(byte) % 4]))
        }
    }
    let direct = Result { () throws(ICUError) in try message.formatIfComplete(argument) }
    let reference = Result { () throws(ICUError) in try message.formatIfComplete(argument, throughMessageFormat: true) }
    switch (direct, reference) {
    case (.success(let a), .success(let b)):
        precondition(a == b, "direct formatting differs for \(pattern.debugDescription) in \(locale): \(String(describing: a)) vs \(String(describing: b))")
    case (.failure, .failure):
        break
    default:
        preconditionFailure("one path refused \(pattern.debugDescription) in \(locale): direct \(direct), MessageFormat \(reference)")
    }
}

runFuzzer { data, size in
    fuzzDifferential(input(data, size))
    return 0
}
