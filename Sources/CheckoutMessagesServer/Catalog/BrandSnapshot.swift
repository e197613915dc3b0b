import CheckoutMessages
import Synchronization

/// One brand as served: its resolver, the base it was built on, and its documents, made on first request.
///
/// A brand's catalog document of a locale it does not change has the base's bytes; its ETag mixes in the
/// brand's name, so that ETags differ per brand and stay the same for the same content (across reloads
/// and replicas). Documents of locales the brand changes are built once, on first request.
final class BrandSnapshot: Sendable {
    let name: BrandName
    let resolver: Resolver
    /// The base this brand was built on (a brand whose reload failed keeps its previous base).
    let base: BaseSnapshot
    /// The hash of the brand folder's files it was built from, to skip rebuilding an unchanged brand.
    let contentHash: UInt64?
    /// The files it was built from (what `POST /v1/validate?brand=` checks a new file among).
    let source: BrandSource
    private let changedLocales: Set<LocaleTag>
    private let documents = Mutex<[String: JSONDocument]>([:])
    private let locales = Mutex<JSONDocument?>(nil)

    init(name: BrandName, resolver: Resolver, base: BaseSnapshot, source: BrandSource, contentHash: UInt64?) {
        self.source = source
        self.name = name
        self.resolver = resolver
        self.base = base
        self.contentHash = contentHash
        changedLocales = resolver.catalog.localesChangedByBrand
    }

    var catalog: MessageCatalog { resolver.catalog }

    /// The catalog document of a locale of this brand's catalog.
    func catalogDocument(_ tag: LocaleTag) -> (bytes: [UInt8], etag: String)? {
        if !changedLocales.contains(tag), let shared = base.catalogDocuments[tag.identifier] {
            return (shared.bytes, brandETag(shared.etag))
        }
        let document = documents.withLock { documents -> JSONDocument? in
            if let built = documents[tag.identifier] { return built }
            guard catalog.locales.contains(tag) else { return nil }
            let built = JSONDocument(CatalogDocument(catalog: catalog, tag: tag))
            documents[tag.identifier] = built
            return built
        }
        return document.map { ($0.bytes, brandETag($0.etag)) }
    }

    /// The brand's `GET /v1/locales` document.
    func localesDocument() -> (bytes: [UInt8], etag: String) {
        let document = locales.withLock { cached in
            if let cached { return cached }
            let built = JSONDocument(LocalesDocument(catalog: catalog))
            cached = built
            return built
        }
        return (document.bytes, brandETag(document.etag))
    }

    private func brandETag(_ contentETag: String) -> String {
        ETag.strong(for: Array("\(name.rawValue)\n\(contentETag)".utf8))
    }
}
