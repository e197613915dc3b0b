import Foundation
import Testing

@testable import CheckoutMessages

/// The repository root, found from this file's location (tests read `locales/` and fixtures from it).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The shipped catalog and rules, loaded once for all tests (loading is what every process does once).
let shippedCatalog: MessageCatalog = {
    do { return try MessageCatalog.embedded() } catch { fatalError("embedded catalog: \(error)") }
}()
let shippedResolver: Resolver = {
    do { return try Resolver(catalog: shippedCatalog) } catch { fatalError("embedded rules: \(error)") }
}()

/// The source catalog text as the repository holds it.
func sourceCatalogText() throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent("locales/en.yaml"), encoding: .utf8)
}

func fixtureText(_ path: String) throws -> String {
    try String(contentsOf: fixturesDirectory.appendingPathComponent(path), encoding: .utf8)
}

extension Resolution {
    /// The JSON a service would send, with sorted keys so that equal resolutions give equal bytes.
    var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
