import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Turns every error into an `application/problem+json` response, so no request ever sees a stack trace
/// or a bare status: unknown paths become 404, known paths with another method 405 (with `Allow`),
/// oversized bodies 413. A client that breaks HTTP mid-request (a body cut short, a malformed chunk) is
/// its own mistake: counted, logged at `info`, answered 400 if it still listens. Anything else unexpected
/// is logged as an error and answered with a generic 500.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try Problem.bodyTooLarge(limit: routes.bodyLimit(for: request.uri.path)).response(from: request, context: context)
        } catch let error as HTTPParserError {
            metrics.recordClientProtocolError()
            context.logger.info("client broke the HTTP protocol mid-request", metadata: ["error": "\(error)"])
            return try Problem.malformedRequest.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try problem(for: error, request: request).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return try Problem.internalError.response(from: request, context: context)
        }
    }

    private func problem(for error: any HTTPResponseError, request: Request) -> Problem {
        switch error.status {
        case .notFound:
            if let allowed = routes.allowedMethods(for: request.uri.path), !allowed.contains(request.method) {
                return .methodNotAllowed(request.method, allowed: allowed)
            }
            return .notFound(request.uri.path)
        case .contentTooLarge:
            return .bodyTooLarge(limit: routes.bodyLimit(for: request.uri.path))
        default:
            let code = error.status.code
            return Problem(error.status, type: "http-\(code)", title: error.status.reasonPhrase,
                           detail: code >= 500 ? "the service failed to answer" : error.status.reasonPhrase)
        }
    }
}
