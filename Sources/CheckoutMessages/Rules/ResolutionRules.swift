import Yams

/// The resolution policy: which outcome each upstream error gets, read from a rules file.
///
/// The shipped rules (`rules/default.yaml`) are embedded; `ResolutionRules(yaml:)` reads a replacement
/// of the same structure. Rules are checked structurally on reading, and against a catalog when a
/// `Resolver` is built from them (every key must exist, every last-resort message must be complete).
public struct ResolutionRules: Sendable {
    /// Outcomes by name.
    public let outcomes: [String: Outcome]
    let byType: [String: String]
    let byCode: [Int: String]
    let byFamily: [Int: String]
    let byStatus: [Int: String]
    let byStatusClass: [Int: String]
    let fallbackByClass: [Int: String]
    let fallbackOther: String
    /// Canonical field id for each normalized upstream name.
    let fieldAliases: [String: String]
    /// Message keys for each canonical field id.
    public let fieldMessages: [String: [String]]
    let missingFieldTypes: Set<String>
    let file: String
    /// Names the file uses that must exist elsewhere (outcomes, field ids), with their positions.
    let references: [RulesReference]
    let keyPositions: [(key: String, position: SourcePosition)]

    /// The rules shipped with the library (`rules/default.yaml`).
    public static func embedded() throws(RulesError) -> ResolutionRules {
        guard let file = EmbeddedResources.texts(in: "rules").first(where: { $0.path.hasSuffix("/default.yaml") }) else {
            throw RulesError(problems: [RulesProblem(file: "rules/default.yaml", line: 1, column: 1,
                                                     message: "the embedded rules are missing")])
        }
        return try ResolutionRules(yaml: file.text, file: file.path)
    }

    /// Reads a rules file. Every structural problem is reported with its line and column.
    public init(yaml: String, file: String = "rules.yaml") throws(RulesError) {
        var reader = RulesReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (position, problem) = error.positionAndProblem(in: yaml)
            throw RulesError(problems: [RulesProblem(file: file, line: position.line, column: position.column,
                                                     message: "YAML syntax: \(problem)")])
        } catch {
            throw RulesError(problems: [RulesProblem(file: file, line: 1, column: 1, message: "YAML: \(error)")])
        }
        guard let root, case .mapping = root else {
            throw RulesError(problems: [RulesProblem(file: file, line: 1, column: 1,
                                                     message: "the rules file must be a mapping with outcomes, match and fields")])
        }
        var outcomes: [String: Outcome] = [:]
        for (nameNode, node) in reader.mapping(root, "outcomes") {
            guard let name = nameNode.string else { continue }
            if let outcome = reader.outcome(name: name, node) { outcomes[name] = outcome }
        }
        let match = reader.required(root, "match")
        let byType = reader.table(match, "types") { $0 }
        let byCode = reader.table(match, "codes") { Int($0) }
        let byFamily = reader.table(match, "families") { Int($0) }
        var byStatus: [Int: String] = [:]
        var byStatusClass: [Int: String] = [:]
        for (status, outcome) in reader.table(match, "statuses", { $0 }) {
            if let exact = Int(status), (100...599).contains(exact) {
                byStatus[exact] = outcome
            } else if let statusClass = statusClass(status) {
                byStatusClass[statusClass] = outcome
            } else {
                reader.problem(at: match?["statuses"], "`\(status)` is not an HTTP status (e.g. 404) or class (e.g. 5xx)")
            }
        }
        var fallbackByClass: [Int: String] = [:]
        var fallbackOther: String?
        for (name, outcome) in reader.table(match, "fallback", { $0 }) {
            if name == "other" {
                fallbackOther = outcome
            } else if let statusClass = statusClass(name) {
                fallbackByClass[statusClass] = outcome
            } else {
                reader.problem(at: match?["fallback"], "fallback keys are status classes (4xx, 5xx) or `other`")
            }
        }
        if fallbackOther == nil { reader.problem(at: match?["fallback"], "fallback needs an `other` outcome") }
        var fieldAliases: [String: String] = [:]
        var fieldMessages: [String: [String]] = [:]
        for (idNode, node) in reader.mapping(root, "fields") {
            guard let id = idNode.string else { continue }
            fieldMessages[id] = reader.keyList(node["messages"], at: node)
            for alias in reader.strings(node["upstream"], at: node) {
                let normalized = FieldNames.normalize(alias)
                if let existing = fieldAliases[normalized], existing != id {
                    reader.problem(at: node["upstream"], "upstream name `\(alias)` already means \(existing)")
                }
                fieldAliases[normalized] = id
            }
        }
        let missing = Set(reader.strings(root["missingFieldTypes"], at: root).map { $0.lowercased() })

        reader.checkReferences(outcomes.keys)
        Self.checkPrivateDeclines(byType, root: root, match: match, reader: &reader)
        guard reader.problems.isEmpty, let fallbackOther else { throw RulesError(problems: reader.problems) }
        self.outcomes = outcomes
        self.byType = Dictionary(uniqueKeysWithValues: byType.map { (ChargeErrorType(rawValue: $0.key).rawValue, $0.value) })
        self.byCode = byCode
        self.byFamily = byFamily
        self.byStatus = byStatus
        self.byStatusClass = byStatusClass
        self.fallbackByClass = fallbackByClass
        self.fallbackOther = fallbackOther
        self.fieldAliases = fieldAliases
        self.fieldMessages = fieldMessages
        self.missingFieldTypes = missing
        self.file = file
        self.references = reader.references
        self.keyPositions = reader.keys
    }

    /// The top-level field in which a rules file says why it gives private declines different outcomes.
    public static let distinctPrivateDeclinesField = "distinguishPrivateDeclines"

    /// Customer safety: the private-decline types (`ChargeErrorType.privateDeclines`) must resolve alike —
    /// all with a type rule naming one outcome, or none with a type rule (then the type is ignored) —
    /// unless the file says why not in `distinguishPrivateDeclines`.
    private static func checkPrivateDeclines(_ byType: [String: String], root: Node, match: Node?, reader: inout RulesReader) {
        if let reason = root[distinctPrivateDeclinesField] {
            if let text = reason.string, !text.trimmingWhitespace.isEmpty { return }
            reader.problem(at: reason, "`\(distinctPrivateDeclinesField)` must say, in words, why this policy tells private declines apart")
            return
        }
        let normalized = Dictionary(byType.map { (ChargeErrorType(rawValue: $0.key).rawValue, $0.value) }, uniquingKeysWith: { first, _ in first })
        let types = ChargeErrorType.privateDeclines.map(\.rawValue)
        let lacking = types.filter { normalized[$0] == nil }
        let outcomes = Set(types.compactMap { normalized[$0] })
        // With no type rule for any of them, the type is ignored and they resolve alike (by code or status).
        guard !outcomes.isEmpty, !lacking.isEmpty || outcomes.count > 1 else { return }
        let node = match?["types"] ?? match ?? root
        if !lacking.isEmpty {
            reader.problem(at: node, "private-decline \(lacking.count == 1 ? "type" : "types") \(lacking.map { "`\($0)`" }.joined(separator: ", ")) \(lacking.count == 1 ? "has" : "have") no rule under match.types; without one they resolve by code or status and may differ from the other private declines")
        }
        if outcomes.count > 1 {
            let pairs = types.compactMap { type in normalized[type].map { "\(type) → \($0)" } }.joined(separator: ", ")
            reader.problem(at: node, "private declines must share one outcome, so that fraud, risk, stolen and blocklist declines read like any decline; here \(pairs). Point them at one outcome, or set `\(distinctPrivateDeclinesField): <why>` at the top of the file if the policy tells them apart on purpose")
        }
    }

    /// The canonical field id for an upstream field error, if it is one the customer can fix.
    public func canonicalField(for error: FieldError) -> String? {
        fieldAliases[FieldNames.normalize(error.path)]
            ?? (error.resource == nil ? nil : fieldAliases[FieldNames.normalize(error.field)])
    }
}
