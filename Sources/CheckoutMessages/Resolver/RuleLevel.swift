/// The rule level that decided a resolution, in match order.
public enum RuleLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case type, code, family, status, fallback
}
