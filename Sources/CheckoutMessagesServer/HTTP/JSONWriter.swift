/// Writes JSON into memory sized beforehand (by a counting pass through the same code): no capacity or
/// uniqueness check per part, which is what writing part by part into a `ByteBuffer` or an array cost.
/// Bounds are still checked.
struct JSONWriter {
    /// Where the bytes go; nil only counts them.
    private let memory: UnsafeMutableRawBufferPointer?
    private(set) var count = 0

    init(_ memory: UnsafeMutableRawBufferPointer?) { self.memory = memory }

    mutating func append(_ byte: UInt8) {
        if let memory {
            precondition(count < memory.count, "JSON larger than its counted size")
            memory[count] = byte
        }
        count += 1
    }

    mutating func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if let memory {
            precondition(bytes.count <= memory.count - count, "JSON larger than its counted size")
            if let base = bytes.baseAddress { (memory.baseAddress! + count).copyMemory(from: base, byteCount: bytes.count) }
        }
        count += bytes.count
    }

    mutating func appendInteger(_ value: Int64) {
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 19 digits and a sign
        withUnsafeMutableBytes(of: &digits) { scratch in
            var position = scratch.count
            repeat {
                position -= 1
                scratch[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                position -= 1
                scratch[position] = UInt8(ascii: "-")
            }
            append(UnsafeRawBufferPointer(rebasing: scratch[position...]))
        }
    }

    /// Text as written, without quotes (for numbers already formatted).
    mutating func appendString(unquoted text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// `text` as a JSON string: quotes, backslash and control characters escaped, the rest as UTF-8.
    mutating func appendString(_ text: String) {
        append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs that need no escape (usually the whole text) are copied at once.
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<index])))
                appendEscape(byte)
                runStart = index + 1
            }
            append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart...])))
        }
        append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte)
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        case 0x08: append(UInt8(ascii: "b"))
        case 0x0C: append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            append("u00")
            append(hex.utf8Start[Int(byte >> 4)])
            append(hex.utf8Start[Int(byte & 0xF)])
        }
    }
}
