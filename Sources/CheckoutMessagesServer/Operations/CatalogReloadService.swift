import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads `--locales DIR` on `SIGHUP`. The new set is validated first; if it has any error the
/// service keeps answering from the old one and logs the diagnostics. `runServer` traps the signal
/// before the server listens (`signals`), so that an early SIGHUP cannot kill the process.
struct CatalogReloadService: Service {
    let store: CatalogStore
    let metrics: ServerMetrics
    let logger: Logger
    var signals: UnixSignalsSequence?

    func run() async throws {
        let sequence: UnixSignalsSequence
        if let signals { sequence = signals } else { sequence = await UnixSignalsSequence(trapping: .sighup) }
        for await _ in sequence.cancelOnGracefulShutdown() {
            metrics.recordReload(store.reload(logger: logger))
        }
    }
}
