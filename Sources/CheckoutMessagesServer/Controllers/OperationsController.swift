import Hummingbird

/// Probes (`GET /livez`, `GET /readyz`, `GET /healthz`), `GET /metrics` and `GET /openapi.yaml`.
struct OperationsController<Context: RequestContext> {
    let store: CatalogStore
    let metrics: ServerMetrics
    let readiness: Readiness

    /// The repository's `openapi.yaml`, embedded at build time and served as is.
    static var openAPIDocument: [UInt8] {
        EmbeddedResources.files.first { $0.path == "openapi.yaml" }.map { Array($0.text.utf8) } ?? []
    }

    func addRoutes(to router: Router<Context>) {
        let openAPI = Self.openAPIDocument
        let openAPIETag = ETag.strong(for: openAPI)
        // Liveness: the process answers. Nothing it depends on is checked, so a restart is never
        // triggered by something a restart cannot fix.
        router.get("/livez") { request, _ in
            Response.json(Array(#"{"status":"alive"}"#.utf8), request: request, headers: [.cacheControl: "no-store"])
        }
        // Readiness: a catalog is loaded (always true once serving: a service without one does not
        // start) and the service is not draining.
        router.get("/readyz") { request, _ in
            if readiness.isDraining {
                var response = Response.json(Array(#"{"status":"draining"}"#.utf8), request: request, headers: [.cacheControl: "no-store"])
                response.status = .serviceUnavailable
                return response
            }
            let bytes = Array(#"{"status":"ready","locales":\#(store.current.catalog.locales.count)}"#.utf8)
            return Response.json(bytes, request: request, headers: [.cacheControl: "no-store"])
        }
        // Kept for compatibility: the same as readiness before it existed.
        router.get("/healthz") { request, _ in
            let bytes = Array(#"{"status":"ok","locales":\#(store.current.catalog.locales.count)}"#.utf8)
            return Response.json(bytes, request: request, headers: [.cacheControl: "no-store"])
        }
        router.get("/metrics") { request, _ in
            Response.text(metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8", request: request,
                          headers: [.cacheControl: "no-store"])
        }
        router.get("/openapi.yaml") { request, _ in
            Response.text(openAPI, contentType: "application/yaml", etag: openAPIETag, request: request,
                          headers: [.cacheControl: "public, max-age=3600"])
        }
    }
}
