import CheckoutMessages

/// What the service answers from: a resolver and the documents derived from its catalog. Immutable; a
/// reload replaces the whole snapshot at once, so a request always sees one consistent catalog.
final class CatalogSnapshot: Sendable {
    let resolver: Resolver
    let catalogDocuments: [String: JSONDocument]
    let localesDocument: JSONDocument

    var catalog: MessageCatalog { resolver.catalog }

    init(resolver: Resolver) {
        self.resolver = resolver
        let catalog = resolver.catalog
        var documents: [String: JSONDocument] = [:]
        for tag in catalog.locales {
            documents[tag.identifier] = JSONDocument(CatalogDocument(catalog: catalog, tag: tag))
        }
        catalogDocuments = documents
        localesDocument = JSONDocument(LocalesDocument(catalog: catalog))
    }

    /// Loads the embedded catalog, or the folder's.
    static func load(directory: String?, defaultLocale: String) throws -> CatalogSnapshot {
        let catalog = try directory.map { try MessageCatalog(directory: $0, defaultLocale: defaultLocale) }
            ?? MessageCatalog.embedded(defaultLocale: defaultLocale)
        return CatalogSnapshot(resolver: try Resolver(catalog: catalog))
    }
}
