import FuzzDriver
import CheckoutMessages

/// libFuzzer target: the strict JSON reader never crashes, and reading the same bytes twice gives the
/// same value (no state leaks between documents).
func fuzzJSON(_ bytes: UnsafeBufferPointer<UInt8>) {
    let first = try? JSONValue.parse(bytes)
    let second = try? JSONValue.parse(bytes)
    precondition(first == second, "the reader is not deterministic")
}

runFuzzer { data, size in
    fuzzJSON(input(data, size))
    return 0
}
