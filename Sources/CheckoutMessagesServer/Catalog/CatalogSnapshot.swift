import CheckoutMessages

/// What the service answers from: the base and every brand. Immutable; a reload replaces it at once, so
/// a request always sees one consistent set.
final class CatalogSnapshot: Sendable {
    let base: BaseSnapshot
    let brands: [BrandName: BrandSnapshot]

    init(base: BaseSnapshot, brands: [BrandName: BrandSnapshot]) {
        self.base = base
        self.brands = brands
    }

    var resolver: Resolver { base.resolver }
    var catalog: MessageCatalog { base.catalog }
    var catalogDocuments: [String: JSONDocument] { base.catalogDocuments }
    var localesDocument: JSONDocument { base.localesDocument }

    /// The brand a request names: nil for none; 400 for a malformed name, 404 for one no brand has.
    func brand(_ name: String?) throws(Problem) -> BrandSnapshot? {
        guard let name else { return nil }
        guard let brandName = BrandName(rawValue: name) else { throw Problem.invalidBrand }
        guard let brand = brands[brandName] else { throw Problem.unknownBrand(brandName) }
        return brand
    }

    /// The resolver of a request's brand (the base's for none).
    func resolver(brand name: String?) throws(Problem) -> Resolver {
        try brand(name)?.resolver ?? base.resolver
    }
}
