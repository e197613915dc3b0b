/// Strings: escapes, and the UTF-8 check of raw bytes (RFC 3629).
extension JSONReader {
    /// A string whose opening quote is at the index.
    mutating func readString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        var nonASCII = false
        while true {
            guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start, nonASCII: nonASCII) }
            guard byte >= 0x20 else { throw JSONParseError(.controlCharacter, at: index) }
            if byte >= 0x80 { nonASCII = true }
            index += 1
        }
        let text = try decodeUTF8(start..<index, nonASCII: nonASCII)
        index += 1
        return text
    }

    /// The rest of a string that has escapes; the index is at the first backslash.
    private mutating func readEscapedString(from start: Int, nonASCII: Bool) throws(JSONParseError) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(index - start + 16)
        var runStart = start
        var runIsASCII = !nonASCII
        while true {
            guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                // Escapes only ever yield whole UTF-8 sequences, so checking each raw run on its own is the same
                // as checking the whole string.
                if !runIsASCII, let bad = Self.invalidUTF8Offset(in: bytes, runStart..<index) {
                    throw JSONParseError(.invalidUTF8, at: bad)
                }
                utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: utf8, as: UTF8.self)
                }
                try readEscape(into: &utf8)
                runStart = index
                runIsASCII = true
            case ..<0x20:
                throw JSONParseError(.controlCharacter, at: index)
            default:
                if byte >= 0x80 { runIsASCII = false }
                index += 1
            }
        }
    }

    /// One escape sequence, whose backslash is at the index, appended as UTF-8.
    private mutating func readEscape(into utf8: inout [UInt8]) throws(JSONParseError) {
        let backslash = index
        index += 1
        guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
        let simple: UInt8
        switch bytes[index] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            index += 1
            var scalar = try readHex4(escapeAt: backslash)
            if (0xDC00...0xDFFF).contains(scalar) { throw JSONParseError(.loneSurrogate, at: backslash) }
            if (0xD800...0xDBFF).contains(scalar) {
                // The low half must follow at once as another `\u` escape.
                guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
                guard bytes[index] == UInt8(ascii: "\\") else { throw JSONParseError(.loneSurrogate, at: backslash) }
                guard index + 1 < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index + 1) }
                guard bytes[index + 1] == UInt8(ascii: "u") else { throw JSONParseError(.loneSurrogate, at: backslash) }
                let lowBackslash = index
                index += 2
                let low = try readHex4(escapeAt: lowBackslash)
                guard (0xDC00...0xDFFF).contains(low) else { throw JSONParseError(.loneSurrogate, at: backslash) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            Self.appendUTF8(scalar, to: &utf8)
            return
        default:
            throw JSONParseError(.invalidEscape, at: backslash)
        }
        utf8.append(simple)
        index += 1
    }

    /// The four hexadecimal digits of a `\u` escape.
    private mutating func readHex4(escapeAt backslash: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidUnicodeEscape, at: backslash)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to utf8: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            utf8.append(UInt8(scalar))
        case ..<0x800:
            utf8.append(UInt8(0xC0 | scalar >> 6))
            utf8.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            utf8.append(UInt8(0xE0 | scalar >> 12))
            utf8.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            utf8.append(UInt8(0x80 | scalar & 0x3F))
        default:
            utf8.append(UInt8(0xF0 | scalar >> 18))
            utf8.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            utf8.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            utf8.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The string of raw bytes without escapes, checked to be UTF-8 unless they are all ASCII.
    private func decodeUTF8(_ range: Range<Int>, nonASCII: Bool) throws(JSONParseError) -> String {
        if nonASCII, let bad = Self.invalidUTF8Offset(in: bytes, range) { throw JSONParseError(.invalidUTF8, at: bad) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Where the first ill-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing above
    /// U+10FFFF) in the range starts, or nil when there is none.
    static func invalidUTF8Offset(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return index
            }
            guard index + length <= range.upperBound, secondRange.contains(bytes[index + 1]) else { return index }
            for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }
}
