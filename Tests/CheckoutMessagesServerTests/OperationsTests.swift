import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import CheckoutMessagesServer

@Suite("Routing, CORS and operations")
struct OperationsTests {
    @Test func unknownRouteAndWrongMethod() async throws {
        let service = try TestService()
        try await service.application.test(.router) { client in
            try await client.execute(uri: "/v2/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text == #"{"detail":"no resource at /v2/nothing","instance":"/v2/nothing","status":404,"title":"Not found","type":"/problems/not-found"}"#)
            }
            try await client.execute(uri: "/v1/locales", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(response.json?["type"] as? String == "/problems/method-not-allowed")
            }
            try await client.execute(uri: "/v1/validate", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
            try await client.execute(uri: "/v1/catalog/de", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
            }
        }
    }

    @Test("the route table behind 404/405 is read off the registered routes")
    func routeTableFollowsTheRouter() async throws {
        let service = try TestService()
        let router = buildRouter(ServerConfiguration(), store: service.store, metrics: service.metrics)
        let table = RouteTable(router.routes, bodyLimits: ["/v1/resolve": 100])
        // Every registered route is in the table, with its method (and HEAD beside GET).
        #expect(router.routes.filter { $0.method != .head }.count == 10)  // with /livez and /readyz
        for route in router.routes {
            let path = route.path.description.replacingOccurrences(of: "{locale}", with: "de")
                .replacingOccurrences(of: ":locale", with: "de")
            let allowed = try #require(table.allowedMethods(for: path), "\(route)")
            #expect(allowed.contains(route.method))
            if route.method == .get { #expect(allowed.contains(.head)) }
        }
        #expect(table.allowedMethods(for: "/v1/resolve") == [.get, .head, .post])
        #expect(table.allowedMethods(for: "/v1/catalog/pt-BR") == [.get, .head])
        #expect(table.allowedMethods(for: "/v1/validate") == [.post])
        #expect(table.allowedMethods(for: "/v1/catalog") == nil)
        #expect(table.bodyLimit(for: "/v1/resolve") == 100)
        #expect(table.bodyLimit(for: "/v1/validate") == 0)
    }

    @Test func corsPreflightAndActualRequests() async throws {
        let service = try TestService(ServerConfiguration(allowedOrigins: ["https://shop.example", "http://localhost:*"]))
        try await service.application.test(.router) { client in
            try await client.execute(uri: "/v1/resolve", method: .options, headers: [
                .origin: "https://shop.example", .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "content-type",
            ]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "https://shop.example")
                #expect(response.headers[.accessControlAllowMethods] == "GET, HEAD, POST, OPTIONS")
                #expect(response.headers[.accessControlAllowHeaders] == "Content-Type, Accept-Language, If-None-Match")
                #expect(response.headers[.accessControlMaxAge] == "600")
            }
            try await client.execute(uri: "/v1/resolve", method: .options, headers: [
                .origin: "https://evil.example", .accessControlRequestMethod: "POST",
            ]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/v1/resolve?code=1035", method: .get, headers: [.origin: "http://localhost:5173"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "http://localhost:5173")
                #expect(response.headers[.accessControlExposeHeaders] == "ETag, Content-Language")
                #expect(response.headers[values: .vary] == ["Accept-Language", "Origin"])
            }
            try await client.execute(uri: "/v1/resolve?locale=!!", method: .get, headers: [.origin: "https://shop.example"]) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.accessControlAllowOrigin] == "https://shop.example")  // errors are readable too
            }
            try await client.execute(uri: "/v1/resolve?code=1035", method: .get, headers: [.origin: "http://localhost.evil.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func healthMetricsAndOpenAPI() async throws {
        let service = try TestService()
        try await service.application.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok","locales":54}"#)
            }
            _ = try await client.execute(uri: "/v1/resolve?code=9999&status=418", method: .get)
            _ = try await client.execute(uri: "/v1/resolve?code=1035", method: .get)
            _ = try await client.execute(uri: "/nope", method: .get)
            // Invented methods are counted together, so they cannot add label values without bound.
            for invented in ["FROB", "XYZZY"] {
                try await client.execute(uri: "/healthz", method: HTTPRequest.Method(invented)!) { response in
                    #expect(response.status == .methodNotAllowed)
                }
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                let text = response.text
                #expect(text.contains(#"checkout_messages_http_requests_total{route="/v1/resolve",method="GET",status="200"} 2"#))
                #expect(text.contains(#"checkout_messages_http_requests_total{route="NotFound",method="GET",status="404"} 1"#))
                #expect(text.contains(#"checkout_messages_http_requests_total{route="NotFound",method="other",status="405"} 2"#))
                #expect(!text.contains("FROB") && !text.contains("XYZZY"))
                #expect(text.contains(#"checkout_messages_resolutions_total{presentation="stop",matched_by="fallback"} 1"#))
                #expect(text.contains(#"checkout_messages_resolutions_total{presentation="retry",matched_by="code"} 1"#))
                #expect(text.contains("checkout_messages_fallbacks_total 1"))
                #expect(text.contains("checkout_messages_http_request_duration_seconds_bucket{"))
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/yaml")
                let file = try String(contentsOf: repositoryRoot.appendingPathComponent("openapi.yaml"), encoding: .utf8)
                #expect(response.text == file)
            }
        }
    }

    @Test func liveServerOverASocket() async throws {
        var logger = Logger(label: "live")
        logger.logLevel = .warning
        let app = try buildApplication(ServerConfiguration(port: 0), logger: logger)
        try await app.test(.live) { client in
            try await client.execute(uri: "/v1/resolve", method: .post, headers: [.contentType: "application/json", .acceptLanguage: "ja"],
                                     body: ByteBuffer(string: #"{"status": 500}"#)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLanguage] == "ja")
                let json = try #require((try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any])
                #expect(json["message"] as? String == "お支払いの処理中に問題が発生しました。もう一度お試しください。")
                #expect(json["presentation"] as? String == "retry")
            }
            try await client.execute(uri: "/healthz", method: .head) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
