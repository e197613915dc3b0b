import Synchronization

/// Whether the service should receive new traffic: `GET /readyz` answers 503 once draining has begun,
/// so that a load balancer stops sending requests while the ones in flight finish.
public final class Readiness: Sendable {
    private let draining = Atomic<Bool>(false)

    public init() {}

    /// The service is shutting down: not ready any more (it never becomes ready again).
    public func startDraining() { draining.store(true, ordering: .relaxed) }

    /// True once `startDraining()` was called.
    public var isDraining: Bool { draining.load(ordering: .relaxed) }
}
