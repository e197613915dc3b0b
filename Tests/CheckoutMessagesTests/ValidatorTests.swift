import Foundation
import Testing

@testable import CheckoutMessages

/// One broken locale file and exactly what the validator must say about it.
struct BrokenFileCase: CustomTestStringConvertible, Sendable {
    let path: String
    let expected: [String]  // "line:column severity check key"
    var testDescription: String { path }
}

@Suite("Locale validator")
struct ValidatorTests {
    static let folder = fixturesDirectory.appendingPathComponent("validation")

    static func source() throws -> LocaleSource {
        LocaleSource(path: "en.yaml", text: try fixtureText("validation/en.yaml"))
    }

    static func diagnostics(for path: String) throws -> [LocaleFileDiagnostic] {
        let file = LocaleSource(path: path, text: try fixtureText("validation/" + path))
        return try LocaleValidator().validate([try source(), file])
    }

    static let cases: [BrokenFileCase] = [
        .init(path: "apostrophe/fr.yaml", expected: ["1:20 error argument-mismatch greeting", "7:15 warning typography total"]),
        .init(path: "missing-other/de.yaml", expected: ["5:6 error missing-other attempts"]),
        .init(path: "unbalanced-brace/de.yaml", expected: ["5:39 error icu-syntax attempts"]),
        .init(path: "invalid-selector/de.yaml", expected: ["5:33 error plural-keyword attempts"]),
        .init(path: "duplicate-selector/de.yaml", expected: ["6:56 error duplicate-selector field"]),
        .init(path: "renamed-argument/de.yaml", expected: ["1:18 error argument-mismatch greeting"]),
        .init(path: "changed-type/de.yaml", expected: ["5:6 error argument-type attempts"]),
        .init(path: "bad-skeleton/de.yaml", expected: ["7:33 error icu-build total"]),
        .init(path: "misspelled-type/de.yaml", expected: ["7:25 error icu-build total"]),
        .init(path: "polish-plural/pl.yaml", expected: ["5:6 warning plural-category-missing attempts"]),
        // `fehlend` is a translated `missing`: never sent, so the empty field would get "check" instead of "enter".
        .init(path: "translated-select-key/de.yaml", expected: ["6:10 error select-keyword field", "6:27 error select-keyword field"]),
        .init(path: "empty-branch/de.yaml", expected: ["6:27 error empty-message field"]),
        .init(path: "empty-message/de.yaml", expected: ["1:11 error empty-message greeting"]),
        // Russian `one` is 1, 21, 31…: "один раз" would tell a customer with 21 attempts left they have one.
        .init(path: "implied-quantity/ru.yaml", expected: ["5:21 warning implied-quantity attempts"]),
        .init(path: "japanese-one/ja.yaml", expected: ["4:23 warning plural-category-unused attempts"]),
        .init(path: "arabic-plural/ar.yaml", expected: ["5:6 warning plural-category-missing attempts"]),
        .init(path: "select-without-other/de.yaml", expected: ["6:10 error missing-other field"]),
        .init(path: "untranslated/de.yaml", expected: ["1:11 warning untranslated greeting"]),
        .init(path: "bidi-override/he.yaml", expected: ["1:24 warning bidi-control greeting"]),
        .init(path: "markup/de.yaml", expected: ["1:17 warning markup greeting"]),
        .init(path: "whitespace/de.yaml", expected: ["1:44 warning whitespace greeting"]),
        .init(path: "control-character/de.yaml", expected: ["1:25 warning control-character greeting"]),
        .init(path: "missing-key/de.yaml", expected: ["1:1 error missing-key field"]),
        .init(path: "extra-key/de.yaml", expected: ["8:1 warning extra-key farewell"]),
        .init(path: "duplicate-key/de.yaml", expected: ["8:1 error duplicate-key greeting"]),
        .init(path: "yaml-syntax/de.yaml", expected: ["1:18 error yaml-syntax -"]),
        // The locale-file fuzz target's finding (FUZZING.md): at the end of a file without a final line
        // break, libyaml's mark is on line 10 of 9; the position is the end of the last line.
        .init(path: "yaml-syntax-at-end/de.yaml", expected: ["9:6 error yaml-syntax -"]),
        .init(path: "not-a-locale/german.yaml", expected: ["1:1 error locale-tag -"]),
        .init(path: "stale/de.yaml", expected: ["2:11 warning stale greeting"]),
        .init(path: "clean/de.yaml", expected: []),
        // A zero-width space after "Hallo {name},", and a soft hyphen in "Prü­fen".
        .init(path: "invisible-character/de.yaml", expected: ["3:25 warning invisible-character greeting", "8:82 warning invisible-character field"]),
        // ＃ typed with the input method on: customers would read "＃回" for every count.
        .init(path: "confusable-syntax/ja.yaml", expected: ["4:23 warning implied-quantity attempts", "4:30 error confusable-syntax attempts"]),
        // "..." for an ellipsis, and an ordinary space before "!" (French wants a narrow no-break space).
        .init(path: "typography/fr.yaml", expected: ["1:37 warning typography greeting", "2:35 warning plural-category-missing attempts",
                                                     "2:79 warning typography attempts"]),
        // A `#` inside a select branch is text: "(#1)" would reach the customer.
        .init(path: "render/de.yaml", expected: ["8:8 error render field"]),
    ]

    @Test("each broken file gets exactly its diagnostics", arguments: cases)
    func brokenFile(_ testCase: BrokenFileCase) throws {
        let found = try Self.diagnostics(for: testCase.path)
        #expect(found.map { "\($0.line):\($0.column) \($0.severity.rawValue) \($0.check) \($0.key ?? "-")" } == testCase.expected)
        #expect(found.allSatisfy { $0.file == testCase.path })
    }

    @Test func messagesAndHintsSpeakToTranslators() throws {
        let apostrophe = try #require(try Self.diagnostics(for: "apostrophe/fr.yaml").first)
        #expect(apostrophe.description == "apostrophe/fr.yaml:1:20: error: [argument-mismatch] the message lacks {name} from the source: the apostrophe before { hides the placeholder (greeting)")
        #expect(apostrophe.hint == "write d’ with a typographic apostrophe, or double it: d''")
        let polish = try #require(try Self.diagnostics(for: "polish-plural/pl.yaml").first)
        #expect(polish.message == "pl needs the plural forms few, many for {count}")
        let arabic = try #require(try Self.diagnostics(for: "arabic-plural/ar.yaml").first)
        #expect(arabic.message == "ar needs the plural forms zero, few, many for {count}")
        let stale = try #require(try Self.diagnostics(for: "stale/de.yaml").first)
        #expect(stale.hint == "review the translation against the new source, then set `source: \"\(SourceFingerprint.of("Hello {name}, welcome back."))\"`")
        let skeleton = try #require(try Self.diagnostics(for: "bad-skeleton/de.yaml").first)
        #expect(skeleton.message == "ICU cannot build {amount, number, ::currency/EURO} (U_NUMBER_SKELETON_SYNTAX_ERROR)")
    }

    @Test func fingerprintIsFNV1a() {
        #expect(SourceFingerprint.of("") == "811c9dc5")
        #expect(SourceFingerprint.of("a") == "e40c292c")
        #expect(SourceFingerprint.of("Hello {name}, welcome back.") == "3d4ffa17")
    }

    @Test func sourceFileChecks() throws {
        let source = LocaleSource(path: "en.yaml", text: """
            undeclared:
              message: Hi {name}.
              description: Test.
            bare: Hello.
            """)
        let found = try LocaleValidator().validate([source])
        #expect(found.map { "\($0.line):\($0.column) \($0.check) \($0.key ?? "-")" } == [
            "1:1 argument-undeclared undeclared".replacingOccurrences(of: "1:1", with: "2:12"),
            "4:1 description-missing bare",
        ])
    }

    @Test func errorInsideAFoldedBlockPointsIntoTheFile() throws {
        let source = try Self.source()
        let file = LocaleSource(path: "de.yaml", text: """
            greeting: Hallo {name}, willkommen zurück.
            attempts:
              message: >-
                Sie können es
                noch einmal
                {count, plural,
                  one {# Mal}
                  few {# Mal}
                  other {# Mal}} versuchen.
            field: "{problem, select, missing {Geben Sie sie ein.} other {Prüfen Sie sie.}}"
            total: "Summe: {amount, number, ::currency/EUR}"
            """)
        let found = try LocaleValidator().validate([source, file])
        #expect(found.map { "\($0.line):\($0.column) \($0.check)" } == ["8:7 plural-category-unused"])
    }

    @Test func doubleQuotedEscapesAreCounted() throws {
        let file = LocaleSource(path: "de.yaml", text: """
            greeting: "Hallo \\"{name}\\", \\u00e4 {count, plural, one {x} other {y}} <i>x</i>"
            attempts: "{count, plural, one {# Mal} other {# Mal}}"
            field: "{problem, select, missing {Geben Sie sie ein.} other {Prüfen Sie sie.}}"
            total: "Summe: {amount, number, ::currency/EUR}"
            """)
        let found = try LocaleValidator().validate([try Self.source(), file])
        // Columns count the file's characters (escapes included), not the message's: `count` is the 20th
        // character of the message but at column 38 of the line, `<i>` the 54th but at column 72.
        #expect(found.map { "\($0.line):\($0.column) \($0.check)" } == ["1:18 typography", "1:38 argument-mismatch", "1:61 implied-quantity", "1:72 markup"])
    }

    @Test("the shipped catalog is clean, even with --strict")
    func shippedCatalogIsClean() throws {
        let found = try LocaleValidator().validate(MessageCatalog.embeddedSources)
        #expect(found.map(\.description) == [])
        #expect(MessageCatalog.embeddedSources.count == 52)
    }

    @Test("every shipped translation records the fingerprint of its source message")
    func shippedTranslationsAreStamped() throws {
        let catalog = shippedCatalog
        for source in MessageCatalog.embeddedSources where !source.path.hasSuffix("/en.yaml") {
            let tag = try #require(LocaleValidator.tag(forPath: source.path))
            let (file, problems) = LocaleFile.parse(path: source.path, tag: tag, text: source.text)
            #expect(problems.isEmpty)
            for entry in file.entries {
                #expect(entry.sourceFingerprint == catalog.sourceEntries[entry.key].map { SourceFingerprint.of($0.message) },
                        "\(source.path) \(entry.key)")
            }
        }
    }

    @Test func reportFormats() throws {
        let found = try Self.diagnostics(for: "renamed-argument/de.yaml")
        #expect(DiagnosticReport.render(found, as: .text) == """
            renamed-argument/de.yaml:1:18: error: [argument-mismatch] the message lacks {name} from the source and uses {nme}, which the source does not have (greeting)
                hint: keep placeholder names exactly as in the source; only translate the text around them
            1 error, 0 warnings in 1 file

            """)
        let json = try JSONSerialization.jsonObject(with: Data(DiagnosticReport.render(found, as: .json).utf8)) as? [String: Any]
        #expect(json?["errors"] as? Int == 1)
        let first = (json?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["check"] as? String == "argument-mismatch")
        #expect(first?["line"] as? Int == 1)
        #expect(first?["column"] as? Int == 18)
        #expect(first?["key"] as? String == "greeting")

        let sarif = try JSONSerialization.jsonObject(with: Data(DiagnosticReport.render(found, as: .sarif).utf8)) as? [String: Any]
        #expect(sarif?["version"] as? String == "2.1.0")
        let run = (sarif?["runs"] as? [[String: Any]])?.first
        let result = (run?["results"] as? [[String: Any]])?.first
        #expect(result?["ruleId"] as? String == "argument-mismatch")
        #expect(result?["level"] as? String == "error")
        let location = ((result?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == 1)
        #expect((location?["region"] as? [String: Any])?["startColumn"] as? Int == 18)
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "renamed-argument/de.yaml")
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        #expect(rules?.count == ValidationCheck.allCases.filter(\.isValidatorCheck).count)
    }

    /// The catalog names these checks by their id strings; each must be a `ValidationCheck`.
    @Test func catalogLoadFailuresNameTheirCheck() throws {
        let unreadable = #expect(throws: CatalogError.self) { try MessageCatalog(directory: "/no/such/locale/folder") }
        #expect(unreadable?.diagnostics.map(\.check) == [.io])
        let noDefault = #expect(throws: CatalogError.self) { try MessageCatalog(sources: [try Self.source()], defaultLocale: "de") }
        #expect(noDefault?.diagnostics.map(\.check) == [.defaultMissing])
        let badTag = #expect(throws: CatalogError.self) { try MessageCatalog(sources: [try Self.source()], sourceLocale: "not a tag") }
        #expect(badTag?.diagnostics.map(\.check) == [.localeTag])
        let noSource = #expect(throws: CatalogError.self) { try MessageCatalog(sources: []) }
        #expect(noSource?.diagnostics.map(\.check) == [.sourceMissing])
    }

    @Test func catalogLeavesOutBrokenFilesButKeepsMissingKeyFallback() throws {
        let catalog = try MessageCatalog(sources: [
            try Self.source(),
            LocaleSource(path: "de.yaml", text: try fixtureText("validation/missing-key/de.yaml")),
            LocaleSource(path: "fr.yaml", text: try fixtureText("validation/apostrophe/fr.yaml")),
        ])
        #expect(catalog.locales.map(\.identifier) == ["en", "de", "en-XA", "ar-XB"])
        let de = try catalog.negotiate(tag: "de")
        #expect(try catalog.message("field", in: de)?.format(["problem": "missing"]) == "Enter your email.")
        #expect(try catalog.message("greeting", in: de)?.format(["name": "Ana"]) == "Hallo Ana, willkommen zurück.")
    }
}

@Suite("Pseudo-locales")
struct PseudoLocaleTests {
    @Test func accentedIsLongerAndBracketed() throws {
        let locale = try shippedCatalog.negotiate(tag: "en-XA")
        #expect(locale.tag.identifier == "en-XA" && locale.direction == .leftToRight)
        let resolution = shippedResolver.resolve(UpstreamError(status: 400, code: 1035), in: locale)
        #expect(resolution.message == "[Ýöûŕ þåýɱéñţ ŵåš ðéçļîñéð. Þļéåšé ûšé å ðîƒƒéŕéñţ çåŕð öŕ þåýɱéñţ ɱéţĥöð. ŏñé ţŵŏ ţĥŕéé ƒŏûŕ ƒîvé šîx]")
        let source = "Your payment was declined. Please use a different card or payment method."
        #expect(Double(resolution.message.count) >= Double(source.count) * 1.3)
    }

    @Test func accentedKeepsICUStructure() throws {
        let locale = try shippedCatalog.negotiate(tag: "en-XA")
        let one = shippedResolver.resolve(UpstreamError(status: 503), in: locale, arguments: ["afterSeconds": 1])
        let many = shippedResolver.resolve(UpstreamError(status: 503), in: locale, arguments: ["afterSeconds": 5])
        #expect(one.message.hasSuffix(" 1 šéçöñð.]"))
        #expect(many.message.hasSuffix(" 5 šéçöñðš.]"))
    }

    @Test func rightToLeftPseudoLocale() throws {
        let locale = try shippedCatalog.negotiate(tag: "ar-XB")
        #expect(locale.direction == .rightToLeft)
        let resolution = shippedResolver.resolve(UpstreamError(status: 503), in: locale, arguments: ["afterSeconds": 3])
        #expect(resolution.message.hasPrefix("\u{200F}\u{202E}Something\u{202C}\u{200F} "))
        #expect(resolution.message.contains("٣"))  // ICU's Arabic digits: real ar number rules
        #expect(resolution.direction == .rightToLeft)
    }

    @Test func pseudoLocalesAreNeverAFuzzyMatch() throws {
        #expect(try shippedCatalog.negotiate(tag: "ar-EG").tag.identifier == "ar")
        #expect(try shippedCatalog.negotiate(tag: "en-XB").tag.identifier == "en")
        #expect(shippedCatalog.negotiate(acceptLanguage: "en-XA").tag.identifier == "en")
    }
}

/// The checks that need a source of their own: numbers, length budgets, private-decline words.
@Suite("Validator: numbers, budgets, private reasons")
struct SourceDependentCheckTests {
    static let source = LocaleSource(path: "en.yaml", text: """
        field.cvc:
          message: Enter the 3-digit code on the back of your card.
          description: Beside the security code field.
          maxLength: 50
        """)

    @Test func droppedNumberAndLengthBudget() throws {
        let german = LocaleSource(path: "de.yaml", text: """
            field.cvc:
              message: Geben Sie den dreistelligen Sicherheitscode von der Rückseite Ihrer Karte ein.
            """)
        let found = try LocaleValidator().validate([Self.source, german])
        #expect(found.map { "\($0.file):\($0.line):\($0.column) \($0.severity) \($0.check)" } == [
            "de.yaml:2:12 warning length-budget", "de.yaml:2:12 warning number-mismatch",
        ])
        #expect(found.first { $0.check == .numberMismatch }?.message == "the source says 3, the translation does not")
        #expect(found.first { $0.check == .lengthBudget }?.message.hasPrefix("renders up to 78 characters, over the budget of 50") == true)
        // The number in another script's digits counts: Arabic-Indic ٣ is 3.
        let arabic = LocaleSource(path: "ar.yaml", text: "field.cvc:\n  message: أدخل الرمز المكوّن من ٣ أرقام.\n")
        #expect(try LocaleValidator().validate([Self.source, arabic]).filter { $0.check == .numberMismatch }.isEmpty)
    }

    @Test func privateReasonInAnyLocaleIsAnError() throws {
        let source = try #require(MessageCatalog.embeddedSources.first { $0.path.hasSuffix("/en.yaml") })
        for (path, text, expected) in [
            ("de.yaml", "decline.generic:\n  message: Ihre Karte wurde als gestohlen gemeldet. Bitte verwenden Sie eine andere Karte.\n",
             "de.yaml:2:33 error private-reason"),
            ("ja.yaml", "decline.generic:\n  message: お支払いは不正利用の疑いにより拒否されました。\n", "ja.yaml:2:17 error private-reason"),
            ("es.yaml", "decline.generic:\n  message: El pago fue rechazado por riesgo de fraude. Usa otra tarjeta.\n", "es.yaml:2:38 error private-reason"),
        ] {
            let found = try LocaleValidator().validate([source, LocaleSource(path: path, text: text)]).filter { $0.check == .privateReason }
            #expect(found.map { "\($0.file):\($0.line):\($0.column) \($0.severity) \($0.check)" } == [expected])
        }
        // The same word in a message no private decline shows is not this check's business.
        let other = LocaleSource(path: "de.yaml", text: "card.expired:\n  message: Diese Karte ist abgelaufen oder gesperrt. Bitte verwenden Sie eine andere Karte.\n")
        #expect(try LocaleValidator().validate([source, other]).filter { $0.check == .privateReason }.isEmpty)
    }
}

@Suite("Private-decline lexicon")
struct PrivateDeclineLexiconTests {
    @Test func everyShippedLocaleHasWords() throws {
        for source in MessageCatalog.embeddedSources {
            let tag = try #require(LocaleValidator.tag(forPath: source.path))
            #expect(PrivateDeclineLexicon.embedded.entries(for: tag).count >= 10, "\(tag)")
        }
        #expect(ResolutionRules.embeddedPrivateDeclineKeys == ["decline.generic"])
    }
}
