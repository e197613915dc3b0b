import Foundation
import Testing

@testable import CheckoutMessages

/// Brand overlays: a brand's partial locale files and rules on top of the shipped catalog.
@Suite("Brands")
struct BrandTests {
    static let declined = UpstreamError(status: 400, json: .object(["code": .integer(2101), "type": .string("general_decline")]))
    static let cardNumber = UpstreamError(status: 400, json: .object([
        "code": .integer(1001),
        "errors": .array([.object(["field": .string("number"), "resource": .string("card"), "message": .string("bad")])]),
    ]))

    static func brand(_ files: [String: String], rules: String? = nil) -> BrandSource {
        BrandSource(files: files.sorted { $0.key < $1.key }.map { LocaleSource(path: "acme/\($0.key)", text: $0.value) },
                    rules: rules.map { LocaleSource(path: "acme/rules.yaml", text: $0) })
    }

    static let generic = SourceFingerprint.of(shippedCatalog.sourceEntries["decline.generic"]!.message)

    @Test func overrideReplacesOneKeyAndLeavesTheRest() throws {
        let acme = try shippedResolver.branded(Self.brand(["de.yaml": """
            decline.generic:
              source: \(Self.generic)
              message: Das hat leider nicht geklappt. Bitte nimm eine andere Karte oder Zahlungsart.
            """]))
        #expect(try acme.resolve(Self.declined, locale: "de").message == "Das hat leider nicht geklappt. Bitte nimm eine andere Karte oder Zahlungsart.")
        #expect(try acme.resolve(Self.declined, locale: "de-AT").message == "Das hat leider nicht geklappt. Bitte nimm eine andere Karte oder Zahlungsart.")
        // Other keys of de, other locales, and the base resolver are untouched.
        #expect(try acme.resolve(Self.cardNumber, locale: "de").fields.map(\.message) == ["Bitte prüfen Sie Ihre Kartennummer."])
        #expect(try acme.resolve(Self.declined, locale: "fr").message == (try shippedResolver.resolve(Self.declined, locale: "fr").message))
        #expect(try shippedResolver.resolve(Self.declined, locale: "de").message == "Ihre Zahlung wurde abgelehnt. Bitte verwenden Sie eine andere Karte oder Zahlungsart.")
        #expect(acme.catalog.localesChangedByBrand == [try LocaleTag("de")])
        #expect(acme.catalog.diagnostics.isEmpty)
    }

    @Test func brandAddsALocaleTheBaseLacks() throws {
        let acme = try shippedResolver.branded(Self.brand(["cy.yaml": """
            decline.generic:
              source: \(Self.generic)
              message: Cafodd eich taliad ei wrthod. Defnyddiwch gerdyn neu ddull talu arall.
            """]))
        let welsh = try acme.resolve(Self.declined, locale: "cy-GB")
        #expect(welsh.locale == "cy")
        #expect(welsh.message == "Cafodd eich taliad ei wrthod. Defnyddiwch gerdyn neu ddull talu arall.")
        // A key the added locale lacks falls back to English, key by key.
        #expect(try acme.resolve(Self.cardNumber, locale: "cy").fields.map(\.message) == ["Check your card number."])
        #expect(try acme.resolve(Self.declined, acceptLanguage: "cy, de;q=0.5").locale == "cy")
        // The base sends Welsh to British English (CLDR), and the brand still negotiates the base’s locales.
        #expect(try shippedResolver.resolve(Self.declined, locale: "cy").locale == "en-GB")
        #expect(try acme.resolve(Self.declined, locale: "pt-AO").locale == "pt-PT")
        // Missing keys of an added locale are warnings: the brand loads, and says what shows in English.
        let missing = acme.catalog.diagnostics.filter { $0.check == .missingKey }
        #expect(missing.count == shippedCatalog.sourceEntries.count - 1)
        #expect(missing.allSatisfy { $0.severity == .warning && $0.file == "acme/cy.yaml" })
    }

    @Test func brandEnglishOverridesFallbackAndWarnsAboutStaleTranslations() throws {
        let acme = try shippedResolver.branded(Self.brand(["en.yaml": """
            decline.generic:
              message: Your bank or our shop couldn’t take this payment. Please choose another card or payment method.
            """]))
        let english = "Your bank or our shop couldn’t take this payment. Please choose another card or payment method."
        #expect(try acme.resolve(Self.declined, locale: "en").message == english)
        // The pseudo-locale follows the brand's English.
        #expect(try acme.resolve(Self.declined, locale: "en-XA").message != (try shippedResolver.resolve(Self.declined, locale: "en-XA").message))
        // Base translations of the reworded message are still shown, and reported as stale on the brand's message.
        #expect(try acme.resolve(Self.declined, locale: "de").message == "Ihre Zahlung wurde abgelehnt. Bitte verwenden Sie eine andere Karte oder Zahlungsart.")
        let stale = acme.catalog.diagnostics.filter { $0.check == .stale }
        #expect(stale.count == 1)
        #expect(stale.first?.line == 1 && stale.first?.column == 1 && stale.first?.severity == .warning)
        #expect(stale.first?.message.hasPrefix("the base's translations of this message (ar, bg, bn,") == true)
        #expect(stale.first?.hint == "translate it in the brand's files of those locales, with `source: \"\(SourceFingerprint.of(english))\"`")
        // A brand translation made from the base English (old fingerprint) is stale against the brand's English.
        let withGerman = try shippedResolver.branded(Self.brand([
            "en.yaml": "decline.generic:\n  message: \(english)\n",
            "de.yaml": "decline.generic:\n  source: \(Self.generic)\n  message: Die Zahlung ging nicht durch. Bitte nimm eine andere Karte.\n",
        ]))
        let germanStale = withGerman.catalog.diagnostics.filter { $0.check == .stale && $0.file == "acme/de.yaml" }
        #expect(germanStale.map { "\($0.line):\($0.column)" } == ["2:11"])
    }

    @Test func unknownKeyIsAnError() throws {
        let error = #expect(throws: BrandError.self) {
            try shippedResolver.branded(Self.brand(["de.yaml": "decline.generik:\n  message: Abgelehnt.\n"]))
        }
        #expect(error?.diagnostics.map(\.description) == [
            "acme/de.yaml:1:1: error: [unknown-key] decline.generik is not a message of the base catalog; it would change nothing (decline.generik)",
        ])
    }

    @Test func argumentMismatchIsAnError() throws {
        let error = #expect(throws: BrandError.self) {
            try shippedResolver.branded(Self.brand(["en.yaml": """
                refund.exceeds_available.amount:
                  message: You can refund at most {amount}.
                """]))
        }
        #expect(error?.diagnostics.map { "\($0.line):\($0.column) \($0.check)" } == ["2:36 argument-mismatch"])
    }

    @Test func unsafeTextIsAnErrorInABrand() throws {
        let error = #expect(throws: BrandError.self) {
            try shippedResolver.branded(Self.brand(["fr.yaml": """
                decline.generic:
                  message: "Paiement refusé. <b>Utilisez</b> une autre carte\\u202E."
                """]))
        }
        #expect(error?.diagnostics.filter { $0.severity == .error }.map { "\($0.line):\($0.column) \($0.check)" } == ["2:30 markup", "2:61 bidi-control"])
    }

    @Test func brandRulesReplaceTheBaseRules() throws {
        let rules = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/default.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    insufficient_funds: insufficient_funds", with: "    insufficient_funds: generic_decline")
        let acme = try shippedResolver.branded(Self.brand([:], rules: rules))
        let funds = UpstreamError(status: 400, json: .object(["code": .integer(2104), "type": .string("insufficient_funds")]))
        #expect(try acme.resolve(funds, locale: "en").key == "decline.generic")
        #expect(try shippedResolver.resolve(funds, locale: "en").key == "decline.insufficient_funds")
    }

    @Test func rulesThatTellPrivateDeclinesApartAreAnError() throws {
        let base = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/default.yaml"), encoding: .utf8)
        let apart = base.replacingOccurrences(of: "    stolen_restricted_card: generic_decline", with: "    stolen_restricted_card: card_not_accepted")
        let error = #expect(throws: BrandError.self) { try shippedResolver.branded(Self.brand([:], rules: apart)) }
        let line = base.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  types:") }! + 2
        #expect(error?.rulesProblems.map { "\($0.file):\($0.line):\($0.column)" } == ["acme/rules.yaml:\(line):5"])
        #expect(error?.rulesProblems.first?.message.contains("stolen_restricted_card → card_not_accepted") == true)
        // Said on purpose, in the field meant for it: accepted.
        let onPurpose = "distinguishPrivateDeclines: Our acquirer requires stolen cards to be told to use another card.\n" + apart
        let acme = try shippedResolver.branded(Self.brand([:], rules: onPurpose))
        let stolen = UpstreamError(status: 400, json: .object(["code": .integer(2101), "type": .string("stolen_restricted_card")]))
        #expect(try acme.resolve(stolen, locale: "en").key == "decline.card_not_accepted")
        // A private-decline type left without a rule is an error too.
        let lacking = base.replacingOccurrences(of: "    risk_response: generic_decline\n", with: "")
        let lackingError = #expect(throws: BrandError.self) { try shippedResolver.branded(Self.brand([:], rules: lacking)) }
        #expect(lackingError?.rulesProblems.first?.message.hasPrefix("private-decline type `risk_response` has no rule under match.types") == true)
    }

    @Test func hostileBrandNamesAreRefused() throws {
        for name in ["", "ACME", "acme.com", "../etc", "a b", "acme/", "ácme", String(repeating: "a", count: 65), "acme\u{0}"] {
            #expect(BrandName(rawValue: name) == nil, "\(name)")
        }
        #expect(BrandName(rawValue: "acme-2")?.rawValue == "acme-2")
        #expect(BrandName(rawValue: String(repeating: "a", count: 64)) != nil)
        let resolvers = BrandedResolvers(base: shippedResolver, resolvers: [BrandName(rawValue: "acme")!: shippedResolver])
        #expect(throws: BrandLookupError.invalidName("../acme")) { try resolvers.resolver(for: "../acme") }
        #expect(throws: BrandLookupError.unknown(BrandName(rawValue: "zeta")!)) { try resolvers.resolver(for: "zeta") }
    }

    @Test func brandSetReportsEachFailingBrand() throws {
        let good = Self.brand(["de.yaml": "decline.generic:\n  message: Abgelehnt. Bitte nimm eine andere Karte.\n"])
        let bad = Self.brand(["de.yaml": "decline.generic:\n  message: \"{oops\"\n"])
        let error = #expect(throws: BrandsError.self) {
            try BrandedResolvers(base: shippedResolver, brands: [BrandName(rawValue: "good")!: good, BrandName(rawValue: "bad")!: bad])
        }
        #expect(error?.failures.keys.map(\.rawValue) == ["bad"])
        let resolvers = try BrandedResolvers(base: shippedResolver, brands: [BrandName(rawValue: "good")!: good])
        #expect(try resolvers.resolver(for: "good").resolve(Self.declined, locale: "de").message == "Abgelehnt. Bitte nimm eine andere Karte.")
        #expect(try resolvers.resolver(for: nil).resolve(Self.declined, locale: "de").message.hasPrefix("Ihre Zahlung"))
    }
}
