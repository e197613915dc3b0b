import CheckoutMessages
import Foundation
import Logging
import Synchronization

/// Holds the current snapshot. `SIGHUP` (or a change seen by `--watch`) reloads the base and then each
/// brand on its own: a base or a brand with errors keeps serving its previous version while the others
/// move on.
final class CatalogStore: Sendable {
    // The mutex holds a reference: a large struct stored inline in `Mutex` crashed debug builds of
    // Swift 6.3.1 under parallel tests (seen as null witness tables in unrelated code).
    private let state: Mutex<CatalogSnapshot>
    /// One reload at a time (a signal and the folder watch may ask at once).
    private let reloading = Mutex(())
    let directory: String?
    let rulesFile: String?
    let brandDirectories: [BrandName: String]
    let defaultLocale: String

    /// Loads the base and every brand; any error in either stops the service from starting.
    init(configuration: ServerConfiguration, logger: Logger) throws {
        directory = configuration.localesDirectory
        rulesFile = configuration.rulesFile
        brandDirectories = configuration.brandDirectories
        defaultLocale = configuration.defaultLocale
        let base = try BaseSnapshot.load(directory: directory, rulesFile: rulesFile, defaultLocale: defaultLocale)
        for diagnostic in base.catalog.diagnostics {
            logger.warning("locale file problem", metadata: ["diagnostic": "\(diagnostic)"])
        }
        var brands: [BrandName: BrandSnapshot] = [:]
        var failures: [BrandName: BrandError] = [:]
        for (name, folder) in configuration.brandDirectories.sorted(by: { $0.key < $1.key }) {
            switch Self.loadBrand(name, folder: folder, base: base) {
            case .success(let brand):
                for diagnostic in brand.catalog.diagnostics {
                    logger.warning("brand file problem", metadata: ["brand": "\(name)", "diagnostic": "\(diagnostic)"])
                }
                brands[name] = brand
            case .failure(let error):
                failures[name] = error
            }
        }
        guard failures.isEmpty else { throw BrandsError(failures: failures) }
        state = Mutex(CatalogSnapshot(base: base, brands: brands))
    }

    /// Test and library use: serve the embedded catalog or a folder, without brands.
    convenience init(directory: String?, defaultLocale: String, logger: Logger) throws {
        try self.init(configuration: ServerConfiguration(localesDirectory: directory, defaultLocale: defaultLocale), logger: logger)
    }

    /// The snapshot to answer the current request from.
    var current: CatalogSnapshot { state.withLock { $0 } }

    /// What a reload did to the base.
    enum ReloadOutcome: Equatable {
        case applied(locales: Int)
        case rejected(errors: Int)
        case notConfigured
    }

    /// What a reload did to one brand.
    enum BrandReloadOutcome: Equatable {
        /// Rebuilt from its files (they or the base changed).
        case applied
        /// Neither its files nor the base changed.
        case unchanged
        /// Its files have errors (or cannot be read): it keeps serving its previous version.
        case rejected(errors: Int)
    }

    /// What one reload did.
    struct ReloadReport: Equatable {
        var base: ReloadOutcome
        var brands: [BrandName: BrandReloadOutcome]
    }

    /// Re-reads the base (locale folder and rules file) and every brand.
    func reload(logger: Logger) -> ReloadReport {
        reloading.withLock { _ in
            let previous = current
            let (base, baseOutcome) = reloadBase(previous.base, logger: logger)
            var brands: [BrandName: BrandSnapshot] = [:]
            var outcomes: [BrandName: BrandReloadOutcome] = [:]
            for (name, folder) in brandDirectories.sorted(by: { $0.key < $1.key }) {
                let old = previous.brands[name]
                let hash = BrandFolders.contentHash(of: folder)
                if let old, old.base === base, hash != nil, old.contentHash == hash {
                    brands[name] = old
                    outcomes[name] = .unchanged
                    continue
                }
                switch Self.loadBrand(name, folder: folder, base: base, hash: hash) {
                case .success(let brand):
                    brands[name] = brand
                    outcomes[name] = .applied
                    for diagnostic in brand.catalog.diagnostics {
                        logger.warning("brand file problem", metadata: ["brand": "\(name)", "diagnostic": "\(diagnostic)"])
                    }
                case .failure(let error):
                    if let old { brands[name] = old }
                    outcomes[name] = .rejected(errors: max(1, error.errorCount))
                    for line in error.description.split(separator: "\n") {
                        logger.error("brand reload rejected", metadata: ["brand": "\(name)", "diagnostic": "\(line)"])
                    }
                }
            }
            state.withLock { $0 = CatalogSnapshot(base: base, brands: brands) }
            if !brands.isEmpty || !brandDirectories.isEmpty {
                let applied = outcomes.values.filter { $0 == .applied }.count
                let rejected = outcomes.values.filter { if case .rejected = $0 { true } else { false } }.count
                logger.info("brands reloaded", metadata: ["applied": "\(applied)", "rejected": "\(rejected)", "unchanged": "\(outcomes.count - applied - rejected)"])
            }
            return ReloadReport(base: baseOutcome, brands: outcomes)
        }
    }

    private func reloadBase(_ previous: BaseSnapshot, logger: Logger) -> (BaseSnapshot, ReloadOutcome) {
        guard directory != nil || rulesFile != nil else {
            if brandDirectories.isEmpty {
                logger.info("reload requested, but the service runs on the embedded catalog (no --locales, --rules or --brand)")
            }
            return (previous, .notConfigured)
        }
        do {
            let snapshot = try BaseSnapshot.load(directory: directory, rulesFile: rulesFile, defaultLocale: defaultLocale)
            let errors = snapshot.catalog.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                for diagnostic in errors { logger.error("reload rejected", metadata: ["diagnostic": "\(diagnostic)"]) }
                return (previous, .rejected(errors: errors.count))
            }
            logger.info("catalog reloaded", metadata: ["locales": "\(snapshot.catalog.locales.count)"])
            return (snapshot, .applied(locales: snapshot.catalog.locales.count))
        } catch let error as CatalogError {
            for diagnostic in error.diagnostics { logger.error("reload rejected", metadata: ["diagnostic": "\(diagnostic)"]) }
            return (previous, .rejected(errors: max(1, error.diagnostics.count)))
        } catch let error as RulesError {
            for problem in error.problems { logger.error("reload rejected", metadata: ["diagnostic": "\(problem)"]) }
            return (previous, .rejected(errors: max(1, error.problems.count)))
        } catch {
            logger.error("reload rejected", metadata: ["error": "\(error)"])
            return (previous, .rejected(errors: 1))
        }
    }

    private static func loadBrand(_ name: BrandName, folder: String, base: BaseSnapshot,
                                  hash: UInt64? = nil) -> Result<BrandSnapshot, BrandError> {
        let hash = hash ?? BrandFolders.contentHash(of: folder)
        do throws(BrandError) {
            let source: BrandSource
            do {
                source = try BrandSource(directory: folder)
            } catch {
                throw BrandError(diagnostics: error.diagnostics, rulesProblems: [])
            }
            let resolver = try base.resolver.branded(source)
            return .success(BrandSnapshot(name: name, resolver: resolver, base: base, source: source, contentHash: hash))
        } catch {
            return .failure(error)
        }
    }
}

/// Hashes of folders' `*.yaml` files, for `--watch` and for skipping unchanged brands on reload.
enum BrandFolders {
    /// A hash of the folder's `*.yaml` file names and contents (symlinks followed, as a mounted ConfigMap
    /// needs); nil when the folder cannot be read. Contents, not times: a swap can keep sizes and times.
    static func contentHash(of directory: String, into seed: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64? {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        var hash = seed
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        for name in names.sorted() where name.hasSuffix(".yaml") {
            mix(name.utf8)
            mix([0])
            if let data = try? Data(contentsOf: folder.appendingPathComponent(name).resolvingSymlinksInPath()) {
                mix(data)
            }
            mix([0])
        }
        return hash
    }

    /// A hash of one file's contents; nil when it cannot be read.
    static func contentHash(ofFile path: String) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path) else { return nil }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
