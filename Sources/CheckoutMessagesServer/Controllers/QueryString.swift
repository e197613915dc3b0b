/// The name/value pairs of a URL query, read the way Hummingbird's `URI.queryParameters` reads them
/// (names as sent; values percent-decoded, or kept as sent when an escape is malformed; `+` is not a
/// space), in one pass over the bytes and without hashing the names: `GET /v1/resolve` reads its query on
/// every request, and `queryParameters` (a hashed dictionary, generic code) cost about a microsecond.
enum QueryString {
    /// The query of a request target (`/v1/resolve?status=503` → `status=503`), without copying it.
    static func query(of target: String) -> Substring {
        let utf8 = target.utf8
        guard let mark = utf8.firstIndex(of: UInt8(ascii: "?")) else { return "" }
        let end = utf8[mark...].firstIndex(of: UInt8(ascii: "#")) ?? utf8.endIndex
        return target[utf8.index(after: mark)..<end]
    }

    static func pairs(_ query: Substring) -> [(name: Substring, value: Substring)] {
        var pairs: [(name: Substring, value: Substring)] = []
        let utf8 = query.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "&")) ?? utf8.endIndex
            if start < end {
                let part = utf8[start..<end]
                if let equals = part.firstIndex(of: UInt8(ascii: "=")) {
                    let name = Substring(utf8[start..<equals])
                    pairs.append((name, decode(Substring(utf8[utf8.index(after: equals)..<end]))))
                } else {
                    pairs.append((Substring(part), ""))
                }
            }
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        return pairs
    }

    /// `%XX` escapes decoded (invalid UTF-8 repaired); the text as sent when an escape is malformed.
    static func decode(_ raw: Substring) -> Substring {
        guard raw.utf8.contains(UInt8(ascii: "%")) else { return raw }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return raw }
            bytes.append(high << 4 | low)
        }
        return Substring(String(decoding: bytes, as: UTF8.self))
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
