import CheckoutMessages
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import CheckoutMessagesServer

/// Brand folders in a temporary folder: copies of `examples/brands/acme` to change and break.
struct BrandFolders {
    let root: URL

    init(_ names: [String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("brands-\(UUID().uuidString)")
        for name in names {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/brands/acme"), to: root.appendingPathComponent(name))
        }
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    func write(_ brand: String, _ file: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(brand).appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    var configuration: [BrandName: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return Dictionary(uniqueKeysWithValues: names.map { (BrandName(rawValue: $0)!, path($0)) })
    }
}

let acmeGerman = "Das hat leider nicht geklappt. Versuch es bitte mit einer anderen Karte oder Zahlungsart."

@Suite("Brands over HTTP")
struct BrandEndpointTests {
    static func service() throws -> TestService {
        try TestService(ServerConfiguration(brandDirectories: [BrandName(rawValue: "acme")!: repositoryRoot.appendingPathComponent("examples/brands/acme").path]))
    }

    @Test func resolvePicksTheBrand() async throws {
        try await Self.service().application.test(.router) { client in
            try await client.execute(uri: "/v1/resolve?code=1035&locale=de-AT&brand=acme", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json?["message"] as? String == acmeGerman)
                #expect(response.headers[.contentLanguage] == "de")
            }
            try await client.execute(uri: "/v1/resolve?code=1035&locale=de", method: .get) { response in
                #expect(response.json?["message"] as? String == germanDecline)
            }
            try await client.execute(uri: "/v1/resolve", method: .post, headers: jsonHeaders, body: jsonBody(#"""
                {"brand": "acme", "locale": "de", "status": 400, "error": {"code": 1001, "errors": [{"resource": "card", "field": "number", "type": "missing"}]}}
                """#)) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#""fields":[{"field":"card.number","message":"Wir brauchen deine Kartennummer."}]"#))
            }
            // A locale the brand does not change is the base's.
            try await client.execute(uri: "/v1/resolve?code=1035&locale=it&brand=acme", method: .get) { response in
                #expect(response.json?["message"] as? String == "Il pagamento è stato rifiutato. Usa un’altra carta o un altro metodo di pagamento.")
            }
        }
    }

    @Test func unknownAndHostileBrandsAreClientErrors() async throws {
        try await Self.service().application.test(.router) { client in
            try await client.execute(uri: "/v1/resolve?code=1035&brand=zeta", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.json?["type"] as? String == "/problems/unknown-brand")
                #expect(response.json?["detail"] as? String == "there is no brand zeta")
            }
            for hostile in ["..%2Facme", "ACME", "acme.com", "%00", "a%20b", String(repeating: "a", count: 65), ""] {
                try await client.execute(uri: "/v1/resolve?code=1035&brand=\(hostile)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(hostile)")
                    #expect(response.json?["detail"] as? String == "`brand`: a brand name is 1 to 64 characters of a-z, 0-9 and -")
                }
            }
            try await client.execute(uri: "/v1/resolve", method: .post, headers: jsonHeaders, body: jsonBody(#"{"brand": 7, "code": 1035}"#)) { response in
                #expect(response.status == .badRequest)
            }
            for uri in ["/v1/catalog/de?brand=zeta", "/v1/locales?brand=zeta"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            try await client.execute(uri: "/v1/locales?brand=../x", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func catalogAndLocalesAnswerTheBrandsViewWithItsOwnETags() async throws {
        try await Self.service().application.test(.router) { client in
            func get(_ uri: String) async throws -> (etag: String, body: String) {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return (response.headers[.eTag] ?? "", response.text)
                }
            }
            let baseGerman = try await get("/v1/catalog/de")
            let acmeGermanCatalog = try await get("/v1/catalog/de?brand=acme")
            #expect(acmeGermanCatalog.body.contains(#""decline.generic":"\#(acmeGerman)""#))
            #expect(!baseGerman.body.contains(acmeGerman))
            #expect(acmeGermanCatalog.etag != baseGerman.etag)
            #expect(try await get("/v1/catalog/de-CH?brand=acme").etag == acmeGermanCatalog.etag)  // stable, and negotiated
            // A locale the brand leaves alone: the base's bytes, under an ETag of the brand's.
            let baseItalian = try await get("/v1/catalog/it")
            let acmeItalian = try await get("/v1/catalog/it?brand=acme")
            #expect(acmeItalian.body == baseItalian.body)
            #expect(acmeItalian.etag != baseItalian.etag)
            #expect(try await get("/v1/catalog/it?brand=acme").etag == acmeItalian.etag)
            try await client.execute(uri: "/v1/catalog/it?brand=acme", method: .get, headers: [.ifNoneMatch: acmeItalian.etag]) { response in
                #expect(response.status == .notModified)
            }
            let baseLocales = try await get("/v1/locales")
            let acmeLocales = try await get("/v1/locales?brand=acme")
            #expect(acmeLocales.etag != baseLocales.etag)
            #expect(acmeLocales.body == baseLocales.body)
        }
    }

    @Test func validateChecksAFileAsTheBrandsFile() async throws {
        try await Self.service().application.test(.router) { client in
            let file = "decline.generik:\n  message: Abgelehnt.\n"
            try await client.execute(uri: "/v1/validate?locale=de&brand=acme", method: .post, headers: [.contentType: "application/yaml"],
                                     body: ByteBuffer(string: file)) { response in
                #expect(response.status == .ok)
                let diagnostics = response.json?["diagnostics"] as? [[String: Any]] ?? []
                #expect(diagnostics.map { "\($0["line"]!):\($0["column"]!) \($0["check"]!) \($0["severity"]!)" } == ["1:1 unknown-key error"])
            }
            // The same file against the base is a translation missing every key but one: not a brand's partial file.
            let partial = "decline.generic:\n  message: Abgelehnt. Bitte nimm eine andere Karte.\n"
            try await client.execute(uri: "/v1/validate?locale=de&brand=acme", method: .post, headers: [.contentType: "application/yaml"],
                                     body: ByteBuffer(string: partial)) { response in
                #expect(response.json?["errors"] as? Int == 0)
                #expect(response.json?["warnings"] as? Int == 0)
            }
            try await client.execute(uri: "/v1/validate?locale=de&brand=zeta", method: .post, headers: [.contentType: "application/yaml"],
                                     body: ByteBuffer(string: partial)) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a reload moves good brands on and keeps a broken one's previous version, while requests succeed")
    func reloadWithOneBrokenBrand() async throws {
        let folders = try BrandFolders(["good", "same", "broken"])
        defer { folders.remove() }
        let service = try TestService(ServerConfiguration(brandDirectories: folders.configuration))
        let logger = { () -> Logger in
            var logger = Logger(label: "reload")
            logger.logLevel = .critical
            return logger
        }()
        try await service.application.test(.router) { client in
            let german = try String(contentsOfFile: folders.path("good") + "/de.yaml", encoding: .utf8)
            try folders.write("good", "de.yaml", german.replacingOccurrences(of: "Das hat leider nicht geklappt.", with: "Hat nicht geklappt."))
            try folders.write("broken", "de.yaml", german.replacingOccurrences(of: "decline.generic:", with: "decline.generik:"))
            let statuses = try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
                for brand in ["good", "same", "broken"] {
                    group.addTask {
                        var seen: [HTTPResponse.Status] = []
                        for _ in 0..<40 {
                            seen.append(try await client.execute(uri: "/v1/resolve?code=1035&locale=de&brand=\(brand)", method: .get) { $0.status })
                        }
                        return seen
                    }
                }
                group.addTask {
                    let report = service.store.reload(logger: logger)
                    #expect(report.base == .notConfigured)
                    #expect(report.brands == [BrandName(rawValue: "good")!: .applied, BrandName(rawValue: "same")!: .unchanged,
                                              BrandName(rawValue: "broken")!: .rejected(errors: 1)])
                    service.metrics.recordReload(report)
                    return []
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(statuses.count == 120 && statuses.allSatisfy { $0 == .ok })
            for (brand, message) in [("good", acmeGerman.replacingOccurrences(of: "Das hat leider nicht geklappt.", with: "Hat nicht geklappt.")),
                                     ("same", acmeGerman), ("broken", acmeGerman)] {
                try await client.execute(uri: "/v1/resolve?code=1035&locale=de&brand=\(brand)", method: .get) { response in
                    #expect(response.json?["message"] as? String == message, "\(brand)")
                }
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.text.contains(#"checkout_messages_brand_reloads_total{brand="broken",result="rejected"} 1"#))
                #expect(response.text.contains(#"checkout_messages_brand_reloads_total{brand="good",result="applied"} 1"#))
                #expect(response.text.contains(#"checkout_messages_brand_reloads_total{brand="same",result="unchanged"} 1"#))
            }
        }
    }

    @Test func aBrokenBrandStopsTheServiceFromStarting() throws {
        let folders = try BrandFolders(["broken"])
        defer { folders.remove() }
        try folders.write("broken", "de.yaml", "decline.generik:\n  message: Abgelehnt.\n")
        let error = #expect(throws: BrandsError.self) { try TestService(ServerConfiguration(brandDirectories: folders.configuration)) }
        #expect(error?.failures[BrandName(rawValue: "broken")!]?.diagnostics.filter { $0.severity == .error }.map(\.check.rawValue) == ["unknown-key"])
    }
}

@Suite("Brands in the running binary")
struct BrandBinaryTests {
    @Test("SIGHUP with one broken brand among good ones: the good ones move on, the broken one keeps serving")
    func sighupWithABrokenBrand() async throws {
        let folders = try BrandFolders(["good", "broken"])
        defer { folders.remove() }
        let server = try ServingBinary(["--brand", "good=\(folders.path("good"))", "--brand", "broken=\(folders.path("broken"))"])
        defer { server.stop() }
        func message(_ brand: String) async throws -> (String, String) {
            let (status, body) = try await FleetTests.get("/v1/resolve?code=1035&locale=de&brand=\(brand)", port: server.port)
            let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            return (status, json?["message"] as? String ?? "")
        }
        #expect(try await message("good") == ("HTTP/1.1 200 OK", acmeGerman))
        let german = try String(contentsOfFile: folders.path("good") + "/de.yaml", encoding: .utf8)
        try folders.write("good", "de.yaml", german.replacingOccurrences(of: "Das hat leider nicht geklappt.", with: "Hat nicht geklappt."))
        try folders.write("broken", "de.yaml", german.replacingOccurrences(of: "message: Das hat", with: "message: Das {hat"))
        kill(server.process.processIdentifier, SIGHUP)
        var counted = false
        for _ in 0..<100 where !counted {
            let (_, metrics) = try await FleetTests.get("/metrics", port: server.port)
            counted = metrics.contains(#"checkout_messages_brand_reloads_total{brand="broken",result="rejected"} 1"#)
                && metrics.contains(#"checkout_messages_brand_reloads_total{brand="good",result="applied"} 1"#)
            if !counted { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(counted)
        #expect(try await message("good") == ("HTTP/1.1 200 OK", acmeGerman.replacingOccurrences(of: "Das hat leider nicht geklappt.", with: "Hat nicht geklappt.")))
        #expect(try await message("broken") == ("HTTP/1.1 200 OK", acmeGerman))
        #expect(server.process.isRunning)
    }
}
