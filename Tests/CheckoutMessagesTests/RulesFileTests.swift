import Foundation
import Testing

@testable import CheckoutMessages

@Suite("Rules file")
struct RulesFileTests {
    static let minimalRules = """
        outcomes:
          decline:
            presentation: retry
            sameMethod: false
            messages: [decline.generic]
          fault:
            presentation: stop
            messages: [stop.generic]
        match:
          types: {}
          codes: {2101: decline}
          families: {}
          statuses: {}
          fallback: {other: fault}
        fields: {}
        """

    @Test func replacementRulesAreUsed() throws {
        let resolver = try Resolver(catalog: shippedCatalog, rules: ResolutionRules(yaml: Self.minimalRules))
        #expect(try resolver.resolve(UpstreamError(status: 400, code: 2101)).key == "decline.generic")
        #expect(try resolver.resolve(UpstreamError(status: 400, code: 1034)).key == "stop.generic")
        #expect(try resolver.resolve(UpstreamError(status: 400, code: 1034)).matchedBy == .fallback)
    }

    @Test func embeddedRulesMatchTheRepositoryFile() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/default.yaml"), encoding: .utf8)
        let fromFile = try ResolutionRules(yaml: text)
        let embedded = try ResolutionRules.embedded()
        #expect(fromFile.outcomes == embedded.outcomes)
        #expect(fromFile.byCode == embedded.byCode)
    }

    private func problems(_ yaml: String, catalog: MessageCatalog = shippedCatalog) -> [String] {
        do {
            _ = try Resolver(catalog: catalog, rules: ResolutionRules(yaml: yaml, file: "bad.yaml"))
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func unknownMessageKeyIsReportedAtItsPosition() {
        let yaml = Self.minimalRules.replacingOccurrences(of: "messages: [decline.generic]", with: "messages: [decline.generik]")
        #expect(problems(yaml) == ["bad.yaml:5:16: error: message key `decline.generik` is not in the source catalog (en.yaml)"])
    }

    @Test func unknownOutcomeIsReported() {
        let yaml = Self.minimalRules.replacingOccurrences(of: "codes: {2101: decline}", with: "codes: {2101: declne}")
        #expect(problems(yaml) == ["bad.yaml:11:17: error: no outcome named `declne`"])
    }

    @Test func invalidPresentationIsReported() {
        let yaml = Self.minimalRules.replacingOccurrences(of: "presentation: stop", with: "presentation: halt")
        #expect(problems(yaml) == ["bad.yaml:7:19: error: outcome `fault`: presentation must be inline, retry or stop",
                                   "bad.yaml:14:21: error: no outcome named `fault`"])
    }

    @Test func retryWithoutSameMethodIsReported() {
        let yaml = Self.minimalRules.replacingOccurrences(of: "    sameMethod: false\n", with: "")
        #expect(problems(yaml) == ["bad.yaml:3:5: error: retry outcome `decline` needs `sameMethod: true|false`"])
    }

    @Test func lastMessageMustNotNeedOptionalArguments() {
        let yaml = Self.minimalRules.replacingOccurrences(of: "messages: [stop.generic]", with: "messages: [stop.generic.reference]")
        #expect(problems(yaml) == ["bad.yaml:7:5: error: `stop.generic.reference` is the last message of its list but needs {reference}; add a variant without them"])
    }

    @Test func missingFallbackAndBadStatusAreReported() {
        let yaml = Self.minimalRules
            .replacingOccurrences(of: "fallback: {other: fault}", with: "fallback: {4xx: fault}")
            .replacingOccurrences(of: "statuses: {}", with: "statuses: {abc: fault}")
        #expect(problems(yaml) == [
            "bad.yaml:13:13: error: `abc` is not an HTTP status (e.g. 404) or class (e.g. 5xx)",
            "bad.yaml:14:13: error: fallback needs an `other` outcome",
        ])
    }

    @Test func yamlSyntaxErrorIsReported() {
        let result = problems("outcomes:\n  a: [unclosed\nmatch: {}\n")
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("bad.yaml:3:") == true)
        #expect(result.first?.contains("YAML syntax") == true)
    }

    @Test func inlineUpstreamNeedsOtherwise() {
        let yaml = Self.minimalRules.replacingOccurrences(of: """
              fault:
                presentation: stop
                messages: [stop.generic]
            """, with: """
              fault:
                presentation: inline
                messages: [form.check_fields]
                fields: upstream
            """)
        #expect(problems(yaml) == ["bad.yaml:7:5: error: outcome `fault` takes upstream fields and needs `otherwise:` for when none is the customer's"])
    }
}
