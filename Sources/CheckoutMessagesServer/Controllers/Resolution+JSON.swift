import CheckoutMessages

extension Resolution {
    /// The resolution as JSON bytes, with sorted keys, identical to `JSONEncoder` output with
    /// `.sortedKeys` and `.withoutEscapingSlashes`, written directly: this is the hot path of the service.
    var jsonBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128 + message.utf8.count + fields.reduce(0) { $0 + $1.message.utf8.count + 40 })
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
        return out
    }
}

extension [UInt8] {
    /// Appends `text` as a JSON string: quotes, backslash and control characters escaped, the rest as UTF-8.
    mutating func appendJSONString(_ text: String) {
        append(UInt8(ascii: "\""))
        // The usual text needs no escape: copy it whole.
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            append(contentsOf: bytes)
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
