import Foundation
import Testing

@testable import CheckoutMessages

/// XLIFF 2.0 and ICU JSON, both ways, and the locale-file writer behind import.
@Suite("Interchange")
struct InterchangeTests {
    static let folder = "interchange"
    static let german = try! LocaleTag("de")
    static let english = try! LocaleTag("en")

    static func fixture(_ name: String) throws -> LocaleSource {
        LocaleSource(path: "locales/\(name)", text: try fixtureText("\(folder)/\(name)"))
    }

    static func file(_ source: LocaleSource, _ tag: LocaleTag) -> LocaleFile {
        LocaleFile.parse(path: source.path, tag: tag, text: source.text).0
    }

    static func exportedXLIFF(source: LocaleSource, translation: LocaleSource?, tag: LocaleTag) -> String {
        XLIFF.document(units: XLIFF.units(source: file(source, english), translation: translation.map { file($0, tag) }),
                       sourceLocale: english, targetLocale: tag, original: "locales/\(tag.identifier).yaml")
    }

    static func importXLIFF(_ xliff: String, into existing: LocaleSource?, source: LocaleSource, tag: LocaleTag = german) -> TranslationImport.Outcome {
        let (read, problems) = XLIFF.read(Data(xliff.utf8), path: "de.xlf")
        #expect(problems.isEmpty)
        return TranslationImport.apply(TranslationImport.messages(of: read!), tag: tag, existing: existing,
                                       path: "locales/\(tag.identifier).yaml", source: source, importPath: "de.xlf")
    }

    @Test func xliffExportMatchesTheExpectedFileByteForByte() throws {
        let exported = Self.exportedXLIFF(source: try Self.fixture("en.yaml"), translation: try Self.fixture("de.yaml"), tag: Self.german)
        #expect(exported == (try fixtureText("\(Self.folder)/de.xlf")))
    }

    @Test func importWithoutEditsChangesNothing() throws {
        let outcome = Self.importXLIFF(try fixtureText("\(Self.folder)/de.xlf"), into: try Self.fixture("de.yaml"), source: try Self.fixture("en.yaml"))
        // The stale unit keeps its (stale) text and now records the source it was exported with: the
        // translator saw that source and left the target as it is.
        #expect(outcome.changedKeys == ["attempts"])
        #expect(outcome.text?.contains(#"source: "\#(SourceFingerprint.of("{count, plural, one {# attempt left.} other {# attempts left.}}"))""#) == true)
        #expect(!outcome.hasErrors)
    }

    @Test func importOfAnEditedUnitRewritesOnlyThatEntryAndAddsTheNewOne() throws {
        var xliff = try fixtureText("\(Self.folder)/de.xlf")
        xliff = xliff.replacingOccurrences(of: "Hallo {name}, willkommen zurück.", with: "Schön, dass du wieder da bist, {name}.")
        xliff = xliff.replacingOccurrences(
            of: "<source xml:space=\"preserve\">{problem, select, missing {Enter your email.} other {Check your email.}}</source>\n",
            with: "<source xml:space=\"preserve\">{problem, select, missing {Enter your email.} other {Check your email.}}</source>\n        <target xml:space=\"preserve\">{problem, select, missing {Gib deine E-Mail-Adresse ein.} other {Prüfe deine E-Mail-Adresse.}}</target>\n")
        let outcome = Self.importXLIFF(xliff, into: try Self.fixture("de.yaml"), source: try Self.fixture("en.yaml"))
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.text == """
            # German fixture: greeting current, attempts stale, field.email missing.

            greeting:
              source: "14403de1"
              message: Schön, dass du wieder da bist, {name}.

            attempts:
              source: "\(SourceFingerprint.of("{count, plural, one {# attempt left.} other {# attempts left.}}"))"
              message: "{count, plural, one {# Versuch übrig.} other {# Versuche übrig.}}"

            field.email:
              source: "\(SourceFingerprint.of("{problem, select, missing {Enter your email.} other {Check your email.}}"))"
              message: "{problem, select, missing {Gib deine E-Mail-Adresse ein.} other {Prüfe deine E-Mail-Adresse.}}"

            """)
    }

    @Test func importOfATranslationMadeFromAnOlderSourceIsStale() throws {
        let xliff = try fixtureText("\(Self.folder)/de.xlf")
            .replacingOccurrences(of: "Hello {name} &amp; welcome back.", with: "Hello {name}, welcome back.")
            .replacingOccurrences(of: "Hallo {name}, willkommen zurück.", with: "Hallo {name}, schön, dass du wieder da bist.")
        let outcome = Self.importXLIFF(xliff, into: try Self.fixture("de.yaml"), source: try Self.fixture("en.yaml"))
        // Written, with the fingerprint of the source it was translated from, and reported stale at the unit's target.
        #expect(outcome.text?.contains("source: \"\(SourceFingerprint.of("Hello {name}, welcome back."))\"\n  message: Hallo {name}, schön, dass du wieder da bist.") == true)
        #expect(outcome.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.severity) \($0.check) \($0.key ?? "")" } == [
            "de.xlf:12:38 warning stale greeting",
        ])
    }

    @Test func brokenImportWritesNothingAndPointsIntoTheXLIFF() throws {
        let xliff = try fixtureText("\(Self.folder)/de.xlf")
            .replacingOccurrences(of: "{count, plural, one {# Versuch übrig.} other {# Versuche übrig.}}",
                                  with: "{count, plural, one {# Versuch übrig.} other {# Versuche übrig.}")
            .replacingOccurrences(of: "Hallo {name}, willkommen zurück.", with: "Hallo {nom}, willkommen zurück.")
        let outcome = Self.importXLIFF(xliff, into: try Self.fixture("de.yaml"), source: try Self.fixture("en.yaml"))
        #expect(outcome.text == nil)
        #expect(outcome.changedKeys.isEmpty)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map { "\($0.file):\($0.line):\($0.column) \($0.check) \($0.key ?? "")" } == [
            "de.xlf:12:45 argument-mismatch greeting",
            "de.xlf:22:53 icu-syntax attempts",
        ])
    }

    @Test func malformedXLIFFIsReportedAtItsPosition() {
        let (file, problems) = XLIFF.read(Data("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\">\n  <file>\n    <unit id=\"a\">\n  </file>".utf8), path: "bad.xlf")
        #expect(file == nil)
        #expect(problems.map { "\($0.file):\($0.line) \($0.check)" } == ["bad.xlf:4 xliff-syntax"])
        let (_, other) = XLIFF.read(Data("<root/>".utf8), path: "other.xlf")
        #expect(other.map(\.description) == ["other.xlf:1:1: error: [xliff-syntax] the root element is not <xliff> of urn:oasis:names:tc:xliff:document:2.0"])
    }

    @Test func icuJSONBothWays() throws {
        let german = Self.file(try Self.fixture("de.yaml"), Self.german)
        let json = ICUJSON.document(entries: german.entries.map { ($0.key, $0.message) })
        #expect(json == """
            {
              "greeting": "Hallo {name}, willkommen zurück.",
              "attempts": "{count, plural, one {# Versuch übrig.} other {# Versuche übrig.}}"
            }

            """)
        let edited = json.replacingOccurrences(of: "Hallo {name}, willkommen zurück.", with: "Hallo {name}! Schön, dich zu sehen.")
            .replacingOccurrences(of: "}}\"\n}", with: "}}\",\n  \"field.email\": \"{problem, select, mising {Gib deine E-Mail-Adresse ein.} other {Prüfe deine E-Mail-Adresse.}}\"\n}")
        let (messages, problems) = ICUJSON.read(edited, path: "de.json")
        #expect(problems.isEmpty)
        #expect(messages.map(\.key) == ["greeting", "attempts", "field.email"])
        let outcome = TranslationImport.apply(messages, tag: Self.german, existing: try Self.fixture("de.yaml"), path: "locales/de.yaml",
                                              source: try Self.fixture("en.yaml"), importPath: "de.json")
        // `mising` is not a key of the source's select, and `missing` lacks: an error at the member's key, nothing written.
        #expect(outcome.text == nil)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.map { "\($0.file):\($0.line):\($0.column) \($0.check)" } == [
            "de.json:4:20 select-keyword", "de.json:4:37 select-keyword",
        ])
    }

    @Test func everyShippedLocaleSurvivesARoundTripByteForByte() throws {
        let sources = MessageCatalog.embeddedSources
        let source = try #require(sources.first { $0.path.hasSuffix("/en.yaml") })
        for translation in sources where translation.path != source.path {
            let tag = try #require(LocaleValidator.tag(forPath: translation.path))
            let xliff = Self.exportedXLIFF(source: source, translation: translation, tag: tag)
            let (read, problems) = XLIFF.read(Data(xliff.utf8), path: "\(tag).xlf")
            #expect(problems.isEmpty, "\(tag)")
            let outcome = TranslationImport.apply(TranslationImport.messages(of: try #require(read)), tag: tag, existing: translation,
                                                  path: translation.path, source: source, importPath: "\(tag).xlf")
            #expect(outcome.text == nil && outcome.changedKeys.isEmpty && !outcome.hasErrors, "XLIFF \(tag): \(outcome.diagnostics)")
            let json = ICUJSON.document(entries: Self.file(translation, tag).entries.map { ($0.key, $0.message) })
            let (messages, _) = ICUJSON.read(json, path: "\(tag).json")
            let fromJSON = TranslationImport.apply(messages, tag: tag, existing: translation, path: translation.path, source: source,
                                                   importPath: "\(tag).json")
            #expect(fromJSON.text == nil && fromJSON.changedKeys.isEmpty && !fromJSON.hasErrors, "JSON \(tag)")
        }
    }

    @Test func writerQuotesWhatYAMLWouldReadOtherwise() {
        #expect(LocaleFileWriter.scalar("Ihre Zahlung wurde abgelehnt.") == "Ihre Zahlung wurde abgelehnt.")
        #expect(LocaleFileWriter.scalar("{count, plural, other {#}}") == "\"{count, plural, other {#}}\"")
        #expect(LocaleFileWriter.scalar("Boutique : solde") == "\"Boutique : solde\"")
        #expect(LocaleFileWriter.scalar("yes") == "\"yes\"")
        #expect(LocaleFileWriter.scalar("1e10") == "\"1e10\"")
        #expect(LocaleFileWriter.scalar("a\"b\\c\nd") == #""a\"b\\c\nd""#)
        #expect(LocaleFileWriter.entry(.init(key: "k", message: "Text", fingerprint: "0000abcd")) == "k:\n  source: \"0000abcd\"\n  message: Text\n")
    }
}
