/// The reader behind `JSONValue.parse`: one pass over the bytes, containers kept on explicit stacks rather
/// than on the call stack, so that nesting is bounded by `JSONValue.maximumDepth` and not by recursion.
struct JSONReader {
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
}
