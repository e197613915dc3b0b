import Foundation

/// The name/value pairs of a URL query, read the way Hummingbird's `URI.queryParameters` reads them
/// (names as sent; values percent-decoded, or kept as sent when an escape is malformed; `+` is not a
/// space), in one pass over the bytes and without hashing the names: `GET /v1/resolve` reads its query on
/// every request, and `queryParameters` (a hashed dictionary, generic code) cost about a microsecond.
enum QueryString {
    /// The query of a request target (`/v1/resolve?status=503` → `status=503`), without copying it.
    static func query(of target: String) -> Substring {
        var target = target
        let range = target.withUTF8 { bytes -> Range<Int>? in
            guard let mark = bytes.firstIndex(of: UInt8(ascii: "?")) else { return nil }
            return (mark + 1)..<(bytes[(mark + 1)...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex)
        }
        guard let range else { return "" }
        let utf8 = target.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return target[lower..<utf8.index(lower, offsetBy: range.count)]  // `?` and `#` are ASCII: character boundaries
    }

    /// One name/value pair, as views into the query's bytes that are valid only during the callback:
    /// the request path compares names and parses numbers on the bytes, and makes a `String` only of
    /// what it keeps.
    struct Pair {
        let name: UnsafeBufferPointer<UInt8>
        /// As sent, escapes included.
        let rawValue: UnsafeBufferPointer<UInt8>

        /// Whether the name is `literal` (or, with `prefixOnly`, starts with it).
        func nameIs(_ literal: StaticString, prefixOnly: Bool = false) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard prefixOnly ? name.count >= count : name.count == count else { return false }
            return count == 0 || memcmp(name.baseAddress!, literal.utf8Start, count) == 0
        }

        var nameText: String { String(decoding: name, as: UTF8.self) }

        /// `%XX` escapes decoded (invalid UTF-8 repaired); the text as sent when an escape is malformed.
        var value: String { QueryString.decode(rawValue) }

        /// The name without its first `count` bytes (`arg.NAME` → `NAME`).
        func name(droppingFirst count: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: name.dropFirst(count)), as: UTF8.self) }
    }

    /// The pairs in order, as strings (for tests and diagnostics; the request path uses `forEachPair`).
    static func pairs(_ query: Substring) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        forEachPair(in: query) { pair in pairs.append((pair.nameText, pair.value)) }
        return pairs
    }

    /// Calls `body` with each pair in order, without collecting them: a `GET` reads its query twice this
    /// way (members, then arguments), finding the separators in the raw bytes.
    static func forEachPair<Failure: Error>(in query: Substring, _ body: (Pair) throws(Failure) -> Void) throws(Failure) {
        var failure: Failure?
        var query = query
        query.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
                if start < end {
                    let equals = bytes[start..<end].firstIndex(of: UInt8(ascii: "=")) ?? end
                    let pair = Pair(name: UnsafeBufferPointer(rebasing: bytes[start..<equals]),
                                    rawValue: UnsafeBufferPointer(rebasing: bytes[min(equals + 1, end)..<end]))
                    do throws(Failure) { try body(pair) } catch {
                        failure = error
                        return
                    }
                }
                start = end + 1
            }
        }
        if let failure { throw failure }
    }

    /// `%XX` escapes decoded (invalid UTF-8 repaired); the text as sent when an escape is malformed.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "%")) else { return String(decoding: raw, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return String(decoding: raw, as: UTF8.self)
            }
            bytes.append(high << 4 | low)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
