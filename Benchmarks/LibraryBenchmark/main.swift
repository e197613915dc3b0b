// checkout-messages-benchmark: the library's cost per resolution against ICU4C's own cost for the same
// message, measured in the same process and run, as ratios.
//
// For each reference case the C++ baseline formats the exact pattern the library resolves to, on a warm
// ICU formatter, with the same arguments, to UTF-8 (the limit). The library side is a full resolution:
// locale negotiation, rule matching, argument checks, formatting, the Resolution value. Rounds alternate
// baseline and library; the report gives medians over the rounds and the ratio of the medians.
import CheckoutMessages
import Foundation
import ICUBaseline
import CICU

struct ReferenceCase {
    let name: String
    let locale: String
    let error: UpstreamError
    let arguments: MessageArguments
    let key: String
    let baselineArgument: String?
    let baselineValue: Int64
    let currency: String?
}

let arguments = CommandLine.arguments
let rounds = Int(arguments.first { $0.hasPrefix("--rounds=") }?.dropFirst(9) ?? "") ?? 21
let roundMilliseconds = Double(arguments.first { $0.hasPrefix("--round-ms=") }?.dropFirst(11) ?? "") ?? 40
/// `--case=N` runs only the N-th reference case (0-based), e.g. under a profiler.
let onlyCase = Int(arguments.first { $0.hasPrefix("--case=") }?.dropFirst(7) ?? "")

let catalog = try MessageCatalog.embedded()
let resolver = try Resolver(catalog: catalog)

let cases = [
    ReferenceCase(name: "plain decline, en", locale: "en", error: UpstreamError(status: 400, code: 1035), arguments: [:],
                  key: "decline.generic", baselineArgument: nil, baselineValue: 0, currency: nil),
    ReferenceCase(name: "plural (5 seconds), cs", locale: "cs", error: UpstreamError(status: 503), arguments: ["afterSeconds": 5],
                  key: "retry.transient.wait", baselineArgument: "afterSeconds", baselineValue: 5, currency: nil),
    ReferenceCase(name: "money (19.99 EUR), de", locale: "de", error: UpstreamError(status: 400, code: 1042),
                  arguments: ["available": .money(Money(minorUnits: 1999, currency: "EUR"))],
                  key: "refund.exceeds_available.amount", baselineArgument: "available", baselineValue: 1999, currency: "EUR"),
    // Beyond the integers direct formatting keeps formatted per locale (0 ..< 128): ICU's number pipeline on each
    // call. (A delay that long reads in minutes now, so the count is of attempts.)
    ReferenceCase(name: "plural (1234 attempts), cs", locale: "cs", error: UpstreamError(status: 400, type: "declined_by_three_ds"),
                  arguments: ["attemptsLeft": 1234], key: "auth.failed.attempts", baselineArgument: "attemptsLeft", baselineValue: 1234,
                  currency: nil),
]

nonisolated(unsafe) var sink = 0

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func nanoseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
}

/// Iterations that take about `milliseconds` for `body`.
func calibrate(milliseconds: Double, _ body: (Int) -> Void) -> Int {
    var iterations = 64
    while true {
        let start = ContinuousClock.now
        body(iterations)
        let elapsed = nanoseconds(ContinuousClock.now - start)
        if elapsed > milliseconds * 1e6 / 4 { return max(1, Int(Double(iterations) * milliseconds * 1e6 / elapsed)) }
        iterations *= 4
    }
}

/// Runs `body` on `threads` threads at once; returns the wall time of the slowest.
func concurrently(threads: Int, _ body: @escaping @Sendable (Int) -> Void) -> Double {
    let group = DispatchGroup()
    let start = ContinuousClock.now
    for index in 0..<threads {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
    return nanoseconds(ContinuousClock.now - start)
}

// `--profile=N`: only the library side of case N, for ~3 s, for a profiler (`perf record`, callgrind).
if let profiled = Int(arguments.first { $0.hasPrefix("--profile=") }?.dropFirst(10) ?? "") {
    let reference = cases[profiled]
    let seconds = Double(arguments.first { $0.hasPrefix("--seconds=") }?.dropFirst(10) ?? "") ?? 3
    let threads = Int(arguments.first { $0.hasPrefix("--threads=") }?.dropFirst(10) ?? "") ?? 1
    let end = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    _ = concurrently(threads: threads) { _ in
        let own = reference.arguments.reduce(into: MessageArguments()) { $0[$1.key] = $1.value }
        var count = 0
        while ContinuousClock.now < end {
            for _ in 0..<1000 { count &+= try! resolver.resolve(reference.error, locale: reference.locale, arguments: own).message.utf8.count }
        }
        if count == 42 { print("") }
    }
    print("\(reference.name): profiled on \(threads) thread(s)")
    exit(0)
}

func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }

print("checkout-messages library benchmark — \(rounds) rounds of ~\(Int(roundMilliseconds)) ms per side, medians")
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)")
print("")
print(pad("case", 26) + pad("ICU4C ns/op", 13) + pad("library ns/op", 15) + pad("ratio", 8) + "bar ≤ 1.5")
var allPass = true
var scalingRows: [String] = []
for (caseIndex, reference) in cases.enumerated() where onlyCase == nil || onlyCase == caseIndex {
    let negotiated = try catalog.negotiate(tag: reference.locale)
    let resolution = try resolver.resolve(reference.error, locale: reference.locale, arguments: reference.arguments)
    guard resolution.key == reference.key, let pattern = catalog.patterns(for: negotiated.tag)[reference.key] else {
        fatalError("\(reference.name): resolved \(resolution.key), expected \(reference.key)")
    }
    guard let baseline = icu_baseline_create(reference.locale, pattern, reference.baselineArgument, reference.currency) else {
        fatalError("\(reference.name): ICU refused the pattern")
    }
    defer { icu_baseline_destroy(baseline) }
    var buffer = [CChar](repeating: 0, count: 1024)
    let length = icu_baseline_format_once(baseline, reference.baselineValue, &buffer, 1024)
    let baselineText = String(decoding: buffer[0..<Int(max(length, 0))].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard baselineText == resolution.message else {
        fatalError("\(reference.name): texts differ\n  ICU:     \(baselineText)\n  library: \(resolution.message)")
    }
    let error = reference.error
    let locale = reference.locale
    let messageArguments = reference.arguments
    let library: (Int) -> Void = { iterations in
        for _ in 0..<iterations {
            sink &+= try! resolver.resolve(error, locale: locale, arguments: messageArguments).message.utf8.count
        }
    }
    var checksum: Int64 = 0
    let iterations = calibrate(milliseconds: roundMilliseconds, library)
    var baselineSamples: [Double] = []
    var librarySamples: [Double] = []
    for _ in 0..<rounds {
        baselineSamples.append(Double(icu_baseline_run(baseline, Int64(iterations), reference.baselineValue, &checksum)) / Double(iterations))
        let start = ContinuousClock.now
        library(iterations)
        librarySamples.append(nanoseconds(ContinuousClock.now - start) / Double(iterations))
    }
    sink &+= Int(checksum)
    let baselineNs = median(baselineSamples)
    let libraryNs = median(librarySamples)
    let ratio = libraryNs / baselineNs
    allPass = allPass && ratio <= 1.5
    print(pad(reference.name, 26) + pad(String(format: "%.0f", baselineNs), 13) + pad(String(format: "%.0f", libraryNs), 15)
          + pad(String(format: "%.2f", ratio), 8) + (ratio <= 1.5 ? "pass" : "FAIL"))

    // Two threads at once: throughput must scale (no single lock), against ICU's own scaling.
    let threadIterations = iterations * 4
    // Each thread builds its own arguments, as each request would (a shared dictionary would add a
    // reference count that both threads touch, which no service has).
    let single = concurrently(threads: 1) { _ in
        let own = messageArguments.reduce(into: MessageArguments()) { $0[$1.key] = $1.value }
        for _ in 0..<threadIterations { _ = try! resolver.resolve(error, locale: locale, arguments: own) }
    }
    let double = concurrently(threads: 2) { _ in
        let own = messageArguments.reduce(into: MessageArguments()) { $0[$1.key] = $1.value }
        for _ in 0..<threadIterations { _ = try! resolver.resolve(error, locale: locale, arguments: own) }
    }
    let baselineValue = reference.baselineValue
    let baselineArgument = reference.baselineArgument
    let currency = reference.currency
    let icuSingle = concurrently(threads: 1) { _ in
        var sum: Int64 = 0
        let own = icu_baseline_create(locale, pattern, baselineArgument, currency)
        _ = icu_baseline_run(own, Int64(threadIterations), baselineValue, &sum)
        icu_baseline_destroy(own)
    }
    let icuDouble = concurrently(threads: 2) { _ in
        var sum: Int64 = 0
        let own = icu_baseline_create(locale, pattern, baselineArgument, currency)
        _ = icu_baseline_run(own, Int64(threadIterations), baselineValue, &sum)
        icu_baseline_destroy(own)
    }
    scalingRows.append(pad(reference.name, 26) + pad(String(format: "%.2f×", 2 * single / double), 20)
                       + String(format: "%.2f×", 2 * icuSingle / icuDouble))
}

print("")
print("throughput with 2 threads ÷ 1 thread (2.00× = perfect scaling)")
print(pad("case", 26) + pad("library", 20) + "ICU4C (own formatter per thread)")
for row in scalingRows { print(row) }

// Decoding included: the raw upstream body as it comes off the wire.
let body = Array(#"{"uuid": "2274eded-bb92-4813-94c1-ad323a69b064", "code": 2104, "message": "Insufficient funds", "traceId": "1d6973b1-8fcb-4dd8-8356-557a369a5ba0"}"#.utf8)
let decodeAndResolve: (Int) -> Void = { iterations in
    for _ in 0..<iterations {
        sink &+= try! resolver.resolve(UpstreamError(status: 400, body: body), locale: "de").message.utf8.count
    }
}
let decodeIterations = calibrate(milliseconds: roundMilliseconds, decodeAndResolve)
var decodeSamples: [Double] = []
for _ in 0..<rounds {
    let start = ContinuousClock.now
    decodeAndResolve(decodeIterations)
    decodeSamples.append(nanoseconds(ContinuousClock.now - start) / Double(decodeIterations))
}
print("")
print(String(format: "raw JSON body → decode → resolve (de): %.0f ns/op", median(decodeSamples)))
print("")
print(allPass ? "library bar met: every ratio ≤ 1.5" : "library bar NOT met")
if sink == 42 { print("") }  // keeps the results observable

// `--breakdown`: where the time of the plural and money cases goes (negotiation, ICU through the C shim,
// the Swift String, the message alone, resolving in an already negotiated locale, the full call).
if arguments.contains("--breakdown") {
    func time(_ label: String, _ body: (Int) -> Void) {
        let iterations = calibrate(milliseconds: roundMilliseconds, body)
        var samples: [Double] = []
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            body(iterations)
            samples.append(nanoseconds(ContinuousClock.now - start) / Double(iterations))
        }
        print(pad(label, 52) + String(format: "%.0f ns", median(samples)))
    }
    for reference in cases.dropFirst() {
        let negotiated = try catalog.negotiate(tag: reference.locale)
        let pattern = catalog.patterns(for: negotiated.tag)[reference.key]!
        let message = try CompiledMessage(pattern: pattern, locale: negotiated.tag)
        var status = cicu_status(code: 0, offset: -1)
        let handle = pattern.withCString { cicu_message_format_create(reference.locale, $0, Int32(pattern.utf8.count), &status) }
        defer { cicu_message_format_destroy(handle) }
        let code = Array((reference.currency ?? "").utf8CString)
        var output = [CChar](repeating: 0, count: 1024)
        print("")
        print("\(reference.name): where the time goes")
        code.withUnsafeBufferPointer { currency in
            var argument = reference.currency == nil
                ? cicu_argument(kind: Int32(CICU_ARGUMENT_INTEGER.rawValue), length: 0, integer: reference.baselineValue, number: 0, text: nil)
                : cicu_argument(kind: Int32(CICU_ARGUMENT_MONEY.rawValue), length: 3, integer: reference.baselineValue, number: 0,
                                text: currency.baseAddress)
            time("  C shim through MessageFormat::format (no String)") { iterations in
                for _ in 0..<iterations {
                    sink &+= Int(cicu_message_format_format_with_message_format(handle, &argument, 1, &output, 1024, &status))
                }
            }
            time("  C shim, direct formatting (no String)") { iterations in
                for _ in 0..<iterations { sink &+= Int(cicu_message_format_format(handle, &argument, 1, &output, 1024, &status)) }
            }
            time("  C shim, direct formatting + String(decoding:)") { iterations in
                for _ in 0..<iterations {
                    let length = Int(cicu_message_format_format(handle, &argument, 1, &output, 1024, &status))
                    sink &+= output.withUnsafeBufferPointer {
                        String(decoding: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer($0)[0..<length]), as: UTF8.self)
                    }.utf8.count
                }
            }
        }
        let messageArguments = reference.arguments
        let name = reference.baselineArgument!
        time("  CompiledMessage.format([\(name): …])") { for _ in 0..<$0 { sink &+= (try? message.format(messageArguments))?.utf8.count ?? 0 } }
        time("  negotiate(tag: \"\(reference.locale)\")") { for _ in 0..<$0 { sink &+= (try? catalog.negotiate(tag: reference.locale))?.tag.identifier.utf8.count ?? 0 } }
        let error = reference.error
        time("  resolve(_:in: negotiated, arguments:)") { for _ in 0..<$0 { sink &+= resolver.resolve(error, in: negotiated, arguments: messageArguments).message.utf8.count } }
        time("  resolve(_:locale:arguments:) (the benchmarked call)") { for _ in 0..<$0 {
            sink &+= try! resolver.resolve(error, locale: reference.locale, arguments: messageArguments).message.utf8.count } }
    }
}
