/// Why bytes are not a JSON text: what is wrong, and the offset of the byte where it was found.
package struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Reason: Sendable, Hashable {
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

    package var reason: Reason
    /// The offset in the input of the offending byte (for an escape, of its backslash; for a number, of
    /// the byte where it goes wrong, or of its first byte when it is out of range).
    package var offset: Int

    package init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    package var description: String {
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
