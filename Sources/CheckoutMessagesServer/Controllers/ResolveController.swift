import CheckoutMessages
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /v1/resolve` and `GET /v1/resolve`: an upstream error in, the customer's Resolution out.
struct ResolveController<Context: RequestContext> {
    let store: CatalogStore
    let metrics: ServerMetrics
    let configuration: ServerConfiguration
    /// The headers every `GET` answer has.
    let queryHeaders: HTTPFields

    init(store: CatalogStore, metrics: ServerMetrics, configuration: ServerConfiguration) {
        self.store = store
        self.metrics = metrics
        self.configuration = configuration
        queryHeaders = [
            .vary: "Accept-Language",
            .cacheControl: "public, max-age=\(configuration.resolveMaxAge)",
            .contentType: "application/json; charset=utf-8",
        ]
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/v1/resolve", use: resolveQuery)
        router.post("/v1/resolve", use: resolveBody)
    }

    /// Cacheable: the answer depends only on the query and `Accept-Language`.
    @Sendable func resolveQuery(_ request: Request, context: Context) async throws -> Response {
        let input = try ResolveRequest(query: QueryString.pairs(QueryString.query(of: request.uri.string)))
        let resolution = try resolve(input, request: request)
        let body = resolution.jsonBuffer
        // The fixed headers are made once; a request adds its language and ETag (what `Response.json`
        // does, without building and searching a header list per request).
        var headers = queryHeaders
        headers.append(HTTPField(name: .contentLanguage, value: resolution.locale))
        let etag = body.withUnsafeReadableBytes(ETag.strong(for:))
        headers.append(HTTPField(name: .eTag, value: etag))
        if ETag.matches(request.headers[.ifNoneMatch], etag) { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    @Sendable func resolveBody(_ request: Request, context: Context) async throws -> Response {
        guard request.hasContentType(["application/json"]) else { throw Problem.unsupportedMediaType(expected: "application/json") }
        var request = request
        let body = try await request.collectBody(upTo: configuration.maximumResolveBodySize)
        let input = try ResolveRequest(json: JSONValue.parse(body.readableBytesView))
        let resolution = try resolve(input, request: request)
        return .json(resolution.jsonBytes, request: request, headers: [
            .contentLanguage: resolution.locale,
            .vary: "Accept-Language",
            .cacheControl: "no-store",
        ])
    }

    private func resolve(_ input: ResolveRequest, request: Request) throws(Problem) -> Resolution {
        let snapshot = store.current
        let locale: NegotiatedLocale
        if let tag = input.locale {
            do {
                locale = try snapshot.catalog.negotiate(tag: tag)
            } catch {
                throw Problem.invalidLocale("`locale`: \(error.description)")
            }
        } else if let header = request.headers[.acceptLanguage] {
            locale = snapshot.catalog.negotiate(acceptLanguage: header)
        } else {
            locale = snapshot.catalog.defaultNegotiated
        }
        let resolution = snapshot.resolver.resolve(input.error, in: locale, arguments: input.arguments)
        metrics.recordResolution(resolution)
        return resolution
    }
}
