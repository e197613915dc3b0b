import HTTPTypes
import Hummingbird

/// The service's routes, for telling 404 from 405 (with `Allow`) and for per-route body limits. Made from
/// the routes a router has registered (`Router.routes`), so it cannot drift from them.
struct RouteTable: Sendable {
    struct Route: Sendable {
        let path: [Substring]  // `*` matches one segment
        let methods: [HTTPRequest.Method]
        let bodyLimit: Int
    }

    let routes: [Route]

    /// The order methods are listed in `Allow`.
    private static let methodOrder: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]

    /// One route per registered path, with its methods (`HEAD` wherever `GET` is, as the router answers
    /// it) and the body limit `bodyLimits` gives its path (0: no body expected).
    init(_ registered: [Router<BasicRequestContext>.RouteDescription], bodyLimits: [String: Int]) {
        var order: [String] = []
        var methods: [String: Set<HTTPRequest.Method>] = [:]
        for route in registered {
            let path = "/" + route.path.description.split(separator: "/").joined(separator: "/")
            if methods[path] == nil { order.append(path) }
            methods[path, default: []].insert(route.method)
            if route.method == .get { methods[path, default: []].insert(.head) }
        }
        routes = order.map { path in
            let segments = path.split(separator: "/").map { $0.hasPrefix("{") || $0.hasPrefix(":") ? "*" : $0 }
            let allowed = methods[path] ?? []
            return Route(path: segments, methods: Self.methodOrder.filter(allowed.contains), bodyLimit: bodyLimits[path] ?? 0)
        }
    }

    func route(for path: String) -> Route? {
        let segments = path.split(separator: "/")
        return routes.first { route in
            route.path.count == segments.count && zip(route.path, segments).allSatisfy { $0 == "*" || $0 == $1 }
        }
    }

    func allowedMethods(for path: String) -> [HTTPRequest.Method]? { route(for: path)?.methods }

    func bodyLimit(for path: String) -> Int { route(for: path)?.bodyLimit ?? 0 }
}
