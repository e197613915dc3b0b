/// Any JSON value, read without loss so that each member can be checked with a precise message.
///
/// `JSONValue.parse(_:)` reads RFC 8259 JSON from UTF-8 bytes with a hand-written reader. Which numbers
/// become `.integer` follows what Foundation's `JSONDecoder` decoded as an `Int64` (see `parse`), so the
/// server and `UpstreamError(status:body:)` read numbers exactly as they did when they used it.
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    /// A number whose value is a whole number an `Int64` holds: `5`, `5.0`, `1e3`, `-0`.
    case integer(Int64)
    /// Any other number, always finite: `1.5`, `9223372036854775808`, `1e300`.
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// An object; of a repeated member name the first value counts.
    case object([String: JSONValue])
}

/// Why bytes are not a JSON text: what is wrong, and the offset of the byte where it was found.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// No value at all: empty input, only whitespace, or only a byte order mark.
        case empty
        /// The text ends inside a value.
        case unexpectedEnd
        /// A byte that can neither start nor continue a value here (a trailing comma, a missing colon, ...).
        case unexpectedByte
        /// Something other than whitespace after the value.
        case trailingData
        /// A number not of the form `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
        case invalidNumber
        /// A number too large in magnitude for a `Double`, such as `1e400`.
        case numberOutOfRange
        /// A raw byte below 0x20 inside a string; it must be escaped.
        case controlCharacter
        /// A backslash followed by anything but `" \ / b f n r t u`.
        case invalidEscape
        /// `\u` not followed by four hexadecimal digits.
        case invalidUnicodeEscape
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high-low pair.
        case loneSurrogate
        /// Bytes inside a string that are not well-formed UTF-8.
        case invalidUTF8
        /// Arrays and objects nested more than `JSONValue.maximumDepth` deep.
        case tooDeep
    }

    public var reason: Reason
    /// The offset in the input of the offending byte (for an escape, of its backslash; for a number, of
    /// the byte where it goes wrong, or of its first byte when it is out of range).
    public var offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let what = switch reason {
        case .empty: "no JSON value"
        case .unexpectedEnd: "unexpected end of the text"
        case .unexpectedByte: "unexpected byte"
        case .trailingData: "data after the JSON value"
        case .invalidNumber: "invalid number"
        case .numberOutOfRange: "number out of range"
        case .controlCharacter: "unescaped control character in a string"
        case .invalidEscape: "invalid escape sequence"
        case .invalidUnicodeEscape: "invalid \\u escape"
        case .loneSurrogate: "unpaired UTF-16 surrogate escape"
        case .invalidUTF8: "invalid UTF-8"
        case .tooDeep: "arrays and objects nested more than \(JSONValue.maximumDepth) deep"
        }
        return "\(what) at byte \(offset)"
    }
}

extension JSONValue {
    /// How deeply arrays and objects may nest: 512, as in Foundation's `JSONDecoder`.
    public static var maximumDepth: Int { 512 }

    /// Reads one JSON text (RFC 8259) from UTF-8 bytes.
    ///
    /// Strict: only space, tab, CR and LF count as whitespace; no trailing commas; no leading zeros,
    /// `+`, `.5`, `1.` or non-finite numbers; strings must be well-formed UTF-8 without raw control
    /// characters, and a `\u` escape of a surrogate must be one half of a high-low pair. A leading UTF-8
    /// byte order mark is skipped; UTF-16 and UTF-32 texts are refused. Nesting deeper than
    /// `maximumDepth` is refused without recursion, so hostile input cannot exhaust the stack.
    ///
    /// A number without fraction or exponent that fits an `Int64` is `.integer`. Any other number is read
    /// as a `Double` and is `.integer` when that `Double` is a whole number an `Int64` holds and below
    /// 2^53 in magnitude (`5.0`, `1e3`, `-0.0`, `1e-400`), or, from 2^53 up, when Foundation's `Decimal`
    /// reading of the text, without its fraction, fits (`9007199254740993.0`); everything else is
    /// `.number`. This is how `JSONDecoder` decoded an `Int64`.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        if let result = bytes.withContiguousStorageIfAvailable(read) { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer(read).get()
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var reader = JSONReader(buffer)
        return Result { () throws(JSONParseError) in try reader.readDocument() }
    }
}

/// The reader behind `JSONValue.parse`: one pass over the bytes, containers kept on explicit stacks.
private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// An array or object still being read: where its elements (and, for an object, its keys) start on
    /// the value and key stacks.
    private struct OpenContainer {
        var isObject: Bool
        var firstValue: Int
        var firstKey: Int
    }

    mutating func readDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw JSONParseError(.empty, at: index) }

        var open: [OpenContainer] = []
        var values: [JSONValue] = []
        var keys: [String] = []
        var value: JSONValue
        readValue: while true {
            // At the first byte of a value.
            guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[index] == UInt8(ascii: "{")
                guard open.count < JSONValue.maximumDepth else { throw JSONParseError(.tooDeep, at: index) }
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    value = isObject ? .object([:]) : .array([])
                } else {
                    open.append(OpenContainer(isObject: isObject, firstValue: values.count, firstKey: keys.count))
                    if isObject { keys.append(try readKey()) }
                    continue readValue
                }
            case UInt8(ascii: "\""):
                value = .string(try readString())
            case UInt8(ascii: "t"):
                try readLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try readLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try readLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = try readNumber()
            default:
                throw JSONParseError(.unexpectedByte, at: index)
            }

            // A value is complete: hand it to the innermost open container, closing containers as they end.
            while let container = open.last {
                values.append(value)
                skipWhitespace()
                guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                    if container.isObject { keys.append(try readKey()) }
                    continue readValue
                }
                guard byte == (container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw JSONParseError(.unexpectedByte, at: index)
                }
                index += 1
                open.removeLast()
                if container.isObject {
                    // Filled from the last member back, so that of a repeated name the first value stays.
                    var members = [String: JSONValue](minimumCapacity: values.count - container.firstValue)
                    var valueIndex = values.count
                    var keyIndex = keys.count
                    while valueIndex > container.firstValue {
                        valueIndex -= 1
                        keyIndex -= 1
                        members[keys[keyIndex]] = values[valueIndex]
                    }
                    keys.removeLast(keys.count - container.firstKey)
                    values.removeLast(values.count - container.firstValue)
                    value = .object(members)
                } else {
                    let elements = Array(values[container.firstValue...])
                    values.removeLast(values.count - container.firstValue)
                    value = .array(elements)
                }
            }
            skipWhitespace()
            guard index == bytes.count else { throw JSONParseError(.trailingData, at: index) }
            return value
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// `true`, `false` or `null`, whose first byte has been seen.
    private mutating func readLiteral(_ literal: StaticString) throws(JSONParseError) {
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in text {
            guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
            guard bytes[index] == byte else { throw JSONParseError(.unexpectedByte, at: index) }
            index += 1
        }
    }

    /// A member name and its colon, leaving the index at the member's value.
    private mutating func readKey() throws(JSONParseError) -> String {
        guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
        guard bytes[index] == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedByte, at: index) }
        let key = try readString()
        skipWhitespace()
        guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
        guard bytes[index] == UInt8(ascii: ":") else { throw JSONParseError(.unexpectedByte, at: index) }
        index += 1
        skipWhitespace()
        return key
    }

    // MARK: Strings

    /// A string whose opening quote is at the index.
    private mutating func readString() throws(JSONParseError) -> String {
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

    // MARK: Numbers

    /// A number whose first byte (`-` or a digit) is at the index.
    private mutating func readNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        try expectDigit()
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, Self.isDigit(bytes[index]) { throw JSONParseError(.invalidNumber, at: index) }
        } else {
            skipDigits()
        }
        var isPlainInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isPlainInteger = false
            index += 1
            try expectDigit()
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isPlainInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try expectDigit()
            skipDigits()
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if isPlainInteger, let integer = Self.plainInteger(text, negative: negative) { return .integer(integer) }

        // As JSONDecoder did: the Double first, then, from 2^53 up, Foundation's Decimal reading of the text.
        guard let double = Double(String(decoding: text, as: UTF8.self)) else {
            throw JSONParseError(.invalidNumber, at: start)
        }
        guard double.isFinite else { throw JSONParseError(.numberOutOfRange, at: start) }
        guard let integer = Int64(exactly: double) else { return .number(double) }
        if double.magnitude < 0x1p53 { return .integer(integer) }
        return Self.foundationDecimalInteger(text).map(JSONValue.integer) ?? .number(double)
    }

    private mutating func expectDigit() throws(JSONParseError) {
        guard index < bytes.count else { throw JSONParseError(.invalidNumber, at: index) }
        guard Self.isDigit(bytes[index]) else { throw JSONParseError(.invalidNumber, at: index) }
    }

    private mutating func skipDigits() {
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// `-?[0-9]+` as an `Int64`, or nil when it does not fit.
    private static func plainInteger(_ text: UnsafeBufferPointer<UInt8>, negative: Bool) -> Int64? {
        // Accumulated below zero, where Int64 reaches one further than above it.
        var value: Int64 = 0
        for byte in text.dropFirst(negative ? 1 : 0) {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.subtractingReportingOverflow(Int64(byte &- UInt8(ascii: "0")))
            guard !overflow, !overflow2 else { return nil }
            value = next
        }
        if negative { return value }
        return value == .min ? nil : -value
    }

    /// The whole number Foundation's `JSONDecoder` made of a number text from 2^53 up: the text read as a
    /// `Decimal` (a 128-bit mantissa: digits beyond it are dropped; an 8-bit exponent: outside it nothing is
    /// read), trailing zeros dropped, and the mantissa, which must fit a `UInt64`, scaled by the exponent
    /// with the fraction cut off. Nil where JSONDecoder found no `Int64`. (Where its `Decimal` reading
    /// failed, JSONDecoder stopped the process; this reads such a number as a `.number`.)
    static func foundationDecimalInteger(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: UInt128 = 0
        var exponent = 0
        var full = false
        func appended(_ byte: UInt8) -> UInt128? {
            let (times10, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt128(byte &- UInt8(ascii: "0")))
            return overflow || overflow2 ? nil : sum
        }
        while index < text.count, isDigit(text[index]) {
            if !full, let next = appended(text[index]) {
                mantissa = next
            } else {
                full = true
                guard exponent < 127 else { return nil }
                exponent += 1
            }
            index += 1
        }
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            while index < text.count, isDigit(text[index]) {
                if !full, let next = appended(text[index]) {
                    mantissa = next
                    guard exponent > -128 else { return nil }
                    exponent -= 1
                } else {
                    full = true
                }
                index += 1
            }
        }
        if index < text.count {  // the exponent
            index += 1
            var exponentIsNegative = false
            if text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                exponentIsNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            while index < text.count {
                written = written * 10 + Int(text[index] &- UInt8(ascii: "0"))
                guard written <= 254 else { return nil }
                index += 1
            }
            exponent += exponentIsNegative ? -written : written
            guard (-128...127).contains(exponent) else { return nil }
        }
        if mantissa != 0 {
            while mantissa % 10 == 0 {
                mantissa /= 10
                exponent += 1
            }
            while exponent > 127 {
                mantissa *= 10
                exponent -= 1
            }
        }
        guard var magnitude = UInt64(exactly: mantissa) else { return nil }
        if exponent < 0 {
            for _ in 0 ..< -exponent { magnitude /= 10 }
        } else {
            for _ in 0..<exponent {
                let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                magnitude = product
            }
        }
        guard let value = Int64(exactly: magnitude) else { return nil }
        return negative ? -value : value
    }
}
