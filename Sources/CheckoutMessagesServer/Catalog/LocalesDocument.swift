import CheckoutMessages

/// `GET /v1/locales`.
struct LocalesDocument: Encodable {
    struct Locale: Encodable {
        let locale: String
        let direction: TextDirection
        let completeness: Double
        let pseudo: Bool
    }

    let defaultLocale: String
    let sourceLocale: String
    let locales: [Locale]

    init(catalog: MessageCatalog) {
        defaultLocale = catalog.defaultLocale.identifier
        sourceLocale = catalog.sourceLocale.identifier
        locales = catalog.locales.map {
            Locale(locale: $0.identifier, direction: $0.direction, completeness: catalog.completeness(of: $0),
                   pseudo: catalog.pseudoLocales.contains($0))
        }
    }
}
