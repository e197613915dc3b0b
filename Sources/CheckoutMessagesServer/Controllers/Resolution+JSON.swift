import CheckoutMessages
import NIOCore

extension Resolution {
    /// The resolution as JSON bytes, with sorted keys, identical to `JSONEncoder` output with
    /// `.sortedKeys` and `.withoutEscapingSlashes`, written directly: this is the hot path of the service.
    var jsonBytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: jsonLength) { buffer, count in
            var writer = JSONWriter(UnsafeMutableRawBufferPointer(buffer))
            writeJSON(to: &writer)
            count = writer.count
        }
    }

    /// The same JSON in a buffer, for a response body: written into the buffer's memory in one go.
    var jsonBuffer: ByteBuffer {
        let length = jsonLength
        var buffer = ByteBufferAllocator().buffer(capacity: length)
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: length) { memory in
            var writer = JSONWriter(memory)
            writeJSON(to: &writer)
            return writer.count
        }
        return buffer
    }

    /// The JSON's exact size, from a pass that only counts. (An upper bound at six bytes per text byte was
    /// ~1 KB, which NIO rounds up to a 2 KB allocation: beyond glibc's per-thread cache, and the event loop
    /// thread frees it, not the thread that allocated it.)
    private var jsonLength: Int {
        var counter = JSONWriter(nil)
        writeJSON(to: &counter)
        return counter.count
    }

    private func writeJSON(to out: inout JSONWriter) {
        out.append(#"{"direction":"#)
        out.appendString(direction.rawValue)
        out.append(#","fields":["#)
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(#"{"field":"#)
            out.appendString(field.field)
            out.append(#","message":"#)
            out.appendString(field.message)
            out.append(UInt8(ascii: "}"))
        }
        out.append(#"],"key":"#)
        out.appendString(key)
        out.append(#","locale":"#)
        out.appendString(locale)
        out.append(#","message":"#)
        out.appendString(message)
        out.append(#","presentation":"#)
        out.appendString(presentation.rawValue)
        if let reference {
            out.append(#","reference":"#)
            out.appendString(reference)
        }
        if let retry {
            out.append(#","retry":{"#)
            if let afterSeconds = retry.afterSeconds {
                out.append(#""afterSeconds":"#)
                if afterSeconds.rounded() == afterSeconds, abs(afterSeconds) < 1e15 {
                    out.appendInteger(Int64(afterSeconds))
                } else {
                    out.appendString(unquoted: "\(afterSeconds)")  // as JSONEncoder writes a Double
                }
                out.append(UInt8(ascii: ","))
            }
            out.append(#""sameMethod":"#)
            out.append(retry.sameMethod ? "true" : "false")
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
    }
}

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
