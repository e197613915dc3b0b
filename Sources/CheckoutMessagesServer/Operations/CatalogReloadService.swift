import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads on `SIGHUP`: `--locales DIR` and `--rules FILE`, then each `--brand` on its own. Each is validated
/// first; one with any error keeps answering from its previous version, and the diagnostics are logged. `runServer` traps the signal
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
