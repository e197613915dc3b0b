import FuzzDriver
import CheckoutMessages

let catalog = try! MessageCatalog.embedded()

/// libFuzzer target: any text as a locale tag and as an `Accept-Language` value negotiates to a locale
/// the catalog has (or is refused as a tag), never a crash; a tag that parses keeps parsing to itself.
func fuzzLocaleTags(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    if let tag = try? LocaleTag(text) {
        precondition((try? LocaleTag(tag.identifier)) == tag, "not idempotent: \(text) → \(tag)")
        _ = catalog.closestLocale(to: tag)
    }
    _ = try? catalog.negotiate(tag: text)
    let negotiated = catalog.negotiate(acceptLanguage: text)
    precondition(catalog.locales.contains(negotiated.tag), "negotiated a locale the catalog lacks")
}

runFuzzer { data, size in
    fuzzLocaleTags(input(data, size))
    return 0
}
