import CheckoutMessages

/// The base catalog as served: its resolver and the documents derived from its catalog. Immutable; a
/// reload builds a new one.
final class BaseSnapshot: Sendable {
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

    /// Loads the embedded catalog or the folder's, with the embedded rules or the file's.
    static func load(directory: String?, rulesFile: String?, defaultLocale: String) throws -> BaseSnapshot {
        let catalog = try directory.map { try MessageCatalog(directory: $0, defaultLocale: defaultLocale) }
            ?? MessageCatalog.embedded(defaultLocale: defaultLocale)
        let rules = try rulesFile.map { path in
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw RulesError(problems: [RulesProblem(file: path, line: 1, column: 1, message: "cannot read the rules file: \(error.localizedDescription)")])
            }
            return try ResolutionRules(yaml: text, file: path)
        }
        return BaseSnapshot(resolver: try Resolver(catalog: catalog, rules: rules))
    }
}
