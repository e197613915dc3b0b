import CheckoutMessages
import Hummingbird

/// `GET /v1/catalog/{locale}` and `GET /v1/locales` (each with `?brand=NAME` for a brand's effective view),
/// for frontends that render messages themselves.
struct CatalogController<Context: RequestContext> {
    let store: CatalogStore
    let configuration: ServerConfiguration

    func addRoutes(to router: Router<Context>) {
        router.get("/v1/catalog/:locale", use: catalog)
        router.get("/v1/locales", use: locales)
    }

    /// A locale's messages: the locale that serves the requested tag, as `resolve` negotiates it (`de-AT` gets
    /// `de`'s bundle with `Content-Language: de`); 404 when no locale is close enough.
    @Sendable func catalog(_ request: Request, context: Context) async throws -> Response {
        let requested = context.parameters.get("locale") ?? ""
        let tag: LocaleTag
        do {
            tag = try LocaleTag(requested)
        } catch {
            throw Problem.invalidLocale(error.description)
        }
        let snapshot = store.current
        let brand = try snapshot.brand(request.uri.queryParameters.get("brand"))
        let catalog = brand?.catalog ?? snapshot.catalog
        guard let served = catalog.closestLocale(to: tag) else {
            throw Problem.unknownLocale(tag.identifier, available: catalog.locales.map(\.identifier))
        }
        let document: (bytes: [UInt8], etag: String)?
        if let brand {
            document = brand.catalogDocument(served.tag)
        } else {
            document = snapshot.catalogDocuments[served.tag.identifier].map { ($0.bytes, $0.etag) }
        }
        guard let document else { throw Problem.unknownLocale(tag.identifier, available: catalog.locales.map(\.identifier)) }
        return .json(document.bytes, etag: document.etag, request: request, headers: [
            .contentLanguage: served.tag.identifier,
            .cacheControl: "public, max-age=\(configuration.catalogMaxAge)",
        ])
    }

    @Sendable func locales(_ request: Request, context: Context) async throws -> Response {
        let snapshot = store.current
        let document: (bytes: [UInt8], etag: String) = try snapshot.brand(request.uri.queryParameters.get("brand"))?.localesDocument()
            ?? (snapshot.localesDocument.bytes, snapshot.localesDocument.etag)
        return .json(document.bytes, etag: document.etag, request: request, headers: [.cacheControl: "public, max-age=60"])
    }
}
