import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads `--locales DIR` on `SIGHUP`. The new set is validated first; if it has any error the
/// service keeps answering from the old one and logs the diagnostics.
struct CatalogReloadService: Service {
    let store: CatalogStore
    let metrics: ServerMetrics
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            metrics.recordReload(store.reload(logger: logger))
        }
    }
}
