import Foundation
import Logging
import ServiceLifecycle

/// `--watch`: reloads the locale folder when its files change, without a signal. A Kubernetes ConfigMap
/// mounted as a folder changes on disk (an atomic swap of a symlinked directory) and nothing sends
/// `SIGHUP`, so the folder is polled: every `interval`, the names and contents of its `*.yaml` files are
/// hashed, and a different hash is validated and applied exactly like a `SIGHUP` reload (a set with any
/// error is rejected, logged and counted, and the old one keeps serving).
struct LocaleFolderWatchService: Service {
    let store: CatalogStore
    let metrics: ServerMetrics
    let directory: String
    let interval: Duration
    let logger: Logger

    func run() async throws {
        var last = Self.fingerprint(of: directory)
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return  // shutting down
            }
            let now = Self.fingerprint(of: directory)
            guard now != last else { continue }
            last = now
            logger.info("locale folder changed", metadata: ["directory": "\(directory)"])
            metrics.recordReload(store.reload(logger: logger))
        }
    }

    /// A hash of the folder's `*.yaml` file names and contents (symlinks followed, as a mounted ConfigMap
    /// needs); nil when the folder cannot be read. Contents, not times: a swap can keep sizes and times.
    static func fingerprint(of directory: String) -> UInt64? {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
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
}
