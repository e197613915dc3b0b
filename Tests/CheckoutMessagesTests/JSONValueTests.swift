import Foundation
import Testing

@testable import CheckoutMessages

@Suite("Reading JSON")
struct JSONValueTests {
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
        // Numbers, each in the case JSONDecoder gave it
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
        Valid("1e18", .integer(1_000_000_000_000_000_000)),
        Valid("9007199254740993.0", .integer(9_007_199_254_740_993)),
        Valid("9007199254740993.5", .integer(9_007_199_254_740_993)),
        Valid("-9007199254740993.9", .integer(-9_007_199_254_740_993)),
        Valid("12345678901234567890e-1", .integer(1_234_567_890_123_456_789)),
        Valid("9007199254740993.000000000000000000000000000001", .integer(9_007_199_254_740_993)),
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
        /// Foundation's `JSONDecoder` read this; the reader refuses it on purpose.
        var jsonDecoderAccepted = false
        init(_ text: String, _ reason: JSONParseError.Reason, at offset: Int, jsonDecoderAccepted: Bool = false) {
            self.init(Array(text.utf8), reason, at: offset, jsonDecoderAccepted: jsonDecoderAccepted)
        }
        init(_ bytes: [UInt8], _ reason: JSONParseError.Reason, at offset: Int, jsonDecoderAccepted: Bool = false) {
            self.bytes = bytes
            expected = JSONParseError(reason, at: offset)
            self.jsonDecoderAccepted = jsonDecoderAccepted
        }
        var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }
    }

    static let invalid: [Invalid] = [
        Invalid("", .empty, at: 0),
        Invalid("  \n", .empty, at: 3),
        Invalid([0xEF, 0xBB, 0xBF], .empty, at: 3),
        // Structure
        Invalid("[1,]", .unexpectedByte, at: 3, jsonDecoderAccepted: true),
        Invalid(#"{"a":1,}"#, .unexpectedByte, at: 7, jsonDecoderAccepted: true),
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
        // UTF-16 and UTF-32, which JSONDecoder detected and converted
        Invalid([0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x31, 0x00, 0x5D], .unexpectedByte, at: 0, jsonDecoderAccepted: true),
        Invalid([0x5B, 0x00, 0x31, 0x00, 0x5D, 0x00], .unexpectedByte, at: 1, jsonDecoderAccepted: true),
        Invalid([0x00, 0x00, 0x00, 0x31], .unexpectedByte, at: 0, jsonDecoderAccepted: true),
        // Nesting
        Invalid(String(repeating: "[", count: 513) + String(repeating: "]", count: 513), .tooDeep, at: 512),
        Invalid(String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513), .tooDeep, at: 512 * 5),
    ]

    @Test("invalid JSON fails exactly so", arguments: invalid)
    func invalidText(_ entry: Invalid) {
        #expect(throws: entry.expected) { try JSONValue.parse(entry.bytes) }
        #expect(throws: entry.expected) { try JSONValue.parse(entry.bytes.lazy.map { $0 }) }
        // JSONDecoder refused it too, unless it is one of the documented differences.
        #expect((JSONDecoderOracle.decode(entry.bytes) != nil) == entry.jsonDecoderAccepted)
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

    // MARK: Against Foundation's JSONDecoder

    static let handwritten: [String] = valid.map(\.text) + [
        #"{"status": 400, "error": {"uuid": "2274eded-bb92-4813-94c1-ad323a69b064", "code": 2104, "message": "Insufficient funds", "traceId": "1d6973b1-8fcb-4dd8"}}"#,
        #"{"locale": "de-AT", "status": 422, "error": "{\"code\": 1034}", "args": {"afterSeconds": 5, "total": {"amount": 1999, "currency": "EUR"}}}"#,
        #"{"code": 1001, "message": "Invalid input", "errors": [{"resource": "transaction", "field": "currency", "type": "invalid"}, {"resource": "customer", "field": "ip", "type": "missing"}]}"#,
        #"[1e1, 1e15, 1e16, 1e17, 9.007199254740993e15, 9007199254740992, 9007199254740992.0, 9007199254740991.9, -1e-5]"#,
        #"[0.5e1, 5e-1, 25e-1, 1234.5e2, 1234.5e1, 12345678901234567.25, 922337203685477580.75e1, 9223372036854775295.0]"#,
        #"[9223372036854775296.0, -9223372036854775807.0, -922337203685477580.8e1, 1152921504606846977.5e0, 10000000000000001e0]"#,
        #"[100000000000000000000000000000000000000000001e-27, 0.9007199254740993e16, 123456789012345678.9, -0.0e5, 18446744073709551615]"#,
        #"[18446744073709551616.5, 9007199254740993.123456789, 90071992547409930000e-4, 900719925474099300000000000000000000000e-23]"#,
        #"{"a": {"a": {"a": [[[], {}], [{"b": null}]]}}, "b": [true, false, null, "x", -0, 0.0]}"#,
    ]

    @Test("the reader agrees with JSONDecoder on handwritten documents", arguments: handwritten)
    func agreesOnHandwritten(_ text: String) throws {
        let expected = try #require(JSONDecoderOracle.decode(Array(text.utf8)))
        #expect(try JSONValue.parse(text.utf8) == expected)
    }

    @Test("the reader agrees with JSONDecoder on generated documents")
    func agreesOnGenerated() throws {
        var generator = DocumentGenerator(seed: 0x5EED_CAFE)
        for _ in 0..<3_000 {
            let text = generator.document()
            let expected = try #require(JSONDecoderOracle.decode(Array(text.utf8)), "JSONDecoder refused \(text)")
            let actual = try JSONValue.parse(text.utf8)
            #expect(actual == expected, "\(text)")
        }
    }

    @Test("the reader agrees with JSONDecoder on generated numbers")
    func agreesOnGeneratedNumbers() throws {
        var generator = DocumentGenerator(seed: 2104)
        for _ in 0..<20_000 {
            let text = generator.number()
            let expected = try #require(JSONDecoderOracle.decode(Array(text.utf8)), "JSONDecoder refused \(text)")
            #expect(try JSONValue.parse(text.utf8) == expected, "\(text)")
        }
    }
}

/// The `Decodable` reading the server used before `JSONValue.parse`, kept here only as the reference.
private enum OldJSONValueForTests: Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([OldJSONValueForTests])
    case object([String: OldJSONValueForTests])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([OldJSONValueForTests].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: OldJSONValueForTests].self))
        }
    }

    var value: JSONValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .integer(value)
        case .number(let value): .number(value)
        case .string(let value): .string(value)
        case .array(let values): .array(values.map(\.value))
        case .object(let members): .object(members.mapValues(\.value))
        }
    }
}

enum JSONDecoderOracle {
    /// What the old `JSONDecoder` path read, or nil where it failed.
    static func decode(_ bytes: [UInt8]) -> JSONValue? {
        (try? JSONDecoder().decode(OldJSONValueForTests.self, from: Data(bytes)))?.value
    }
}

/// Random JSON texts with escapes, whitespace, repeated member names and numbers of every kind,
/// reproducible from the seed.
struct DocumentGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    private mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(below(10))) })
    }

    private mutating func whitespace() -> String {
        String((0..<below(3)).map { _ in [" ", "\t", "\r", "\n"][below(4)] })
    }

    mutating func document() -> String {
        whitespace() + value(depth: 0) + whitespace()
    }

    private mutating func value(depth: Int) -> String {
        switch below(depth >= 4 ? 6 : 9) {
        case 0: return ["null", "true", "false"][below(3)]
        case 1, 2: return number()
        case 3, 4, 5: return string()
        case 6: return "[" + whitespace() + (0..<below(4)).map { _ in value(depth: depth + 1) }.joined(separator: whitespace() + "," + whitespace()) + whitespace() + "]"
        default:
            let members = (0..<below(5)).map { _ in
                string(fromPool: true) + whitespace() + ":" + whitespace() + value(depth: depth + 1)
            }
            return "{" + whitespace() + members.joined(separator: whitespace() + "," + whitespace()) + whitespace() + "}"
        }
    }

    private mutating func string(fromPool: Bool = false) -> String {
        if fromPool { return ["\"code\"", "\"uuid\"", "\"a\"", "\"\\u0061\"", "\"é\"", "\"\\u00e9\"", "\"\""][below(7)] }
        let pieces = [
            "a", "Z", "0", " ", "é", "€", "😀", "ß", "\u{7F}", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
            "\\u0041", "\\u00E9", "\\u20ac", "\\uD83D\\uDE00", "\\udbff\\udfff", "\\u0000", "\\u001f",
        ]
        return "\"" + (0..<below(8)).map { _ in pieces[below(pieces.count)] }.joined() + "\""
    }

    /// Digits without a leading zero (unless just "0").
    private mutating func integerPart(length: Int) -> String {
        length == 1 ? String(below(10)) : String(1 + below(9)) + digits(length - 1)
    }

    mutating func number() -> String {
        let sign = below(3) == 0 ? "-" : ""
        switch below(9) {
        case 0: return String(Int64(bitPattern: next()))
        case 1: return sign + integerPart(length: 1 + below(4))
        case 2: return sign + integerPart(length: 1 + below(6)) + "." + digits(1 + below(6))
        case 3: return sign + integerPart(length: 1 + below(4)) + ["e", "E"][below(2)] + ["", "+", "-"][below(3)] + String(below(30))
        case 4:
            // From 2^53 to 2^63 and a little beyond, where JSONDecoder turned to Decimal.
            let magnitude = (UInt64(1) << 53) + next() % ((UInt64(1) << 63) + 4096 - (UInt64(1) << 53))
            let fraction = below(2) == 0 ? "" : "." + digits(1 + below(24))
            return sign + String(magnitude) + fraction
        case 5:
            let text = integerPart(length: 16 + below(6)) + "." + digits(below(3) + 1)
            return sign + text + (below(2) == 0 ? "" : "e" + ["", "+", "-"][below(3)] + String(below(4)))
        case 6: return sign + integerPart(length: 17 + below(10))
        case 7: return ["0", "-0", "0.0", "-0.0", "0e0", "-0E-0", "0.000", "1.000", "1.0e2", "25e-1", "1e-400", "-1e-400"][below(12)]
        default:
            let text = "0." + String(repeating: "0", count: below(20)) + integerPart(length: 1 + below(19))
            return sign + text + "e" + String(below(40))
        }
    }
}
