import CheckoutMessages
import Foundation
import Logging
import Synchronization

/// A JSON body computed once per catalog generation, with its strong ETag.
struct JSONDocument: Sendable {
    let bytes: [UInt8]
    let etag: String

    init(_ value: some Encodable) {
        bytes = Array((try? JSONCoding.encoder.encode(value)) ?? Data("{}".utf8))
        etag = ETag.strong(for: bytes)
    }
}

/// What the service answers from: a resolver and the documents derived from its catalog. Immutable; a
/// reload replaces the whole snapshot at once, so a request always sees one consistent catalog.
final class CatalogSnapshot: Sendable {
    let resolver: Resolver
    let catalogDocuments: [String: JSONDocument]
    let localesDocument: JSONDocument

    var catalog: MessageCatalog { resolver.catalog }

    init(resolver: Resolver) {
        self.resolver = resolver
        let catalog = resolver.catalog
        var documents: [String: JSONDocument] = [:]
        for tag in catalog.locales {
            documents[tag.identifier] = JSONDocument(CatalogDocument(catalog: catalog, tag: tag))
        }
        catalogDocuments = documents
        localesDocument = JSONDocument(LocalesDocument(catalog: catalog))
    }

    /// Loads the embedded catalog, or the folder's.
    static func load(directory: String?, defaultLocale: String) throws -> CatalogSnapshot {
        let catalog = try directory.map { try MessageCatalog(directory: $0, defaultLocale: defaultLocale) }
            ?? MessageCatalog.embedded(defaultLocale: defaultLocale)
        return CatalogSnapshot(resolver: try Resolver(catalog: catalog))
    }
}

/// Holds the current snapshot; `SIGHUP` swaps in a new one only if it validates without errors.
final class CatalogStore: Sendable {
    // The mutex holds a reference: a large struct stored inline in `Mutex` crashed debug builds of
    // Swift 6.3.1 under parallel tests (seen as null witness tables in unrelated code).
    private let state: Mutex<CatalogSnapshot>
    let directory: String?
    let defaultLocale: String

    init(directory: String?, defaultLocale: String, logger: Logger) throws {
        let snapshot = try CatalogSnapshot.load(directory: directory, defaultLocale: defaultLocale)
        for diagnostic in snapshot.catalog.diagnostics {
            logger.warning("locale file problem", metadata: ["diagnostic": "\(diagnostic)"])
        }
        state = Mutex(snapshot)
        self.directory = directory
        self.defaultLocale = defaultLocale
    }

    /// The snapshot to answer the current request from.
    var current: CatalogSnapshot { state.withLock { $0 } }

    /// What a reload did.
    enum ReloadOutcome: Equatable {
        case applied(locales: Int)
        case rejected(errors: Int)
        case notConfigured
    }

    /// Re-reads the locale folder. A set with any error is rejected as a whole and the old one stays.
    func reload(logger: Logger) -> ReloadOutcome {
        guard let directory else {
            logger.info("reload requested, but the service runs on the embedded catalog (no --locales)")
            return .notConfigured
        }
        do {
            let snapshot = try CatalogSnapshot.load(directory: directory, defaultLocale: defaultLocale)
            let errors = snapshot.catalog.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                for diagnostic in errors { logger.error("reload rejected", metadata: ["diagnostic": "\(diagnostic)"]) }
                return .rejected(errors: errors.count)
            }
            state.withLock { $0 = snapshot }
            logger.info("catalog reloaded", metadata: ["locales": "\(snapshot.catalog.locales.count)"])
            return .applied(locales: snapshot.catalog.locales.count)
        } catch let error as CatalogError {
            for diagnostic in error.diagnostics { logger.error("reload rejected", metadata: ["diagnostic": "\(diagnostic)"]) }
            return .rejected(errors: max(1, error.diagnostics.count))
        } catch {
            logger.error("reload rejected", metadata: ["error": "\(error)"])
            return .rejected(errors: 1)
        }
    }
}

/// `GET /v1/catalog/{locale}`: every message of a locale, as ICU patterns for client-side rendering.
struct CatalogDocument: Encodable {
    let locale: String
    let direction: TextDirection
    let sourceLocale: String
    let messages: [String: String]
    let arguments: [String: [String: String]]

    init(catalog: MessageCatalog, tag: LocaleTag) {
        locale = tag.identifier
        direction = tag.direction
        sourceLocale = catalog.sourceLocale.identifier
        messages = catalog.patterns(for: tag)
        var arguments: [String: [String: String]] = [:]
        for (key, entry) in catalog.sourceEntries where !entry.arguments.isEmpty {
            arguments[key] = entry.arguments.mapValues(\.type.rawValue)
        }
        self.arguments = arguments
    }
}

/// `GET /v1/locales`.
struct LocalesDocument: Encodable {
    struct Locale: Encodable {
        let locale: String
        let direction: TextDirection
        let completeness: Double
        let pseudo: Bool
    }

    let defaultLocale: String
    let sourceLocale: String
    let locales: [Locale]

    init(catalog: MessageCatalog) {
        defaultLocale = catalog.defaultLocale.identifier
        sourceLocale = catalog.sourceLocale.identifier
        locales = catalog.locales.map {
            Locale(locale: $0.identifier, direction: $0.direction, completeness: catalog.completeness(of: $0),
                   pseudo: catalog.pseudoLocales.contains($0))
        }
    }
}

enum JSONCoding {
    /// Sorted keys: the same content always gives the same bytes, hence the same ETag.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

enum ETag {
    /// A strong validator: FNV-1a (64 bit) of the exact bytes, quoted.
    static func strong(for bytes: [UInt8]) -> String { bytes.withUnsafeBytes(strong(for:)) }

    static func strong(for raw: UnsafeRawBufferPointer) -> String {
        // Eight bytes per step (FNV-1a over bytes is one serial multiply per byte, ~0.5 µs for a typical
        // resolution); deterministic, so ETags stay valid across restarts and replicas.
        let hash = { () -> UInt64 in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<raw.count { tail = tail << 8 | UInt64(raw[index]) }
            hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            hash = hash &* 0xD6E8_FEB8_6659_FD93
            return hash ^ (hash >> 32)
        }()
        // `"` + 16 hex digits + `"`, written without intermediate strings.
        return String(unsafeUninitializedCapacity: 18) { out in
            let digits: StaticString = "0123456789abcdef"
            out[0] = UInt8(ascii: "\"")
            for index in 0..<16 {
                out[1 + index] = digits.utf8Start[Int((hash >> UInt64(60 - 4 * index)) & 0xF)]
            }
            out[17] = UInt8(ascii: "\"")
            return 18
        }
    }

    /// Whether an `If-None-Match` value matches (a list, possibly weak, or `*`).
    static func matches(_ ifNoneMatch: String?, _ etag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        return ifNoneMatch.split(separator: ",").contains { candidate in
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == etag || trimmed == "W/" + etag
        }
    }
}
