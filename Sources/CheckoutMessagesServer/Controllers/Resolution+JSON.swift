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
