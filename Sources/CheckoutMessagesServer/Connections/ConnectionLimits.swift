/// How long a connection may wait and how many may be open: the defaults a public deployment would pick.
public struct ConnectionLimits: Sendable, Hashable {
    /// A connection that has received no complete request part for this long is closed (keep-alive
    /// connections between requests, and a client that sent half a request line and stopped).
    public var idleTimeout: Duration
    /// From the first byte of a request, its head (request line and headers) must be complete within
    /// this long, or the connection is closed: a client that trickles a byte at a time cannot hold it.
    public var requestHeaderTimeout: Duration
    /// Connections open at once; beyond this a new one is answered 503 and closed at once.
    public var maximumConnections: Int

    /// Creates limits; the defaults: 60 s idle, 10 s for a request head, 4,096 connections.
    public init(idleTimeout: Duration = .seconds(60), requestHeaderTimeout: Duration = .seconds(10), maximumConnections: Int = 4096) {
        self.idleTimeout = idleTimeout
        self.requestHeaderTimeout = requestHeaderTimeout
        self.maximumConnections = maximumConnections
    }
}
