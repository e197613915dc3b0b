import CheckoutMessages

/// `GET /v1/catalog/{locale}`: every message of a locale, as ICU patterns for client-side rendering.
struct CatalogDocument: Encodable {
    let locale: String
    let direction: TextDirection
    let sourceLocale: String
    let messages: [String: String]
    let arguments: [String: [String: String]]

    init(catalog: MessageCatalog, tag: LocaleTag) {
        locale = tag.identifier
        direction = tag.direction
        sourceLocale = catalog.sourceLocale.identifier
        messages = catalog.patterns(for: tag)
        var arguments: [String: [String: String]] = [:]
        for (key, entry) in catalog.sourceEntries where !entry.arguments.isEmpty {
            arguments[key] = entry.arguments.mapValues(\.type.rawValue)
        }
        self.arguments = arguments
    }
}
