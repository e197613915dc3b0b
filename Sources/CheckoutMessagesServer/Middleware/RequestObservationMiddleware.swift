import Hummingbird
import Logging

/// Logs and measures every request. Logs carry method, path (never the query or the body, which may
/// hold customer data), status, duration and the request id.
struct RequestObservationMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(route: route, method: request.method.rawValue, status: response.status.code, duration: duration)
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path.prefix(200))",
            "route": "\(route)",
            "status": "\(response.status.code)",
            "duration_ms": "\(duration / .milliseconds(1))",
        ])
        return response
    }
}
