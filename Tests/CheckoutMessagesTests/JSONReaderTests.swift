import Foundation
import Testing

@testable import CheckoutMessages

@Suite("Reading JSON")
struct JSONReaderTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var text: String
        var expected: JSONValue
        init(_ text: String, _ expected: JSONValue) {
            self.text = text
            self.expected = expected
        }
        var testDescription: String { text.debugDescription }
    }

    static let valid: [Valid] = [
        // Literals and whitespace (space, tab, CR, LF only)
        Valid("null", .null),
        Valid("true", .bool(true)),
        Valid("false", .bool(false)),
        Valid(" \t\r\n true \n\t\r ", .bool(true)),
        Valid("\u{FEFF}[1]", .array([.integer(1)])),
        // Numbers: `.integer` when whole and exact (plain digits that fit an Int64, or a whole Double below 2^53)
        Valid("0", .integer(0)),
        Valid("-0", .integer(0)),
        Valid("-0.0", .integer(0)),
        Valid("5.0", .integer(5)),
        Valid("1e3", .integer(1000)),
        Valid("1E+3", .integer(1000)),
        Valid("100e-2", .integer(1)),
        Valid("1e-400", .integer(0)),
        Valid("2104.0000000000001", .integer(2104)),
        Valid("1.5", .number(1.5)),
        Valid("-1.5e-3", .number(-0.0015)),
        Valid("0.1", .number(0.1)),
        Valid("1E-2", .number(0.01)),
        Valid("9223372036854775807", .integer(.max)),
        Valid("-9223372036854775808", .integer(.min)),
        Valid("9223372036854775808", .number(0x1p63)),
        Valid("-9223372036854775809", .number(-0x1p63)),
        Valid("9223372036854775807.0", .number(0x1p63)),
        Valid("-9223372036854775808.0", .number(-0x1p63)),
        Valid("1e19", .number(1e19)),
        Valid("1e18", .number(1e18)),
        Valid("1e15", .integer(1_000_000_000_000_000)),
        Valid("9007199254740991.0", .integer(9_007_199_254_740_991)),
        Valid("9007199254740992.0", .number(0x1p53)),
        Valid("9007199254740992", .integer(9_007_199_254_740_992)),
        Valid("1000000000000000000", .integer(1_000_000_000_000_000_000)),
        Valid("9007199254740993.0", .number(9_007_199_254_740_992)),
        Valid("9007199254740993.5", .number(9_007_199_254_740_994)),
        Valid("-9007199254740993.9", .number(-9_007_199_254_740_994)),
        Valid("12345678901234567890e-1", .number(1.2345678901234568e18)),
        Valid("9007199254740993.000000000000000000000000000001", .number(9_007_199_254_740_994)),
        Valid("9007199254740993.99999999999999999999999999999999999", .number(9_007_199_254_740_994)),
        Valid("123456789012345678901234567890", .number(1.2345678901234568e29)),
        Valid("1.7976931348623157e308", .number(.greatestFiniteMagnitude)),
        Valid("4.9e-324", .number(.leastNonzeroMagnitude)),
        // Strings and every escape
        Valid(#""""#, .string("")),
        Valid(#""abc""#, .string("abc")),
        Valid(#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{08}\u{0C}\n\r\t")),
        Valid(#""\u0041\u00e9\u20AC\u00E9""#, .string("Aé€é")),
        Valid(#""\uD83D\uDE00""#, .string("😀")),
        Valid(#""\ud83d\ude00""#, .string("😀")),
        Valid(#""\uDBFF\uDFFF""#, .string("\u{10FFFF}")),
        Valid(#""\u0000""#, .string("\u{0}")),
        Valid("\"é😀\u{7F}\"", .string("é😀\u{7F}")),
        Valid(#""aé\"b\u00e9😀\n""#, .string("aé\"bé😀\n")),
        // Arrays and objects
        Valid("[]", .array([])),
        Valid("{}", .object([:])),
        Valid("[ ]", .array([])),
        Valid("{ \n}", .object([:])),
        Valid(#"[1, "a", [true, null], {"b": []}]"#,
              .array([.integer(1), .string("a"), .array([.bool(true), .null]), .object(["b": .array([])])])),
        Valid(#" { "a" : { "b" : { "c" : [ 1 , 2.5 ] } } } "#,
              .object(["a": .object(["b": .object(["c": .array([.integer(1), .number(2.5)])])])])),
        Valid(#"{"a":1,"a":2}"#, .object(["a": .integer(1)])),
        Valid(#"{"a":2,"b":3,"a":1}"#, .object(["a": .integer(2), "b": .integer(3)])),
        Valid(#"{"": 0, "\u00e9": 1}"#, .object(["": .integer(0), "é": .integer(1)])),
    ]

    @Test("valid JSON reads to exactly this value", arguments: valid)
    func validText(_ entry: Valid) throws {
        #expect(try JSONValue.parse(entry.text.utf8) == entry.expected)
        // The copy for a collection without contiguous storage reads the same.
        #expect(try JSONValue.parse(entry.text.utf8.lazy.map { $0 }) == entry.expected)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var expected: JSONParseError
        init(_ text: String, _ reason: JSONParseError.Reason, at offset: Int) {
            self.init(Array(text.utf8), reason, at: offset)
        }
        init(_ bytes: [UInt8], _ reason: JSONParseError.Reason, at offset: Int) {
            self.bytes = bytes
            expected = JSONParseError(reason, at: offset)
        }
        var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }
    }

    static let invalid: [Invalid] = [
        Invalid("", .empty, at: 0),
        Invalid("  \n", .empty, at: 3),
        Invalid([0xEF, 0xBB, 0xBF], .empty, at: 3),
        // Structure
        Invalid("[1,]", .unexpectedByte, at: 3),
        Invalid(#"{"a":1,}"#, .unexpectedByte, at: 7),
        Invalid("[,1]", .unexpectedByte, at: 1),
        Invalid("[1 2]", .unexpectedByte, at: 3),
        Invalid(#"{"a" 1}"#, .unexpectedByte, at: 5),
        Invalid(#"{"a":1 "b":2}"#, .unexpectedByte, at: 7),
        Invalid("{1:2}", .unexpectedByte, at: 1),
        Invalid("{'a':1}", .unexpectedByte, at: 1),
        Invalid("[1}", .unexpectedByte, at: 2),
        Invalid("[", .unexpectedEnd, at: 1),
        Invalid("[1", .unexpectedEnd, at: 2),
        Invalid(#"{"a""#, .unexpectedEnd, at: 4),
        Invalid(#"{"a":"#, .unexpectedEnd, at: 5),
        Invalid("{} x", .trailingData, at: 3),
        Invalid("{}x", .trailingData, at: 2),
        Invalid("[1] [2]", .trailingData, at: 4),
        Invalid("1 2", .trailingData, at: 2),
        Invalid([0x5B, 0x31, 0x5D, 0x00], .trailingData, at: 3),
        // Whitespace other than space, tab, CR and LF
        Invalid("\u{0C}[1]", .unexpectedByte, at: 0),
        Invalid("\u{0B}[1]", .unexpectedByte, at: 0),
        Invalid("\u{A0}[1]", .unexpectedByte, at: 0),
        // Literals
        Invalid("tru", .unexpectedEnd, at: 3),
        Invalid("trux", .unexpectedByte, at: 3),
        Invalid("nul", .unexpectedEnd, at: 3),
        Invalid("True", .unexpectedByte, at: 0),
        Invalid("nan", .unexpectedByte, at: 1),
        // Numbers
        Invalid("01", .invalidNumber, at: 1),
        Invalid("-01", .invalidNumber, at: 2),
        Invalid("00", .invalidNumber, at: 1),
        Invalid("+1", .unexpectedByte, at: 0),
        Invalid(".5", .unexpectedByte, at: 0),
        Invalid("1.", .invalidNumber, at: 2),
        Invalid("1.e5", .invalidNumber, at: 2),
        Invalid("1e", .invalidNumber, at: 2),
        Invalid("1e+", .invalidNumber, at: 3),
        Invalid("-", .invalidNumber, at: 1),
        Invalid("-a", .invalidNumber, at: 1),
        Invalid("0x10", .trailingData, at: 1),
        Invalid("1e400", .numberOutOfRange, at: 0),
        Invalid("[-1e400]", .numberOutOfRange, at: 1),
        Invalid(String(repeating: "1", count: 400), .numberOutOfRange, at: 0),
        // Strings
        Invalid(#""abc"#, .unexpectedEnd, at: 4),
        Invalid(#"""#, .unexpectedEnd, at: 1),
        Invalid("\"a\tb\"", .controlCharacter, at: 2),
        Invalid("\"a\n\"", .controlCharacter, at: 2),
        Invalid("\"\\n\u{1F}\"", .controlCharacter, at: 3),
        Invalid(#""\x""#, .invalidEscape, at: 1),
        Invalid(#""\'""#, .invalidEscape, at: 1),
        Invalid(#""\U0041""#, .invalidEscape, at: 1),
        Invalid(#""\u12""#, .invalidUnicodeEscape, at: 1),
        Invalid(#""\u12g4""#, .invalidUnicodeEscape, at: 1),
        Invalid(#""\u12"#, .unexpectedEnd, at: 5),
        Invalid(#""\"#, .unexpectedEnd, at: 2),
        Invalid(#""\ud800""#, .loneSurrogate, at: 1),
        Invalid(#""\udc00""#, .loneSurrogate, at: 1),
        Invalid(#""\ud800x""#, .loneSurrogate, at: 1),
        Invalid(#""\ud800\n""#, .loneSurrogate, at: 1),
        Invalid(#""\ud800\u0041""#, .loneSurrogate, at: 1),
        Invalid(#""\ud800\ud800""#, .loneSurrogate, at: 1),
        Invalid(#""\udc00\ud800""#, .loneSurrogate, at: 1),
        Invalid(#""\ud800\"#, .unexpectedEnd, at: 8),
        Invalid([0x22, 0x61, 0xFF, 0x22], .invalidUTF8, at: 2),
        Invalid([0x22, 0xC0, 0xAF, 0x22], .invalidUTF8, at: 1),  // overlong "/"
        Invalid([0x22, 0xE0, 0x80, 0xAF, 0x22], .invalidUTF8, at: 1),  // overlong "/"
        Invalid([0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, at: 1),  // a surrogate in UTF-8
        Invalid([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, at: 1),  // above U+10FFFF
        Invalid([0x22, 0xE2, 0x82, 0x22], .invalidUTF8, at: 1),  // cut short
        Invalid([0x22, 0x80, 0x22], .invalidUTF8, at: 1),  // a lone continuation byte
        Invalid([0x22, 0x5C, 0x6E, 0xFF, 0x22], .invalidUTF8, at: 3),  // after an escape
        Invalid([0x22, 0xE2, 0x5C, 0x6E, 0x82, 0xAC, 0x22], .invalidUTF8, at: 1),  // split by an escape
        Invalid([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8, at: 2),  // in a key
        // UTF-16 and UTF-32 (RFC 8259 section 8.1: JSON exchanged between systems is UTF-8)
        Invalid([0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x31, 0x00, 0x5D], .unexpectedByte, at: 0),
        Invalid([0x5B, 0x00, 0x31, 0x00, 0x5D, 0x00], .unexpectedByte, at: 1),
        Invalid([0x00, 0x00, 0x00, 0x31], .unexpectedByte, at: 0),
        // Nesting
        Invalid(String(repeating: "[", count: 513) + String(repeating: "]", count: 513), .tooDeep, at: 512),
        Invalid(String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513), .tooDeep, at: 512 * 5),
    ]

    @Test("invalid JSON fails exactly so", arguments: invalid)
    func invalidText(_ entry: Invalid) {
        #expect(throws: entry.expected) { try JSONValue.parse(entry.bytes) }
        #expect(throws: entry.expected) { try JSONValue.parse(entry.bytes.lazy.map { $0 }) }
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = JSONValue.maximumDepth
        var value = try JSONValue.parse((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        var levels = 1
        while case .array(let elements) = value, let inner = elements.first {
            value = inner
            levels += 1
        }
        #expect(levels == depth)
        #expect(value == .array([]))
        let objects = String(repeating: #"{"a":"#, count: depth - 1) + "[1]" + String(repeating: "}", count: depth - 1)
        #expect(throws: Never.self) { try JSONValue.parse(objects.utf8) }
    }

    @Test("hostile nesting fails fast without recursion", arguments: [1_000, 5_000, 100_000])
    func hostileNesting(_ depth: Int) {
        let open = String(repeating: "[", count: depth)
        #expect(throws: JSONParseError(.tooDeep, at: 512)) { try JSONValue.parse((open + String(repeating: "]", count: depth)).utf8) }
        #expect(throws: JSONParseError(.tooDeep, at: 512)) { try JSONValue.parse(open.utf8) }
        let prefixed = #"{"error": "# + open
        #expect(throws: JSONParseError(.tooDeep, at: 10 + 511)) { try JSONValue.parse(prefixed.utf8) }
    }

    @Test func errorsDescribeThemselves() {
        #expect(JSONParseError(.trailingData, at: 3).description == "data after the JSON value at byte 3")
        #expect(JSONParseError(.tooDeep, at: 512).description == "arrays and objects nested more than 512 deep at byte 512")
    }

    // MARK: Whole documents

    /// Bodies as clients and the payment APIs send them, with every value spelled out.
    static let documents: [Valid] = [
        Valid(#"{"status": 400, "error": {"uuid": "2274eded-bb92-4813-94c1-ad323a69b064", "code": 2104, "message": "Insufficient funds", "traceId": "1d6973b1-8fcb-4dd8"}}"#,
              .object(["status": .integer(400), "error": .object([
                  "uuid": .string("2274eded-bb92-4813-94c1-ad323a69b064"), "code": .integer(2104),
                  "message": .string("Insufficient funds"), "traceId": .string("1d6973b1-8fcb-4dd8")])])),
        Valid(#"{"locale": "de-AT", "status": 422, "error": "{\"code\": 1034}", "args": {"afterSeconds": 5, "total": {"amount": 1999, "currency": "EUR"}}}"#,
              .object(["locale": .string("de-AT"), "status": .integer(422), "error": .string(#"{"code": 1034}"#),
                       "args": .object(["afterSeconds": .integer(5),
                                        "total": .object(["amount": .integer(1999), "currency": .string("EUR")])])])),
        Valid(#"{"code": 1001, "message": "Invalid input", "errors": [{"resource": "transaction", "field": "currency", "type": "invalid"}, {"resource": "customer", "field": "ip", "type": "missing"}]}"#,
              .object(["code": .integer(1001), "message": .string("Invalid input"), "errors": .array([
                  .object(["resource": .string("transaction"), "field": .string("currency"), "type": .string("invalid")]),
                  .object(["resource": .string("customer"), "field": .string("ip"), "type": .string("missing")])])])),
        Valid(#"[1e1, 1e15, 9.007199254740991e15, 0.5e1, 5e-1, 25e-1, 1234.5e2, 1234.5e1, -1e-5, -0.0e5, 18446744073709551615]"#,
              .array([.integer(10), .integer(1_000_000_000_000_000), .integer(9_007_199_254_740_991), .integer(5), .number(0.5),
                      .number(2.5), .integer(123_450), .integer(12_345), .number(-0.00001), .integer(0), .number(0x1p64)])),
        Valid(#"{"a": {"a": {"a": [[[], {}], [{"b": null}]]}}, "b": [true, false, null, "x", -0, 0.0]}"#,
              .object(["a": .object(["a": .object(["a": .array([.array([.array([]), .object([:])]), .array([.object(["b": .null])])])])]),
                       "b": .array([.bool(true), .bool(false), .null, .string("x"), .integer(0), .integer(0)])])),
    ]

    @Test("documents read to exactly this value", arguments: documents)
    func document(_ entry: Valid) throws {
        #expect(try JSONValue.parse(entry.text.utf8) == entry.expected)
    }
}
