import CheckoutMessages
import Prometheus

/// The service's Prometheus metrics, in a registry of its own (no process-wide bootstrap), served by
/// `GET /metrics`.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "checkout_messages", metricName: "http_requests", unitName: "total",
            helpText: "HTTP requests by route, method and status.")
    }
    private static var requestDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "checkout_messages", metricName: "http_request_duration", unitName: "seconds",
            helpText: "Time to answer an HTTP request, by route and method.")
    }
    private static var resolutions: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "checkout_messages", metricName: "resolutions", unitName: "total",
            helpText: "Resolutions by presentation and by the rule level that decided them.")
    }
    private static var fallbacks: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "checkout_messages", metricName: "fallbacks", unitName: "total",
            helpText: "Resolutions no rule matched, answered by the status-class fallback.")
    }
    private static var reloads: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "checkout_messages", metricName: "catalog_reloads", unitName: "total",
            helpText: "SIGHUP catalog reloads by result.")
    }
    private static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .seconds(1),
    ]

    /// One request: counted by route, method and status; timed by route and method.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests,
                             labels: [("route", route), ("method", method), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.requestDuration, labels: [("route", route), ("method", method)],
                                       buckets: Self.latencyBuckets).record(duration)
    }

    /// One resolution, by presentation and by the rule level that decided it (`fallback` = no rule matched).
    func recordResolution(_ resolution: Resolution) {
        registry.makeCounter(descriptor: Self.resolutions,
                             labels: [("presentation", resolution.presentation.rawValue),
                                      ("matched_by", resolution.matchedBy.rawValue)]).increment()
        if resolution.matchedBy == .fallback {
            registry.makeCounter(descriptor: Self.fallbacks).increment()
        }
    }

    /// One `SIGHUP` reload.
    func recordReload(_ outcome: CatalogStore.ReloadOutcome) {
        let result: String
        switch outcome {
        case .applied: result = "applied"
        case .rejected: result = "rejected"
        case .notConfigured: result = "not_configured"
        }
        registry.makeCounter(descriptor: Self.reloads, labels: [("result", result)]).increment()
    }

    /// The Prometheus text exposition.
    func exposition() -> [UInt8] { registry.emitToBuffer() }
}
