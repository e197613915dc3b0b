import Logging
import ServiceLifecycle
import UnixSignals

/// Graceful drain on `SIGTERM`: readiness turns 503 at once, the service keeps answering for `delay`
/// (time for a load balancer to stop routing here), then this service returns and its group shuts down
/// gracefully: the listener closes, requests in flight finish, and the process exits 0. The group's
/// `maximumGracefulShutdownDuration` bounds the wait for requests in flight.
/// `signals` is made (and SIGTERM trapped) before the server starts listening: a SIGTERM that came
/// between the two would otherwise kill the process with the default action.
struct DrainService: Service {
    let signals: UnixSignalsSequence
    let readiness: Readiness
    let delay: Duration
    let logger: Logger

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            readiness.startDraining()
            logger.notice("SIGTERM: draining", metadata: ["delay_seconds": "\(delay.components.seconds)"])
            try? await Task.sleep(for: delay)
            return  // the group shuts down gracefully (successTerminationBehavior)
        }
    }
}
