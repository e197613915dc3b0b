import Synchronization

/// The connections open right now, shared by every connection's `ConnectionGuardHandler`, with hooks
/// for what the guard does (the service's metrics count them).
final class ConnectionCounter: Sendable {
    private let open = Atomic<Int>(0)
    private let onRefused: @Sendable () -> Void
    private let onHeaderTimeout: @Sendable () -> Void

    init(onRefused: @escaping @Sendable () -> Void = {}, onHeaderTimeout: @escaping @Sendable () -> Void = {}) {
        self.onRefused = onRefused
        self.onHeaderTimeout = onHeaderTimeout
    }

    /// Counts a new connection; false (and not counted) when `limit` are already open.
    func admit(limit: Int) -> Bool {
        var current = open.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = open.compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        onRefused()
        return false
    }

    func release() { open.subtract(1, ordering: .relaxed) }
    func recordHeaderTimeout() { onHeaderTimeout() }

    /// Connections open now.
    var openConnections: Int { open.load(ordering: .relaxed) }
}
