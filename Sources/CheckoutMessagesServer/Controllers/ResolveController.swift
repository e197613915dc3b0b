import CheckoutMessages
import HTTPTypes
import Hummingbird
import NIOCore

/// What `POST /v1/resolve` accepts (a global: generic types cannot hold static stored properties).
private let jsonMediaTypes: Set<String> = ["application/json"]

/// `POST /v1/resolve` and `GET /v1/resolve`: an upstream error in, the customer's Resolution out.
struct ResolveController<Context: RequestContext> {
    let store: CatalogStore
    let metrics: ServerMetrics
    let configuration: ServerConfiguration
    /// `Cache-Control` of `GET` answers.
    let queryCacheControl: String

    init(store: CatalogStore, metrics: ServerMetrics, configuration: ServerConfiguration) {
        self.store = store
        self.metrics = metrics
        self.configuration = configuration
        queryCacheControl = "public, max-age=\(configuration.resolveMaxAge)"
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/v1/resolve", use: resolveQuery)
        router.post("/v1/resolve", use: resolveBody)
    }

    /// Cacheable: the answer depends only on the query and `Accept-Language`.
    @Sendable func resolveQuery(_ request: Request, context: Context) async throws -> Response {
        let input = try ResolveRequest(query: QueryString.query(of: request.uri.string))
        let resolution = try resolve(input, request: request)
        let body = resolution.jsonBytes
        return .json(body, etag: ETag.strong(for: body), request: request, headers: [
            .contentLanguage: resolution.locale,
            .vary: "Accept-Language",
            .cacheControl: queryCacheControl,
        ])
    }

    @Sendable func resolveBody(_ request: Request, context: Context) async throws -> Response {
        guard request.hasContentType(jsonMediaTypes) else { throw Problem.unsupportedMediaType(expected: "application/json") }
        var request = request
        let body = try await request.collectBody(upTo: configuration.maximumResolveBodySize)
        let input = try ResolveRequest(json: JSONValue.parseBody(body.readableBytesView))
        let resolution = try resolve(input, request: request)
        return .json(resolution.jsonBytes, request: request, headers: [
            .contentLanguage: resolution.locale,
            .vary: "Accept-Language",
            .cacheControl: "no-store",
        ])
    }

    private func resolve(_ input: ResolveRequest, request: Request) throws(Problem) -> Resolution {
        let resolver = try store.current.resolver(brand: input.brand)
        let locale: NegotiatedLocale
        do {
            locale = try resolver.catalog.negotiate(tag: input.locale, acceptLanguage: request.headers[.acceptLanguage])
        } catch {
            throw Problem.invalidLocale("`locale`: \(error.description)")
        }
        let resolution = resolver.resolve(input.error, in: locale, arguments: input.arguments)
        metrics.recordResolution(resolution)
        return resolution
    }
}
