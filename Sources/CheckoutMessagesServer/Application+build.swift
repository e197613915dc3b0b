import CheckoutMessages
import Hummingbird
import Logging
import ServiceLifecycle

/// Builds the HTTP service: the catalog store, the router with its middleware, and the `SIGHUP` reload
/// service when a locale folder is served.
public func buildApplication(_ configuration: ServerConfiguration, logger: Logger) throws -> some ApplicationProtocol {
    let store = try CatalogStore(directory: configuration.localesDirectory, defaultLocale: configuration.defaultLocale, logger: logger)
    let metrics = ServerMetrics()
    let router = buildRouter(configuration, store: store, metrics: metrics)
    var services: [any Service] = []
    if configuration.localesDirectory != nil {
        services.append(CatalogReloadService(store: store, metrics: metrics, logger: logger))
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "checkout-messages"),
        services: services,
        logger: logger
    )
}

/// The router with every route of SPEC §7 and the middleware that gives them their HTTP manners.
func buildRouter(_ configuration: ServerConfiguration, store: CatalogStore, metrics: ServerMetrics) -> Router<BasicRequestContext> {
    let router = Router(options: .autoGenerateHeadEndpoints)
    let routes = RouteTable(routes: [
        .init(path: ["v1", "resolve"], methods: [.get, .head, .post], bodyLimit: configuration.maximumResolveBodySize),
        .init(path: ["v1", "catalog", "*"], methods: [.get, .head], bodyLimit: 0),
        .init(path: ["v1", "locales"], methods: [.get, .head], bodyLimit: 0),
        .init(path: ["v1", "validate"], methods: [.post], bodyLimit: configuration.maximumValidateBodySize),
        .init(path: ["healthz"], methods: [.get, .head], bodyLimit: 0),
        .init(path: ["metrics"], methods: [.get, .head], bodyLimit: 0),
        .init(path: ["openapi.yaml"], methods: [.get, .head], bodyLimit: 0),
    ])
    router.addMiddleware {
        RequestObservationMiddleware(metrics: metrics)
        CORSPolicyMiddleware(allowedOrigins: configuration.allowedOrigins)
        ProblemMiddleware(routes: routes)
    }
    ResolveController(store: store, metrics: metrics, configuration: configuration).addRoutes(to: router)
    CatalogController(store: store, configuration: configuration).addRoutes(to: router)
    ValidateController(store: store, configuration: configuration).addRoutes(to: router)
    OperationsController(store: store, metrics: metrics).addRoutes(to: router)
    return router
}
