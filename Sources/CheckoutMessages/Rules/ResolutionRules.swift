import Yams

/// The resolution policy: which outcome each upstream error gets, read from a rules file.
///
/// The shipped rules (`rules/default.yaml`) are embedded; `ResolutionRules(yaml:)` reads a replacement
/// of the same structure. Rules are checked structurally on reading, and against a catalog when a
/// `Resolver` is built from them (every key must exist, every last-resort message must be complete).
public struct ResolutionRules: Sendable {
    /// What to show and how, for one class of errors.
    public struct Outcome: Sendable, Hashable {
        /// The outcome's name in the rules file.
        public let name: String
        /// How the checkout shows it.
        public let presentation: Presentation
        /// For retry: may the customer retry with the same card or method?
        public let sameMethod: Bool?
        /// For retry: the delay to suggest when the caller gives none.
        public let afterSeconds: Double?
        /// Message keys, most specific first.
        public let messages: [String]
        /// Where inline field messages come from.
        public let fields: FieldSource
        /// For `fields: upstream`: the outcome to use when no upstream field is the customer's.
        public let otherwise: String?
        let position: SourcePosition
    }

    /// Where the field list of an inline outcome comes from.
    public enum FieldSource: Sendable, Hashable {
        /// No fields.
        case none
        /// The upstream error's field list, keeping the fields the customer can fix.
        case upstream
        /// A fixed list of canonical field ids, each with its message keys.
        case fixed([(field: String, messages: [String])])

        public static func == (lhs: FieldSource, rhs: FieldSource) -> Bool {
            switch (lhs, rhs) {
            case (.none, .none), (.upstream, .upstream): return true
            case (.fixed(let left), .fixed(let right)):
                return left.map(\.field) == right.map(\.field) && left.map(\.messages) == right.map(\.messages)
            default: return false
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case .none: hasher.combine(0)
            case .upstream: hasher.combine(1)
            case .fixed(let list): hasher.combine(list.map(\.field))
            }
        }
    }

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
    let referencePositions: [(name: String, position: SourcePosition)]
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
            let (position, problem) = error.positionAndProblem
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
            } else if let statusClass = StatusClass(status) {
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
            } else if let statusClass = StatusClass(name) {
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
        self.referencePositions = reader.references
        self.keyPositions = reader.keys
    }

    /// The canonical field id for an upstream field error, if it is one the customer can fix.
    public func canonicalField(for error: FieldError) -> String? {
        fieldAliases[FieldNames.normalize(error.path)]
            ?? (error.resource == nil ? nil : fieldAliases[FieldNames.normalize(error.field)])
    }
}

/// `4xx` → 4.
private func StatusClass(_ text: String) -> Int? {
    let lower = text.lowercased()
    guard lower.count == 3, lower.hasSuffix("xx"), let digit = Int(lower.prefix(1)), (1...5).contains(digit) else { return nil }
    return digit
}

enum FieldNames {
    /// Case-insensitive, ignoring `_` and `-`: `card.Expiry_Month` and `card.expirymonth` are the same name.
    static func normalize(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && !$0.properties.isWhitespace })
    }
}

/// Reads the rules YAML, collecting every problem instead of stopping at the first.
private struct RulesReader {
    let file: String
    var problems: [RulesProblem] = []
    var references: [(name: String, position: SourcePosition)] = []
    var keys: [(key: String, position: SourcePosition)] = []

    init(file: String) { self.file = file }

    mutating func problem(at node: Node?, _ message: String) {
        let position = SourcePosition(node?.mark)
        problems.append(RulesProblem(file: file, line: position.line, column: position.column, message: message))
    }

    mutating func required(_ node: Node, _ name: String) -> Node? {
        guard let value = node[name] else {
            problem(at: node, "missing `\(name):`")
            return nil
        }
        return value
    }

    mutating func mapping(_ node: Node, _ name: String) -> [(Node, Node)] {
        guard let value = required(node, name) else { return [] }
        guard case .mapping(let pairs) = value else {
            problem(at: value, "`\(name)` must be a mapping")
            return []
        }
        return Array(pairs)
    }

    /// A `name: outcome` table whose keys `convert` accepts.
    mutating func table<Key: Hashable>(_ parent: Node?, _ name: String, _ convert: (String) -> Key?) -> [Key: String] {
        guard let parent, let node = parent[name] else {
            if let parent { problem(at: parent, "missing `\(name):`") }
            return [:]
        }
        guard case .mapping(let pairs) = node else {
            problem(at: node, "`\(name)` must be a mapping")
            return [:]
        }
        var result: [Key: String] = [:]
        for (keyNode, valueNode) in pairs {
            guard let text = keyNode.string, let key = convert(text) else {
                problem(at: keyNode, "`\(keyNode.string ?? "?")` is not a valid \(name) entry")
                continue
            }
            guard let outcome = valueNode.string else {
                problem(at: valueNode, "expected an outcome name")
                continue
            }
            if result[key] != nil { problem(at: keyNode, "`\(text)` is listed twice") }
            result[key] = outcome
            references.append((outcome, SourcePosition(valueNode.mark)))
        }
        return result
    }

    mutating func strings(_ node: Node?, at parent: Node) -> [String] {
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            problem(at: node, "expected a list")
            return []
        }
        return items.compactMap { item in
            guard let text = item.string else {
                problem(at: item, "expected text")
                return nil
            }
            return text
        }
    }

    /// A non-empty list of message keys, remembered for the check against the catalog.
    mutating func keyList(_ node: Node?, at parent: Node) -> [String] {
        guard let node else {
            problem(at: parent, "missing `messages:`")
            return []
        }
        let list = strings(node, at: parent)
        if list.isEmpty { problem(at: node, "`messages` needs at least one key") }
        if case .sequence(let items) = node {
            for (item, key) in zip(items, list) { keys.append((key, SourcePosition(item.mark))) }
        }
        return list
    }

    mutating func outcome(name: String, _ node: Node) -> ResolutionRules.Outcome? {
        guard case .mapping = node else {
            problem(at: node, "outcome `\(name)` must be a mapping")
            return nil
        }
        guard let presentationText = node["presentation"]?.string, let presentation = Presentation(rawValue: presentationText) else {
            problem(at: node["presentation"] ?? node, "outcome `\(name)`: presentation must be inline, retry or stop")
            return nil
        }
        let sameMethod = node["sameMethod"]?.bool
        if presentation == .retry, sameMethod == nil {
            problem(at: node, "retry outcome `\(name)` needs `sameMethod: true|false`")
        }
        if presentation != .retry, node["sameMethod"] != nil || node["afterSeconds"] != nil {
            problem(at: node["sameMethod"] ?? node["afterSeconds"], "`sameMethod` and `afterSeconds` apply to retry outcomes only")
        }
        let afterSeconds = node["afterSeconds"].flatMap { $0.float ?? $0.int.map(Double.init) }
        if let afterSeconds, !(afterSeconds >= 0) {
            problem(at: node["afterSeconds"], "afterSeconds must be zero or more")
        }
        let messages = keyList(node["messages"], at: node)
        var fields = ResolutionRules.FieldSource.none
        if let fieldsNode = node["fields"] {
            if presentation != .inline { problem(at: fieldsNode, "only inline outcomes have fields") }
            if fieldsNode.string == "upstream" {
                fields = .upstream
            } else if case .sequence(let items) = fieldsNode {
                var list: [(field: String, messages: [String])] = []
                for item in items {
                    if let id = item.string {
                        list.append((id, []))  // the field's own messages, from the `fields` table
                        references.append(("field:" + id, SourcePosition(item.mark)))
                    } else if let id = item["field"]?.string {
                        list.append((id, keyList(item["messages"], at: item)))
                    } else {
                        problem(at: item, "a field is a canonical id or {field: id, messages: [...]}")
                    }
                }
                fields = .fixed(list)
            } else {
                problem(at: fieldsNode, "fields must be `upstream` or a list of field ids")
            }
        } else if presentation == .inline {
            problem(at: node, "inline outcome `\(name)` needs `fields:`")
        }
        let otherwise = node["otherwise"]?.string
        if let otherwise { references.append((otherwise, SourcePosition(node["otherwise"]?.mark))) }
        if fields == .upstream, otherwise == nil {
            problem(at: node, "outcome `\(name)` takes upstream fields and needs `otherwise:` for when none is the customer's")
        }
        return ResolutionRules.Outcome(name: name, presentation: presentation, sameMethod: sameMethod,
                                       afterSeconds: afterSeconds, messages: messages, fields: fields,
                                       otherwise: otherwise, position: SourcePosition(node.mark))
    }

    /// Every outcome named in `match` or `otherwise` must exist.
    mutating func checkReferences(_ names: Dictionary<String, ResolutionRules.Outcome>.Keys) {
        for reference in references where !reference.name.hasPrefix("field:") && !names.contains(reference.name) {
            problems.append(RulesProblem(file: file, line: reference.position.line, column: reference.position.column,
                                         message: "no outcome named `\(reference.name)`"))
        }
    }
}
