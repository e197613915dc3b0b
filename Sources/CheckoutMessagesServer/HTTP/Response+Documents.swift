import HTTPTypes
import Hummingbird
import NIOCore

extension Response {
    /// A JSON answer; with an ETag, `If-None-Match` is honoured with 304 and no body. `extra` must not hold
    /// `Content-Type`, `ETag` or `Content-Length`: they are appended, not looked up and replaced.
    static func json(_ bytes: [UInt8], etag: String? = nil, request: Request, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers.reserveCapacity(headers.count + 5)  // these three, and `Date` and `Server`, which Hummingbird adds
        headers.append(jsonContentType)
        if let etag {
            headers.append(HTTPField(name: .eTag, value: etag))
            if ETag.matches(request.headers[.ifNoneMatch], etag) {
                return Response(status: .notModified, headers: headers)
            }
        }
        headers.append(HTTPField(name: .contentLength, value: String(bytes.count)))
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static let jsonContentType = HTTPField(name: .contentType, value: "application/json; charset=utf-8")

    /// A text answer of the given media type.
    static func text(_ bytes: [UInt8], contentType: String, etag: String? = nil, request: Request, headers extra: HTTPFields = [:]) -> Response {
        var response = json(bytes, etag: etag, request: request, headers: extra)
        response.headers[.contentType] = contentType
        return response
    }
}
