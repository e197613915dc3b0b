import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CheckoutMessagesServer

@Suite("GET /v1/catalog/{locale} and /v1/locales")
struct CatalogEndpointTests {
    @Test func catalogWithETagRoundTrip() async throws {
        let service = try TestService()
        try await service.application.test(.router) { client in
            let etag = try await client.execute(uri: "/v1/catalog/pl", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "public, max-age=3600")
                #expect(response.headers[.contentLanguage] == "pl")
                let json = try #require(response.json)
                #expect(json["locale"] as? String == "pl")
                #expect(json["direction"] as? String == "ltr")
                #expect(json["sourceLocale"] as? String == "en")
                let messages = try #require(json["messages"] as? [String: String])
                #expect(messages["decline.generic"] == "Płatność została odrzucona. Użyj innej karty lub innej metody płatności.")
                #expect(messages.count == service.store.current.catalog.sourceEntries.count)
                let arguments = try #require(json["arguments"] as? [String: [String: String]])
                #expect(arguments["refund.exceeds_available.amount"] == ["available": "money"])
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/v1/catalog/pl", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/v1/catalog/de", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func catalogLookupNegotiatesLikeResolve() async throws {
        let service = try TestService()
        try await service.application.test(.router) { client in
            try await client.execute(uri: "/v1/catalog/zh-hans", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json?["locale"] as? String == "zh-Hans")
            }
            try await client.execute(uri: "/v1/catalog/ar-XB", method: .get) { response in
                #expect(response.json?["direction"] as? String == "rtl")
            }
            let german = try await client.execute(uri: "/v1/catalog/de", method: .get) { response in
                (response.headers[.eTag], response.body)
            }
            // A regional tag gets the bundle of the locale that serves it: the same bytes and ETag as `de`.
            try await client.execute(uri: "/v1/catalog/de-AT", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLanguage] == "de")
                #expect(response.json?["locale"] as? String == "de")
                #expect(response.headers[.eTag] == german.0)
                #expect(response.body == german.1)
            }
            for (requested, served) in [("es-MX", "es-419"), ("pt-AO", "pt-PT"), ("zh-TW", "zh-Hant"), ("en-AU", "en-GB"), ("no", "nb"), ("sh", "sr-Latn")] {
                try await client.execute(uri: "/v1/catalog/\(requested)", method: .get) { response in
                    #expect(response.status == .ok, "\(requested)")
                    #expect(response.headers[.contentLanguage] == served, "\(requested)")
                }
            }
            // A language nothing is close to is 404, not the default locale's bundle.
            try await client.execute(uri: "/v1/catalog/sm", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.json?["type"] as? String == "/problems/unknown-locale")
                #expect((response.json?["detail"] as? String)?.hasPrefix("no catalog for sm; available: en, ") == true)
            }
            try await client.execute(uri: "/v1/catalog/..%2F..%2Fetc%2Fpasswd", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.json?["type"] as? String == "/problems/invalid-locale")
            }
        }
    }

    @Test func localesWithCompleteness() async throws {
        let service = try TestService()
        try await service.application.test(.router) { client in
            try await client.execute(uri: "/v1/locales", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != nil)
                let json = try #require(response.json)
                #expect(json["defaultLocale"] as? String == "en")
                let locales = try #require(json["locales"] as? [[String: Any]])
                #expect(locales.map { $0["locale"] as? String } == [
                    "en", "ar", "bg", "bn", "ca", "cs", "da", "de", "el", "en-GB", "es-419", "es", "et", "fa", "fi", "fil", "fr-CA", "fr", "ga", "he", "hi", "hr", "hu", "id", "is", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt-BR", "pt-PT", "ro", "ru", "sk", "sl", "sr-Latn", "sr", "sv", "sw", "th", "tr", "uk", "ur", "vi", "zh-Hans", "zh-Hant", "en-XA", "ar-XB"])
                #expect(locales.allSatisfy { $0["completeness"] as? Double == 1 })
                #expect(locales.filter { $0["pseudo"] as? Bool == true }.count == 2)
                #expect(locales.first { $0["locale"] as? String == "he" }?["direction"] as? String == "rtl")
            }
        }
    }
}

@Suite("POST /v1/validate")
struct ValidateEndpointTests {
    @Test func reportsDiagnosticsWithPositions() async throws {
        let service = try TestService()
        try await service.application.test(.router) { client in
            let file = "decline.generic: Ihre Zahlung wurde {abgelehnt\n"
            try await client.execute(uri: "/v1/validate?locale=de", method: .post, headers: [.contentType: "application/yaml"],
                                     body: ByteBuffer(string: file)) { response in
                #expect(response.status == .ok)
                let json = try #require(response.json)
                #expect(json["locale"] as? String == "de")
                let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
                let syntax = try #require(diagnostics.first { $0["check"] as? String == "icu-syntax" })
                #expect(syntax["line"] as? Int == 1)
                #expect(syntax["column"] as? Int == 37)
                #expect(syntax["key"] as? String == "decline.generic")
                #expect(syntax["severity"] as? String == "error")
                #expect(syntax["file"] as? String == "de.yaml")
                #expect(json["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
            }
        }
    }

    @Test func errorsOfTheRequest() async throws {
        let service = try TestService()
        try await service.application.test(.router) { client in
            try await client.execute(uri: "/v1/validate?locale=de", method: .post, headers: jsonHeaders, body: ByteBuffer(string: "a: b")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/v1/validate", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "a: b")) { response in
                #expect(response.status == .badRequest)
                #expect(response.json?["detail"] as? String == "give the file's locale as ?locale=TAG")
            }
            try await client.execute(uri: "/v1/validate?locale=%00", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "a: b")) { response in
                #expect(response.status == .badRequest)
                #expect(response.json?["type"] as? String == "/problems/invalid-locale")
            }
            try await client.execute(uri: "/v1/validate?locale=de", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(bytes: [0xFF, 0xFE, 0x41])) { response in
                #expect(response.status == .badRequest)
                #expect(response.json?["detail"] as? String == "the locale file must be UTF-8 text")
            }
            try await client.execute(uri: "/v1/validate?locale=de", method: .post, headers: [.contentType: "text/plain"],
                                     body: ByteBuffer(string: String(repeating: "a", count: 300_000))) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.json?["detail"] as? String == "the body must be at most 262144 bytes")
            }
        }
    }
}
