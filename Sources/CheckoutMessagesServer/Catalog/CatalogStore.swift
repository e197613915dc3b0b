import CheckoutMessages
import Foundation
import Logging
import Synchronization

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
