import FuzzDriver
@testable import CheckoutMessages

let validator = try! LocaleValidator()
/// A small source (a text, a plural, a select and a money argument) rather than the shipped en.yaml, so that
/// the fuzzer's time goes to the translation.
let source = LocaleSource(path: "en.yaml", text: """
    greeting:
      message: Hello {name}, welcome back.
      description: Greets a customer.
      arguments:
        name: {type: text, example: Ana}
    attempts:
      message: "{count, plural, =0 {No attempts left.} one {# attempt left.} other {# attempts left.}}"
      description: Attempts left.
      arguments:
        count: {type: count, example: 2}
    field:
      message: "{problem, select, missing {Enter your email.} other {Check your email.}}"
      description: Beside the email field.
      arguments:
        problem: {type: text, example: missing}
    refund:
      message: The refund is more than the {available} still available.
      description: Refund too large.
      arguments:
        available: {type: money, example: 1999 EUR}
    """)

let german = try! LocaleTag("de")
let validatedSource = TranslationSource(MessageChecks.validateSource(source, tag: try! LocaleTag("en")))
let baseCatalog = try! MessageCatalog(sources: [source], sourceLocale: "en", defaultLocale: "en")

/// libFuzzer target: any bytes as a translation file go through the translators' validator (parsing,
/// every check, ICU compilation of each message), as a catalog's file or as a brand's, without a crash;
/// every diagnostic has a position inside the file. One input in 64 also goes through the catalog loader
/// (the matcher and pseudo-locales it builds cost ~20 ms a time under the sanitizers, which would starve
/// the rest of the run).
func fuzzLocaleFile(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let file = LocaleSource(path: "de.yaml", text: text)
    // Most inputs go straight to the translation's checks against the source validated once (validating
    // the source on every call halved the speed); one in 16 goes through the public entry point, one in
    // 8 through a brand's checks (a partial file over the small catalog).
    let diagnostics = switch bytes.count % 16 {
    case 1: validator.validate([file], source: source)
    case 3, 11: BrandOverlay.validate([file], base: baseCatalog).diagnostics
    default: MessageChecks.validateTranslation(file, tag: german, source: validatedSource, mode: .catalog).diagnostics
    }
    // Lines as YAML counts them (and editors show them): LF, CR, CRLF, NEL, LS and PS each end one.
    var lines = 1
    var previous: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
        if ["\n", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) && !(scalar == "\n" && previous == "\r") || scalar == "\r" {
            lines += 1
        }
        previous = scalar
    }
    for diagnostic in diagnostics where diagnostic.file == "de.yaml" {
        precondition(diagnostic.line >= 1 && diagnostic.line <= max(lines, 1) && diagnostic.column >= 1, "\(diagnostic)")
    }
    if bytes.count % 64 == 0 {
        _ = try? MessageCatalog(sources: [source, file], sourceLocale: "en", defaultLocale: "en")
    }
}

runFuzzer { data, size in
    fuzzLocaleFile(input(data, size))
    return 0
}
