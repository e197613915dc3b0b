import CheckoutMessages
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// Runs the service until `SIGINT` (a graceful shutdown at once) or `SIGTERM` (a drain: `/readyz` answers
/// 503 for `drainDelay` while requests are still served, then the listener closes, requests in flight
/// finish within `drainTimeout`, and it returns).
public func runServer(_ configuration: ServerConfiguration, logger: Logger) async throws {
    let readiness = Readiness()
    // Trapped before anything listens: an early signal must not meet the default action (exit).
    let terminations = await UnixSignalsSequence(trapping: .sigterm)
    let hangups = configuration.reloads ? await UnixSignalsSequence(trapping: .sighup) : nil
    let application = try buildApplication(configuration, logger: logger, readiness: readiness, hangups: hangups)
    var group = ServiceGroupConfiguration(services: [
        .init(service: application),
        .init(service: DrainService(signals: terminations, readiness: readiness, delay: configuration.drainDelay, logger: logger),
              successTerminationBehavior: .gracefullyShutdownGroup),
    ], gracefulShutdownSignals: [.sigint], logger: logger)
    group.maximumGracefulShutdownDuration = configuration.drainTimeout
    try await ServiceGroup(configuration: group).run()
}

/// Builds the HTTP service: the catalog store, the router with its middleware, HTTP/1 with the
/// connection limits, and the `SIGHUP` reload service when a locale folder, a rules file or brands are served.
public func buildApplication(_ configuration: ServerConfiguration, logger: Logger, readiness: Readiness = Readiness(),
                             hangups: UnixSignalsSequence? = nil) throws -> some ApplicationProtocol {
    let store = try CatalogStore(configuration: configuration, logger: logger)
    let metrics = ServerMetrics()
    let router = buildRouter(configuration, store: store, metrics: metrics, readiness: readiness)
    var services: [any Service] = []
    if configuration.reloads {
        services.append(CatalogReloadService(store: store, metrics: metrics, logger: logger, signals: hangups))
        if let interval = configuration.watchInterval {
            services.append(LocaleFolderWatchService(store: store, metrics: metrics, interval: interval, logger: logger))
        }
    }
    return Application(
        router: router,
        server: .guardedHTTP1(counter: metrics.connections, limits: configuration.connectionLimits),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "checkout-messages"),
        services: services,
        logger: logger
    )
}

/// The router with every route of the service and the middleware that gives them their HTTP manners.
func buildRouter(_ configuration: ServerConfiguration, store: CatalogStore, metrics: ServerMetrics,
                 readiness: Readiness = Readiness()) -> Router<BasicRequestContext> {
    // Middleware applies to routes added after it, and the problem middleware needs the route table: the
    // table is read off a router holding the same routes.
    let registered = Router<BasicRequestContext>()
    addRoutes(to: registered, configuration, store: store, metrics: metrics, readiness: readiness)
    let routes = RouteTable(registered.routes, bodyLimits: [
        "/v1/resolve": configuration.maximumResolveBodySize,
        "/v1/validate": configuration.maximumValidateBodySize,
    ])
    let router = Router(options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
        RequestObservationMiddleware(metrics: metrics)
        CORSPolicyMiddleware(allowedOrigins: configuration.allowedOrigins)
        ProblemMiddleware(routes: routes, metrics: metrics)
    }
    addRoutes(to: router, configuration, store: store, metrics: metrics, readiness: readiness)
    return router
}

/// Every route of the service.
private func addRoutes(to router: Router<BasicRequestContext>, _ configuration: ServerConfiguration, store: CatalogStore,
                       metrics: ServerMetrics, readiness: Readiness) {
    ResolveController(store: store, metrics: metrics, configuration: configuration).addRoutes(to: router)
    CatalogController(store: store, configuration: configuration).addRoutes(to: router)
    ValidateController(store: store, configuration: configuration).addRoutes(to: router)
    OperationsController(store: store, metrics: metrics, readiness: readiness).addRoutes(to: router)
}
