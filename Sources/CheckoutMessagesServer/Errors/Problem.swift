import CheckoutMessages
import Foundation
import HTTPTypes
import Hummingbird

/// An error answered as `application/problem+json` (RFC 9457): a stable `type`, a short `title`, the
/// HTTP `status`, and a `detail` for the developer integrating the checkout. Never upstream text.
public struct Problem: HTTPResponseError, Sendable, Equatable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A URI reference identifying the problem type, e.g. `/problems/invalid-locale`.
    public let type: String
    /// A short, fixed summary of the problem type.
    public let title: String
    /// What exactly was wrong with this request.
    public let detail: String
    /// Extra response headers (e.g. `Allow` for 405).
    public let extraHeaders: HTTPFields

    /// Creates a problem.
    public init(_ status: HTTPResponse.Status, type: String, title: String, detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.type = "/problems/" + type
        self.title = title
        self.detail = detail
        self.extraHeaders = headers
    }

    /// Fields the answer carries besides the body (`Allow` for 405).
    public var headers: HTTPFields { extraHeaders }

    /// The `application/problem+json` answer.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(ProblemBody(type: type, title: title, status: status.code, detail: detail, instance: request.uri.path))
        var headers = extraHeaders
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension Problem {
    static func malformedJSON(_ detail: String) -> Problem {
        Problem(.badRequest, type: "malformed-json", title: "Malformed JSON", detail: detail)
    }

    /// The request broke HTTP itself (a body shorter than its `Content-Length`, a malformed chunk).
    static let malformedRequest = Problem(.badRequest, type: "malformed-request", title: "Malformed request",
                                          detail: "the request is not valid HTTP/1.1 (a body cut short?)")

    static func invalidParameter(_ detail: String) -> Problem {
        Problem(.badRequest, type: "invalid-parameter", title: "Invalid parameter", detail: detail)
    }

    static func invalidLocale(_ detail: String) -> Problem {
        Problem(.badRequest, type: "invalid-locale", title: "Invalid locale tag", detail: detail)
    }

    static func unknownLocale(_ tag: String, available: [String]) -> Problem {
        Problem(.notFound, type: "unknown-locale", title: "Unknown locale",
                detail: "no catalog for \(tag); available: \(available.joined(separator: ", "))")
    }

    static let invalidBrand = Problem(.badRequest, type: "invalid-parameter", title: "Invalid parameter",
                                      detail: "`brand`: a brand name is \(BrandName.rule)")

    static func unknownBrand(_ name: BrandName) -> Problem {
        Problem(.notFound, type: "unknown-brand", title: "Unknown brand", detail: "there is no brand \(name)")
    }

    static func notFound(_ path: String) -> Problem {
        Problem(.notFound, type: "not-found", title: "Not found", detail: "no resource at \(path.prefix(200))")
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> Problem {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        return Problem(.methodNotAllowed, type: "method-not-allowed", title: "Method not allowed",
                       detail: "\(method.rawValue.prefix(20)) is not allowed here; use \(list)", headers: [.allow: list])
    }

    static func bodyTooLarge(limit: Int) -> Problem {
        Problem(.contentTooLarge, type: "body-too-large", title: "Body too large", detail: "the body must be at most \(limit) bytes")
    }

    static func unsupportedMediaType(expected: String) -> Problem {
        Problem(.unsupportedMediaType, type: "unsupported-media-type", title: "Unsupported media type",
                detail: "send the body as \(expected)")
    }

    static let internalError = Problem(.internalServerError, type: "internal", title: "Internal error",
                                       detail: "the service failed to answer; it has been logged")
}

/// The RFC 9457 members.
private struct ProblemBody: Encodable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let instance: String
}
