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

/// The header fields of one kind of JSON answer with a strong ETag, laid out once: each answer sets only
/// the values of its first field, `ETag` and `Content-Length`, by position (inlined), instead of appending
/// six fields (each `HTTPFields.append` is a generic call HTTPTypes does not specialize across modules).
/// `If-None-Match` is honoured as in `Response.json`.
struct JSONAnswerHeaders: Sendable {
    /// `first`, the fixed fields, `Content-Type`, `ETag` and `Content-Length`.
    private let template: HTTPFields

    init(first: HTTPField.Name, fixed: [HTTPField]) {
        var template: HTTPFields = [first: "-"]
        template.append(contentsOf: fixed)
        template.append(contentsOf: [Response.jsonContentType, HTTPField(name: .eTag, value: "\"\""),
                                     HTTPField(name: .contentLength, value: "0")])
        self.template = template
    }

    func response(_ body: ByteBuffer, first value: String, etag: String, request: Request) -> Response {
        var headers = template
        headers.reserveCapacity(template.count + 2)  // `Date` and `Server`, which Hummingbird adds
        headers[0] = HTTPField(name: headers[0].name, value: value)
        let eTagIndex = headers.count - 2
        headers[eTagIndex] = HTTPField(name: .eTag, value: etag)
        // A 304 keeps the placeholder length, as `Response.json` leaves `Content-Length: 0` to Hummingbird,
        // and NIO does not send it.
        if ETag.matches(request.headers[.ifNoneMatch], etag) { return Response(status: .notModified, headers: headers) }
        headers[eTagIndex + 1] = HTTPField(name: .contentLength, value: String(body.readableBytes))
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}

extension Request {
    /// Whether the body is declared as one of `mediaTypes` (given in lowercase; parameters such as
    /// charset are ignored, the type compares case-insensitively, optional whitespace is SP or HTAB).
    func hasContentType(_ mediaTypes: Set<String>) -> Bool {
        guard let value = headers[.contentType] else { return false }
        let isWhitespace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var essence = value.utf8.prefix { $0 != UInt8(ascii: ";") }
        while let first = essence.first, isWhitespace(first) { essence = essence.dropFirst() }
        while let last = essence.last, isWhitespace(last) { essence = essence.dropLast() }
        let lowercased = essence.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
        return mediaTypes.contains(String(decoding: lowercased, as: UTF8.self))
    }
}
