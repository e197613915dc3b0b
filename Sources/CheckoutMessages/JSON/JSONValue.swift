/// Any JSON value, read without loss so that each member can be checked with a precise message.
///
/// `JSONValue.parse(_:)` reads RFC 8259 JSON from UTF-8 bytes (`JSONReader`). It serves the request bodies
/// of the HTTP service and upstream response bodies; its consumers bound every number they take (a status,
/// a code, a count, an amount), so a number is an `Int64` when it is a whole number that fits one, and a
/// `Double` otherwise.
package enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    /// A whole number an `Int64` holds: `5`, `-0`, and `5.0` or `1e3` when below 2^53 in magnitude.
    case integer(Int64)
    /// Any other number, always finite: `1.5`, `9223372036854775808`, `1e300`.
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// An object; of a repeated member name the first value counts.
    case object([String: JSONValue])
}

extension JSONValue {
    /// How deeply arrays and objects may nest: 512, as in Foundation's `JSONDecoder`.
    package static var maximumDepth: Int { 512 }

    /// Reads one JSON text (RFC 8259) from UTF-8 bytes.
    ///
    /// Strict: only space, tab, CR and LF count as whitespace; no trailing commas; no leading zeros,
    /// `+`, `.5`, `1.` or non-finite numbers; strings must be well-formed UTF-8 without raw control
    /// characters, and a `\u` escape of a surrogate must be one half of a high-low pair. A leading UTF-8
    /// byte order mark is skipped; UTF-16 and UTF-32 texts are refused. Nesting deeper than
    /// `maximumDepth` is refused without recursion, so hostile input cannot exhaust the stack.
    ///
    /// A number without fraction or exponent that fits an `Int64` is `.integer`. Any other number is read
    /// as a `Double`, and is `.integer` when that `Double` is a whole number below 2^53 in magnitude (where
    /// every whole number is exact: `5.0`, `1e3`, `-0.0`, `1e-400`); everything else is `.number`.
    package static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        if let result = bytes.withContiguousStorageIfAvailable(read) { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer(read).get()
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var reader = JSONReader(buffer)
        return Result { () throws(JSONParseError) in try reader.readDocument() }
    }
}
