import Foundation

/// Strong entity tags and `If-None-Match` matching, for every cacheable answer.
enum ETag {
    /// A strong validator of the exact bytes, quoted: a 64-bit multiply–xorshift hash (not cryptographic).
    static func strong(for bytes: [UInt8]) -> String { bytes.withUnsafeBytes(strong(for:)) }

    static func strong(for raw: UnsafeRawBufferPointer) -> String {
        // Eight bytes per multiply rather than one (a byte-wise hash cost ~0.5 µs for a typical
        // resolution); deterministic, so ETags stay valid across restarts and replicas.
        let hash = { () -> UInt64 in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
            hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            hash = hash &* 0xD6E8_FEB8_6659_FD93
            return hash ^ (hash >> 32)
        }()
        // `"` + 16 hex digits + `"`, written without intermediate strings.
        return String(unsafeUninitializedCapacity: 18) { out in
            let digits: StaticString = "0123456789abcdef"
            out[0] = UInt8(ascii: "\"")
            for index in 0..<16 {
                out[1 + index] = digits.utf8Start[Int((hash >> UInt64(60 - 4 * index)) & 0xF)]
            }
            out[17] = UInt8(ascii: "\"")
            return 18
        }
    }

    /// Whether an `If-None-Match` value matches (a list, possibly weak, or `*`).
    static func matches(_ ifNoneMatch: String?, _ etag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        return ifNoneMatch.split(separator: ",").contains { candidate in
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == etag || trimmed == "W/" + etag
        }
    }
}
