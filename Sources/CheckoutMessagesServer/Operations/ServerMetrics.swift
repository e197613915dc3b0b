import CheckoutMessages
import Prometheus
import Synchronization

/// The service's Prometheus metrics, in a registry of its own (no process-wide bootstrap), served by
/// `GET /metrics`.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    /// The registry validates names and labels on every `make…` call, so handles are made once: the
    /// resolution counters up front (by presentation and rule level), request metrics on first use.
    private let resolutionCounters: [[Counter]]
    private let fallbackCounter: Counter
    private let clientProtocolErrors: Counter
    private let openConnections: Gauge
    /// Open connections against the limit; refusals and head timeouts are counted here as they happen.
    let connections: ConnectionCounter
    /// Request handles by route, method and status (a few dozen at most: routes and methods are bounded).
    private let requestMetrics = Mutex<[RequestKey: (counter: Counter, histogram: DurationHistogram)]>([:])

    private struct RequestKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    /// Methods counted under their own name; any other is `other`, so that a client inventing methods
    /// cannot add label values (and memory) without bound.
    private static let knownMethods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]

    init() {
        let registry = self.registry
        resolutionCounters = Self.presentations.map { presentation in
            Self.levels.map { level in
                registry.makeCounter(descriptor: Self.resolutions,
                                     labels: [("presentation", presentation.rawValue), ("matched_by", level.rawValue)])
            }
        }
        fallbackCounter = registry.makeCounter(descriptor: Self.fallbacks)
        clientProtocolErrors = registry.makeCounter(descriptor: Self.protocolErrors)
        openConnections = registry.makeGauge(descriptor: Self.connectionsOpen)
        let refused = registry.makeCounter(descriptor: Self.connectionsClosed, labels: [("reason", "limit")])
        let timedOut = registry.makeCounter(descriptor: Self.connectionsClosed, labels: [("reason", "request_header_timeout")])
        connections = ConnectionCounter(onRefused: { refused.increment() }, onHeaderTimeout: { timedOut.increment() })
    }

    private static func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "checkout_messages", metricName: name, unitName: unit, helpText: help)
    }
    private static var requests: MetricNameDescriptor { descriptor("http_requests", "total", "HTTP requests by route, method and status.") }
    private static var requestDuration: MetricNameDescriptor { descriptor("http_request_duration", "seconds", "Time to answer an HTTP request, by route and method.") }
    private static var resolutions: MetricNameDescriptor { descriptor("resolutions", "total", "Resolutions by presentation and by the rule level that decided them.") }
    private static var fallbacks: MetricNameDescriptor { descriptor("fallbacks", "total", "Resolutions no rule matched, answered by the status-class fallback.") }
    private static var protocolErrors: MetricNameDescriptor { descriptor("client_protocol_errors", "total", "Requests a client broke mid-way (body cut short, malformed HTTP).") }
    private static var connectionsOpen: MetricNameDescriptor { descriptor("connections_open", "", "HTTP connections open now.") }
    private static var connectionsClosed: MetricNameDescriptor { descriptor("connections_closed_by_guard", "total", "Connections refused at the limit or closed for a slow request head.") }
    private static var reloads: MetricNameDescriptor { descriptor("catalog_reloads", "total", "Reloads of the base catalog (SIGHUP or --watch) by result.") }
    private static var brandReloads: MetricNameDescriptor { descriptor("brand_reloads", "total", "Reloads of each brand (SIGHUP or --watch) by brand and result.") }
    private static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .seconds(1),
    ]

    /// One request: counted by route, method and status; timed by route and method.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let method = Self.knownMethods.contains(method) ? method : "other"
        let key = RequestKey(route: route, method: method, status: status)
        let (counter, histogram) = requestMetrics.withLock { metrics in
            if let known = metrics[key] { return known }
            let made = (counter: registry.makeCounter(descriptor: Self.requests,
                                                      labels: [("route", route), ("method", method), ("status", String(status))]),
                        histogram: registry.makeDurationHistogram(descriptor: Self.requestDuration,
                                                                  labels: [("route", route), ("method", method)],
                                                                  buckets: Self.latencyBuckets))
            metrics[key] = made
            return made
        }
        counter.increment()
        histogram.record(duration)
    }

    // `allCases` builds a new array on each call.
    private static let presentations = Presentation.allCases
    private static let levels = RuleLevel.allCases

    /// One resolution, by presentation and by the rule level that decided it (`fallback` = no rule matched).
    func recordResolution(_ resolution: Resolution) {
        let presentation = Self.presentations.firstIndex(of: resolution.presentation) ?? 0
        let level = Self.levels.firstIndex(of: resolution.matchedBy) ?? 0
        resolutionCounters[presentation][level].increment()
        if resolution.matchedBy == .fallback { fallbackCounter.increment() }
    }

    /// One reload (`SIGHUP` or `--watch`): the base by result, and each brand by name and result.
    func recordReload(_ report: CatalogStore.ReloadReport) {
        let result: String
        switch report.base {
        case .applied: result = "applied"
        case .rejected: result = "rejected"
        case .notConfigured: result = "not_configured"
        }
        registry.makeCounter(descriptor: Self.reloads, labels: [("result", result)]).increment()
        for (brand, outcome) in report.brands {
            let result: String
            switch outcome {
            case .applied: result = "applied"
            case .unchanged: result = "unchanged"
            case .rejected: result = "rejected"
            }
            registry.makeCounter(descriptor: Self.brandReloads, labels: [("brand", brand.rawValue), ("result", result)]).increment()
        }
    }

    /// A client broke HTTP mid-request.
    func recordClientProtocolError() { clientProtocolErrors.increment() }

    /// The Prometheus text exposition.
    func exposition() -> [UInt8] {
        openConnections.set(Int64(connections.openConnections))
        return registry.emitToBuffer()
    }
}
