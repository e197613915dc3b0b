import FuzzDriver
@testable import CheckoutMessagesServer

/// libFuzzer target: the GET query reader (percent-decoding, `arg.NAME` pairs, typed parameters)
/// accepts or refuses any query string with a problem, never a crash.
func fuzzQuery(_ bytes: UnsafeBufferPointer<UInt8>) {
    let target = "/v1/resolve?" + String(decoding: bytes, as: UTF8.self)
    let query = QueryString.query(of: target)
    _ = QueryString.pairs(query)
    _ = try? ResolveRequest(query: query)
}

runFuzzer { data, size in
    fuzzQuery(input(data, size))
    return 0
}
