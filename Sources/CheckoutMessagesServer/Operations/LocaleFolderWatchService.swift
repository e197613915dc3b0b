import Foundation
import Logging
import ServiceLifecycle

/// `--watch`: reloads when the served files change, without a signal. A Kubernetes ConfigMap mounted as a
/// folder changes on disk (an atomic swap of a symlinked directory) and nothing sends `SIGHUP`, so the
/// folders are polled: every `interval`, the names and contents of the `*.yaml` files of the locale folder
/// and of every brand folder, and the rules file, are hashed, and a different hash is validated and applied
/// exactly like a `SIGHUP` reload (the base or a brand with any error keeps its previous version; logged
/// and counted).
struct LocaleFolderWatchService: Service {
    let store: CatalogStore
    let metrics: ServerMetrics
    let interval: Duration
    let logger: Logger

    func run() async throws {
        var last = fingerprint()
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return  // shutting down
            }
            let now = fingerprint()
            guard now != last else { continue }
            last = now
            logger.info("served files changed")
            metrics.recordReload(store.reload(logger: logger))
        }
    }

    /// One hash over every watched folder and file; a folder or file that cannot be read counts as a value too.
    func fingerprint() -> [UInt64?] {
        var hashes: [UInt64?] = []
        if let directory = store.directory { hashes.append(BrandFolders.contentHash(of: directory)) }
        if let rules = store.rulesFile { hashes.append(BrandFolders.contentHash(ofFile: rules)) }
        for (_, folder) in store.brandDirectories.sorted(by: { $0.key < $1.key }) { hashes.append(BrandFolders.contentHash(of: folder)) }
        return hashes
    }
}
