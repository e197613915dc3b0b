/// The subset of SARIF 2.1.0 that code hosts read to show findings inline.
struct SARIFLog: Encodable {
    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
    }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String
        let rules: [Rule]
    }
    struct Rule: Encodable {
        let id: String
        let shortDescription: Text
        let defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { let level: String }
    struct Text: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String
        let level: String
        let message: Text
        let locations: [Location]
        let partialFingerprints: [String: String]?
    }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }
    struct ArtifactLocation: Encodable { let uri: String }
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let version = "2.1.0"
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    init(_ diagnostics: [LocaleFileDiagnostic], toolVersion: String) {
        let rules = ValidationCheck.allCases.filter(\.isValidatorCheck).map {
            Rule(id: $0.rawValue, shortDescription: Text(text: $0.summary), defaultConfiguration: Configuration(level: $0.severity.rawValue))
        }
        let results = diagnostics.map { diagnostic in
            var text = diagnostic.message
            if let key = diagnostic.key { text += " (\(key))" }
            if let hint = diagnostic.hint { text += ". Hint: \(hint)" }
            return Result(
                ruleId: diagnostic.check.rawValue, level: diagnostic.severity.rawValue, message: Text(text: text),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: diagnostic.file),
                    region: Region(startLine: diagnostic.line, startColumn: diagnostic.column)))],
                partialFingerprints: diagnostic.key.map { ["messageKey": $0] })
        }
        runs = [Run(tool: Tool(driver: Driver(name: "checkout-messages", version: toolVersion,
                                              informationUri: "https://github.com/checkout-messages/checkout-messages",
                                              rules: rules)),
                    results: results)]
    }
}
