import CheckoutMessages
import NIOCore

/// Where JSON is written: a byte array, or the response's `ByteBuffer` directly (one copy less).
protocol JSONOutput {
    mutating func append(_ byte: UInt8)
    mutating func append<Bytes: Collection<UInt8>>(contentsOf bytes: Bytes)
}

extension [UInt8]: JSONOutput {}

extension ByteBuffer: JSONOutput {
    mutating func append(_ byte: UInt8) { writeInteger(byte) }
    mutating func append<Bytes: Collection<UInt8>>(contentsOf bytes: Bytes) { writeBytes(bytes) }
}

extension Resolution {
    /// The resolution as JSON bytes, with sorted keys, identical to `JSONEncoder` output with
    /// `.sortedKeys` and `.withoutEscapingSlashes`, written directly: this is the hot path of the service.
    var jsonBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(jsonCapacity)
        writeJSON(to: &out)
        return out
    }

    /// The same JSON in a buffer, for a response body.
    var jsonBuffer: ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(jsonCapacity)
        writeJSON(to: &buffer)
        return buffer
    }

    private var jsonCapacity: Int { 128 + message.utf8.count + fields.reduce(0) { $0 + $1.message.utf8.count + 40 } }

    private func writeJSON(to out: inout some JSONOutput) {
        out.append(contentsOf: #"{"direction":"#.utf8)
        out.appendJSONString(direction.rawValue)
        out.append(contentsOf: #","fields":["#.utf8)
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"field":"#.utf8)
            out.appendJSONString(field.field)
            out.append(contentsOf: #","message":"#.utf8)
            out.appendJSONString(field.message)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: #"],"key":"#.utf8)
        out.appendJSONString(key)
        out.append(contentsOf: #","locale":"#.utf8)
        out.appendJSONString(locale)
        out.append(contentsOf: #","message":"#.utf8)
        out.appendJSONString(message)
        out.append(contentsOf: #","presentation":"#.utf8)
        out.appendJSONString(presentation.rawValue)
        if let reference {
            out.append(contentsOf: #","reference":"#.utf8)
            out.appendJSONString(reference)
        }
        if let retry {
            out.append(contentsOf: #","retry":{"#.utf8)
            if let afterSeconds = retry.afterSeconds {
                out.append(contentsOf: #""afterSeconds":"#.utf8)
                if afterSeconds.rounded() == afterSeconds, abs(afterSeconds) < 1e15 {
                    out.append(contentsOf: String(Int64(afterSeconds)).utf8)
                } else {
                    out.append(contentsOf: "\(afterSeconds)".utf8)
                }
                out.append(UInt8(ascii: ","))
            }
            out.append(contentsOf: #""sameMethod":"#.utf8)
            out.append(contentsOf: (retry.sameMethod ? "true" : "false").utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
    }
}

extension JSONOutput {
    /// Appends `text` as a JSON string: quotes, backslash and control characters escaped, the rest as UTF-8.
    mutating func appendJSONString(_ text: String) {
        append(UInt8(ascii: "\""))
        // The usual text needs no escape: copy it whole.
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            self.append(contentsOf: bytes)
            return true
        } ?? false
        if copied {
            append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }
}
