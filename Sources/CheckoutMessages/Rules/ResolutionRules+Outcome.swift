extension ResolutionRules {
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
}
