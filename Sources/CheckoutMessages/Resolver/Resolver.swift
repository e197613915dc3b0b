/// Turns upstream payment errors into customer-facing resolutions: rules pick the outcome, the catalog
/// supplies the words.
///
/// ```swift
/// let resolver = try Resolver(catalog: try MessageCatalog.embedded())
/// let resolution = resolver.resolve(UpstreamError(status: 400, body: responseBytes), locale: "de-AT")
/// ```
///
/// Build one at startup and share it; it is immutable and `Sendable`.
public struct Resolver: Sendable {
    /// The messages.
    public var catalog: MessageCatalog { storage.catalog }
    /// The policy.
    public var rules: ResolutionRules { storage.rules }
    /// Everything in one object, so that copying a resolver (a service reads it out of its current
    /// snapshot on every request) retains one reference instead of each table.
    private let storage: Storage

    private final class Storage: Sendable {
        let catalog: MessageCatalog
        let rules: ResolutionRules
        /// Per outcome (aligned with `tables.outcomes`): how its fields are found, and its fallback outcome.
        let facts: [(fieldMode: FieldMode, otherwise: Int?)]
        /// Per outcome and locale (`outcome * localeCount + locale`), what resolving reads; each thread
        /// works on copies of its own (`ThreadPlanCache`).
        let localized: [LocalizedPlan]
        let localeCount: Int
        /// Distinguishes this resolver's plans in the threads' caches.
        let generation: Int
        /// The match tables of the rules, with outcome indices instead of names.
        let tables: MatchTables
        /// Per canonical field id, its messages per locale.
        let fieldPlans: [String: [[MessageCandidate]]]
        /// A brand that keeps its base's rules: the base's storage, whose plans (and each thread's copies of
        /// them) it uses wherever its messages are the base's. Nil for a resolver of its own.
        let base: Storage?
        /// A brand's own plans, by `outcome * localeCount + locale`: where its messages differ from the base's.
        let overrides: [Int: LocalizedPlan]

        init(catalog: MessageCatalog, rules: ResolutionRules) {
            self.catalog = catalog
            self.rules = rules
            let tables = MatchTables(rules)
            self.tables = tables
            let fieldPlans = rules.fieldMessages.mapValues { MessageCandidate.plan($0, catalog: catalog) }
            self.fieldPlans = fieldPlans
            let plans = tables.outcomes.map {
                OutcomePlan(outcome: $0, rules: rules, outcomeIndex: tables.index, catalog: catalog, fieldPlans: fieldPlans)
            }
            facts = plans.map { ($0.fieldMode, $0.otherwise) }
            localized = plans.flatMap(\.localized)
            localeCount = catalog.compiled.count
            generation = resolverGenerations.wrappingAdd(1, ordering: .relaxed).newValue
            base = nil
            overrides = [:]
        }

        /// A brand's storage over `base`: plans of its own only for the outcomes and locales whose messages
        /// the brand changes (`touched`: per locale index, the keys whose message differs from the base's).
        init(brandOf base: Storage, catalog: MessageCatalog, touched: [Int: Set<String>]) {
            self.catalog = catalog
            rules = base.rules
            tables = base.tables
            facts = base.facts
            localized = []
            localeCount = catalog.compiled.count
            generation = resolverGenerations.wrappingAdd(1, ordering: .relaxed).newValue
            self.base = base
            // Per touched locale, one candidate per key: the base's where the brand leaves the message alone.
            var pools: [Int: CandidatePool] = [:]
            for (locale, changed) in touched {
                pools[locale] = locale < base.localeCount
                    ? CandidatePool(base: stride(from: locale, to: base.localized.count, by: base.localeCount).map { base.localized[$0] }, fieldPlans: base.fieldPlans,
                                    locale: locale, changed: changed)
                    : CandidatePool()
            }
            // Field plans: the base's arrays, with the touched locales' candidates replaced.
            var fieldPlans = base.fieldPlans
            for (field, keys) in base.rules.fieldMessages {
                let locales = touched.filter { !$0.value.isDisjoint(with: keys) }.keys
                guard !locales.isEmpty, var perLocale = fieldPlans[field] else { continue }
                while perLocale.count < catalog.compiled.count { perLocale.append([]) }
                for locale in locales {
                    perLocale[locale] = MessageCandidate.candidates(keys, catalog: catalog, locale: locale, pool: pools[locale])
                }
                fieldPlans[field] = perLocale
            }
            self.fieldPlans = fieldPlans
            var overrides: [Int: LocalizedPlan] = [:]
            let rules = base.rules
            let localeCount = catalog.compiled.count
            for (outcomeIndex, outcome) in base.tables.outcomes.enumerated() {
                let keys = OutcomePlan.keys(of: outcome, rules: rules)  // its fields' keys included
                for (locale, changed) in touched where !changed.isDisjoint(with: keys) {
                    overrides[outcomeIndex * localeCount + locale] = OutcomePlan.localized(
                        outcome, rules: rules, catalog: catalog, fieldPlans: fieldPlans, locale: locale, pool: pools[locale])
                }
            }
            self.overrides = overrides
        }

        /// The plan of an outcome in a locale: for a brand its own where it has one, else the base's; a
        /// thread works on its own copy of a shared plan (`ThreadPlanCache`).
        @inline(__always)
        func plan(outcome: Int, locale: Int) -> LocalizedPlan {
            if let base {
                if let own = overrides[outcome &* localeCount &+ locale] { return own }
                return ThreadPlanCache.current.plan(generation: base.generation, index: outcome &* base.localeCount &+ locale,
                                                    shared: base.localized)
            }
            return ThreadPlanCache.current.plan(generation: generation, index: outcome &* localeCount &+ locale, shared: localized)
        }
    }

    /// Pairs a catalog with rules (the embedded default when `rules` is nil) and checks them against each
    /// other: every key must exist, and every outcome's last message must be complete in every locale
    /// with only what the resolver always supplies.
    public init(catalog: MessageCatalog, rules: ResolutionRules? = nil) throws(RulesError) {
        let rules = if let rules { rules } else { try ResolutionRules.embedded() }
        try RulesCatalogCheck(rules: rules, catalog: catalog).run()
        storage = Storage(catalog: catalog, rules: rules)
    }

    /// A brand's resolver over this one's catalog and rules: the brand's messages on top, key by key (see
    /// `BrandSource`), and its own `rules.yaml` if it has one. A brand that keeps the rules shares this
    /// resolver's plans and builds its own only where its messages differ, so it costs memory in
    /// proportion to what it changes.
    ///
    /// - Throws: `BrandError` with every error the brand's files have (warnings do not stop it; they are
    ///   in the result's `catalog.diagnostics`).
    public func branded(_ brand: BrandSource) throws(BrandError) -> Resolver {
        let base = storage.catalog
        let overlay = BrandOverlay.validate(brand.files, base: base)
        guard !overlay.hasErrors else { throw BrandError(diagnostics: overlay.diagnostics, rulesProblems: []) }
        let catalog: MessageCatalog
        do {
            catalog = try MessageCatalog(overlaying: base, with: overlay)
        } catch {
            throw BrandError(diagnostics: overlay.diagnostics + error.diagnostics, rulesProblems: [])
        }
        if let rulesFile = brand.rules {
            do {
                return try Resolver(catalog: catalog, rules: ResolutionRules(yaml: rulesFile.text, file: rulesFile.path))
            } catch {
                throw BrandError(diagnostics: overlay.diagnostics, rulesProblems: error.problems)
            }
        }
        guard storage.base == nil else {  // a brand of a brand: plans of its own
            do {
                return try Resolver(catalog: catalog, rules: storage.rules)
            } catch {
                throw BrandError(diagnostics: overlay.diagnostics, rulesProblems: error.problems)
            }
        }
        return Resolver(storage: Storage(brandOf: storage, catalog: catalog, touched: catalog.changedKeys))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// Resolves in the customer's locale, negotiated as `MessageCatalog.negotiate(tag:acceptLanguage:)`
    /// does: the explicit `locale` tag (`de-AT` → `de`; an unknown language → the default locale), else
    /// the HTTP `Accept-Language` value, else the default locale.
    ///
    /// - Throws: `LocaleTagError` when `locale` is not well-formed BCP 47 (`../etc`, `german!`): a tag
    ///   that cannot be a language is the caller's mistake, not a customer to answer in the default locale.
    public func resolve(_ error: UpstreamError, locale: String? = nil, acceptLanguage: String? = nil,
                        arguments: MessageArguments = [:]) throws(LocaleTagError) -> Resolution {
        resolve(error, in: try storage.catalog.negotiate(tag: locale, acceptLanguage: acceptLanguage), arguments: arguments)
    }

    /// Resolves in an already negotiated locale.
    public func resolve(_ error: UpstreamError, in locale: NegotiatedLocale, arguments: MessageArguments = [:]) -> Resolution {
        var (index, level) = match(error)
        let fieldMode = storage.facts[index].fieldMode
        var upstreamFields: [LocalizedField] = []
        if fieldMode == .upstream {
            upstreamFields = customerFields(error.fieldErrors).map {
                let candidates = storage.fieldPlans[$0.field] ?? []
                return LocalizedField(field: $0.field, candidates: locale.index < candidates.count ? candidates[locale.index] : [],
                                      problem: $0.problem, sameAsOutcome: false)
            }
            if upstreamFields.isEmpty, let otherwise = storage.facts[index].otherwise { index = otherwise }
        }
        let plan = storage.plan(outcome: index, locale: locale.index)
        let presentation = plan.presentation
        // The caller's `reference` and `afterSeconds`, in one pass over the (usually tiny) dictionary.
        var callerReference: String?
        var callerDelay: Double?
        if !arguments.isEmpty {
            for (name, value) in arguments {
                if name == SuppliedArgument.reference.rawValue {
                    callerReference = value.textValue
                } else if name == SuppliedArgument.afterSeconds.rawValue, presentation == .retry {
                    callerDelay = value.delayValue
                }
            }
        }
        let reference = error.traceId ?? callerReference
        // Whole seconds, rounded up; zero or less (the caller's "no delay") suggests none.
        let afterSeconds = presentation == .retry ? (callerDelay ?? plan.afterSeconds).flatMap { $0 > 0 ? $0.rounded(.up) : nil } : nil
        if var resolution = plan.template {
            resolution.reference = reference
            if afterSeconds != nil { resolution.retry?.afterSeconds = afterSeconds }
            resolution.matchedBy = level
            return resolution
        }
        let fields = fieldMode == .fixed ? plan.fixedFields : upstreamFields
        var available = ArgumentSource(caller: arguments, count: fields.count)
        available.reference = reference
        available.afterSeconds = afterSeconds
        let (key, message) = format(plan.candidates, arguments: available)
        var fieldMessages: [FieldMessage] = []
        if presentation == .inline, !fields.isEmpty {
            fieldMessages.reserveCapacity(fields.count)
            for field in fields {
                // A field showing the outcome's own message (1033, 1042) reuses the text already formatted.
                if field.sameAsOutcome {
                    fieldMessages.append(FieldMessage(field: field.field, message: message))
                    continue
                }
                var fieldArguments = available
                fieldArguments.problem = field.problem
                fieldMessages.append(FieldMessage(field: field.field, message: format(field.candidates, arguments: fieldArguments).text))
            }
        }
        return Resolution(
            presentation: presentation, message: message, key: key, locale: locale.tag.identifier, direction: locale.direction,
            retry: presentation == .retry ? RetryAdvice(sameMethod: plan.sameMethod, afterSeconds: afterSeconds) : nil,
            fields: fieldMessages, reference: reference, matchedBy: level)
    }

    /// The outcome for an error, in the rules' match order, as an index into `tables.outcomes`.
    func match(_ error: UpstreamError) -> (Int, RuleLevel) {
        if let type = error.type, let index = storage.tables.byType[type.rawValue] { return (index, .type) }
        if let code = error.code {
            if let index = storage.tables.byCode[code] { return (index, .code) }
            if code >= 1000, let index = storage.tables.byFamily[code / 10] { return (index, .family) }
        }
        if let status = error.status, let index = storage.tables.byStatus[status] ?? storage.tables.byStatusClass[status / 100] {
            return (index, .status)
        }
        return (error.status.flatMap { storage.tables.fallbackByClass[$0 / 100] } ?? storage.tables.fallbackOther, .fallback)
    }

    /// The customer-fixable fields among upstream field errors, each once, in upstream order.
    func customerFields(_ errors: [FieldError]) -> [(field: String, problem: String)] {
        var seen: Set<String> = []
        return errors.compactMap { error in
            guard let id = storage.rules.canonicalField(for: error), storage.rules.fieldMessages[id] != nil, seen.insert(id).inserted else {
                return nil
            }
            let missing = error.type.map { storage.rules.missingFieldTypes.contains($0.lowercased()) } ?? false
            return (id, missing ? "missing" : "invalid")
        }
    }

    /// The first candidate whose arguments are all available and valid; the rules check guarantees the
    /// last one needs only what the resolver supplies.
    func format(_ candidates: [MessageCandidate], arguments: ArgumentSource) -> (key: String, text: String) {
        for index in candidates.indices {
            if let text = candidates[index].format(arguments) { return (candidates[index].key, text) }
        }
        return (candidates.last?.key ?? "", "")
    }
}
