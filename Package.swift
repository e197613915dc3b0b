// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "CheckoutMessages",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CheckoutMessages", targets: ["CheckoutMessages"]),
        .library(name: "CheckoutMessagesServer", targets: ["CheckoutMessagesServer"]),
        .executable(name: "checkout-messages", targets: ["checkout-messages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in the graph through Hummingbird; named so that the server's NIO imports are declared.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `swift package generate-documentation --target CheckoutMessages` (the DocC catalog); a plugin only.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // The only code that touches ICU4C. Its public header is plain C with opaque handles, so no
        // `<unicode/*.h>` reaches Swift (the toolchain's own `_FoundationICU` would clash with it).
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
                .linkedLibrary("stdc++"),
            ]
        ),
        .target(
            name: "CheckoutMessages",
            dependencies: ["CICU", .product(name: "Yams", package: "Yams")],
            plugins: [.plugin(name: "EmbedResourcesPlugin")]
        ),
        // The HTTP face: thin controllers over the library, plus HTTP manners and operations.
        .target(
            name: "CheckoutMessagesServer",
            dependencies: [
                "CheckoutMessages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            plugins: [.plugin(name: "EmbedResourcesPlugin")]
        ),
        .executableTarget(
            name: "checkout-messages",
            dependencies: [
                "CheckoutMessages",
                "CheckoutMessagesServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool: turns `locales/*.yaml` and `rules/*.yaml` into Swift source so the library
        // and binary work from any directory, while those folders stay the one source of truth.
        .executableTarget(name: "EmbedResources"),
        .plugin(
            name: "EmbedResourcesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedResources"]
        ),
        .testTarget(
            name: "CheckoutMessagesTests",
            dependencies: ["CheckoutMessages"],
            exclude: ["Fixtures", "Renderings"]
        ),
        .testTarget(
            name: "CheckoutMessagesServerTests",
            dependencies: [
                "CheckoutMessagesServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)

// Benchmarks (BENCHMARKS.md) are built only when asked for, as Hummingbird does with its own: `swift test`
// and library users never compile the C++ ICU loop or the bare server. The `make benchmark-*` targets set it.
if Context.environment["CHECKOUT_MESSAGES_BENCHMARKS"] != nil {
    package.targets += [
        // The ICU4C loop the library is measured against, in C++ as ICU's own users would write it.
        .target(
            name: "ICUBaseline",
            path: "Benchmarks/ICUBaseline",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"), .linkedLibrary("stdc++")]
        ),
        .executableTarget(
            name: "checkout-messages-benchmark",
            dependencies: ["CheckoutMessages", "ICUBaseline", "CICU"],
            path: "Benchmarks/LibraryBenchmark"
        ),
        // The hello-world Hummingbird app the HTTP benchmark compares the service with.
        .executableTarget(
            name: "checkout-messages-bare-server",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/BareServer"
        ),
    ]
}

// libFuzzer targets (Fuzz/, `make fuzz`, FUZZING.md): declared only when CHECKOUT_MESSAGES_FUZZ is set, and
// built by scripts/fuzz.sh with AddressSanitizer and coverage instrumentation in a build folder of their own,
// linked with libFuzzer without its `main` (SwiftPM executables bring their own, which runs the driver).
if Context.environment["CHECKOUT_MESSAGES_FUZZ"] != nil {
    let fuzzTargets: [(name: String, folder: String, dependencies: [Target.Dependency])] = [
        ("fuzz-json", "FuzzJSON", ["CheckoutMessages"]),
        ("fuzz-upstream", "FuzzUpstream", ["CheckoutMessages"]),
        ("fuzz-query", "FuzzQuery", ["CheckoutMessagesServer"]),
        ("fuzz-locale-tags", "FuzzLocaleTags", ["CheckoutMessages"]),
        ("fuzz-locale-file", "FuzzLocaleFile", ["CheckoutMessages"]),
        ("fuzz-differential", "FuzzDifferential", ["CheckoutMessages"]),
    ]
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
    package.targets += fuzzTargets.map { target in
        .executableTarget(name: target.name, dependencies: target.dependencies + ["FuzzDriver"], path: "Fuzz/\(target.folder)")
    }
}
