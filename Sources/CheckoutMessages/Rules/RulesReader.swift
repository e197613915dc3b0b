import Yams

/// Reads the rules YAML, collecting every problem instead of stopping at the first.
struct RulesReader {
    let file: String
    var problems: [RulesProblem] = []
    var references: [RulesReference] = []
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
            references.append(RulesReference(.outcome(outcome), at: SourcePosition(valueNode.mark)))
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
        if let afterSeconds, !(afterSeconds >= 0 && afterSeconds <= RetryDelay.maximumSeconds) {
            problem(at: node["afterSeconds"], "afterSeconds must be from 0 to \(Int(RetryDelay.maximumSeconds)) (a day)")
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
                        references.append(RulesReference(.field(id), at: SourcePosition(item.mark)))
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
        if let otherwise { references.append(RulesReference(.outcome(otherwise), at: SourcePosition(node["otherwise"]?.mark))) }
        if fields == .upstream, otherwise == nil {
            problem(at: node, "outcome `\(name)` takes upstream fields and needs `otherwise:` for when none is the customer's")
        }
        return ResolutionRules.Outcome(name: name, presentation: presentation, sameMethod: sameMethod,
                                       afterSeconds: afterSeconds, messages: messages, fields: fields,
                                       otherwise: otherwise, position: SourcePosition(node.mark))
    }

    /// Every outcome named in `match` or `otherwise` must exist.
    mutating func checkReferences(_ names: Dictionary<String, ResolutionRules.Outcome>.Keys) {
        for reference in references {
            guard case .outcome(let name) = reference.target, !names.contains(name) else { continue }
            problems.append(RulesProblem(file: file, line: reference.position.line, column: reference.position.column,
                                         message: "no outcome named `\(name)`"))
        }
    }
}

/// `4xx` → 4.
func statusClass(_ text: String) -> Int? {
    let lower = text.lowercased()
    guard lower.count == 3, lower.hasSuffix("xx"), let digit = Int(lower.prefix(1)), (1...5).contains(digit) else { return nil }
    return digit
}
