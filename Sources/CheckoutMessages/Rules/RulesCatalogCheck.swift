/// Checks rules against a catalog before they are used together.
struct RulesCatalogCheck {
    let rules: ResolutionRules
    let catalog: MessageCatalog

    func run() throws(RulesError) {
        var problems: [RulesProblem] = []
        func problem(_ position: SourcePosition, _ message: String) {
            problems.append(RulesProblem(file: rules.file, line: position.line, column: position.column, message: message))
        }
        for (key, position) in rules.keyPositions where catalog.sourceEntries[key] == nil {
            problem(position, "message key `\(key)` is not in the source catalog (\(catalog.sourceLocale).yaml)")
        }
        for reference in rules.references {
            guard case .field(let id) = reference.target, rules.fieldMessages[id] == nil else { continue }
            problem(reference.position, "field `\(id)` is not in the `fields` table")
        }
        guard problems.isEmpty else { throw RulesError(problems: problems) }

        // The last key of every list is what a customer sees when optional arguments are missing: it must
        // format in every locale with only the arguments the resolver always supplies.
        let supplied = SuppliedArgument.alwaysSuppliedSample
        var lastResorts: [(key: String, position: SourcePosition)] = []
        for outcome in rules.outcomes.values.sorted(by: { $0.name < $1.name }) {
            if let last = outcome.messages.last { lastResorts.append((last, outcome.position)) }
            if case .fixed(let fields) = outcome.fields {
                for field in fields { if let last = field.messages.last { lastResorts.append((last, outcome.position)) } }
            }
        }
        for (_, keys) in rules.fieldMessages.sorted(by: { $0.key < $1.key }) {
            if let last = keys.last {
                lastResorts.append((last, rules.keyPositions.first { $0.key == last }?.position ?? SourcePosition(line: 1, column: 1)))
            }
        }
        for (key, position) in lastResorts {
            let needs = Set(catalog.sourceEntries[key]?.arguments.keys.map { $0 } ?? []).subtracting(SuppliedArgument.alwaysSupplied.map(\.rawValue))
            if !needs.isEmpty {
                problem(position, "`\(key)` is the last message of its list but needs {\(needs.sorted().joined(separator: ", "))}; add a variant without them")
                continue
            }
            for locale in catalog.locales {
                guard let negotiated = try? catalog.negotiate(tag: locale.identifier),
                      let message = catalog.message(key, in: negotiated)
                else { continue }
                if (try? message.format(supplied)) == nil {
                    problem(position, "`\(key)` does not format in \(locale) with only the supplied arguments")
                }
            }
        }
        guard problems.isEmpty else { throw RulesError(problems: problems) }
    }
}
