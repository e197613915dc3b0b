/// Numbers (RFC 8259 section 6).
extension JSONReader {
    /// A number whose first byte (`-` or a digit) is at the index.
    mutating func readNumber() throws(JSONParseError) -> JSONValue {
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

        guard let double = Double(String(decoding: text, as: UTF8.self)) else {
            throw JSONParseError(.invalidNumber, at: start)
        }
        guard double.isFinite else { throw JSONParseError(.numberOutOfRange, at: start) }
        // Below 2^53 every whole number is exact as a Double, so `5.0` and `1e3` mean 5 and 1000; above, a
        // Double stands for many texts and no consumer takes such a number as a count or an amount.
        if double.magnitude < 0x1p53, let integer = Int64(exactly: double) { return .integer(integer) }
        return .number(double)
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
}
