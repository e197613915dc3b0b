import HTTPTypes
import Hummingbird

/// CORS for checkout frontends on other origins. Only configured origins get `Access-Control-Allow-Origin`
/// (echoed, with `Vary: Origin`); preflight requests are answered here with 204.
struct CORSPolicyMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowedOrigins: [String]

    static var allowedMethods: String { "GET, HEAD, POST, OPTIONS" }
    static var allowedHeaders: String { "Content-Type, Accept-Language, If-None-Match" }
    static var exposedHeaders: String { "ETag, Content-Language" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        let allowed = isAllowed(origin)
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers: HTTPFields = [.vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"]
            if allowed {
                headers[.accessControlAllowOrigin] = origin
                headers[.accessControlAllowMethods] = Self.allowedMethods
                headers[.accessControlAllowHeaders] = Self.allowedHeaders
                headers[.accessControlMaxAge] = "600"
            }
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        if allowed {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
            response.headers.append(HTTPField(name: .vary, value: "Origin"))
        }
        return response
    }

    /// `*`, an exact origin, or `scheme://host:*` for any port of that host.
    func isAllowed(_ origin: String) -> Bool {
        let origin = origin.lowercased()
        return allowedOrigins.contains { pattern in
            let pattern = pattern.lowercased()
            if pattern == "*" || pattern == origin { return true }
            guard pattern.hasSuffix(":*") else { return false }
            let base = String(pattern.dropLast(2))
            if origin == base { return true }
            guard origin.hasPrefix(base + ":") else { return false }
            let port = origin.dropFirst(base.count + 1)
            return !port.isEmpty && port.count <= 5 && port.allSatisfy(\.isNumber)
        }
    }
}
