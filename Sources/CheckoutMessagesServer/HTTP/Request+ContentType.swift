import Hummingbird

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
