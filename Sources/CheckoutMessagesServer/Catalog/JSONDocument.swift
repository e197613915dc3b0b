import Foundation

/// A JSON body computed once per catalog generation, with its strong ETag.
struct JSONDocument: Sendable {
    let bytes: [UInt8]
    let etag: String

    init(_ value: some Encodable) {
        bytes = Array((try? JSONCoding.encoder.encode(value)) ?? Data("{}".utf8))
        etag = ETag.strong(for: bytes)
    }
}
