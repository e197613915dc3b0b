/// A failed-charge reason of the charge endpoint, e.g. `insufficient_funds`.
///
/// The type is an open set: an identifier the rules do not know is kept as is and simply matches no
/// type rule. The nineteen documented types are listed with the fixed uuid the endpoint sends for each.
public struct ChargeErrorType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The identifier, e.g. `declined_by_three_ds`.
    public let rawValue: String

    /// Wraps an identifier; surrounding whitespace is dropped and letters are lower-cased.
    public init(rawValue: String) {
        self.rawValue = String(rawValue.trimmingWhitespace).lowercased()
    }

    /// The documented type the endpoint identifies by `uuid` (compared case-insensitively).
    public init?(uuid: String) {
        guard let type = Self.byUUID[uuid.trimmingWhitespace.lowercased()] else { return nil }
        self = type
    }

    public var description: String { rawValue }

    /// The documented types and their uuids, as the charge endpoint documents them.
    public static let documented: [(type: ChargeErrorType, uuid: String)] = [
        // EXTERNAL technical errors (from providers)
        ("external_timeout", "a39d10fb-a73e-4092-9e34-b8f0c5451bb9"),
        ("external_technical_error", "0b58b701-30a5-4eab-965d-cc712aa68cf0"),
        ("configuration_errors", "f024a51b-a85e-4b18-9197-0927dc864a51"),
        ("invalid_parameters", "ea9b4131-2e44-46af-aa65-f55f68db157a"),
        ("mismatch_error", "4f7a9b2c-3d1e-4a5f-8b6c-7d8e9f0a1b2c"),
        ("missing_error_type", "268011ca-a21b-4169-95cd-b7d41d042e6d"),
        // BUSINESS (declined) errors
        ("active_token_not_found", "410a56c9-39c2-4387-aa6d-ea12e6b4d1e4"),
        ("cancelled", "bdf477c2-4181-4e74-b580-64d37d79c69f"),
        ("card_validation_failed", "c11b3280-771d-4ac6-9ded-0f4c6cffc4c6"),
        ("declined_by_card_bin", "80744c5c-edb2-4194-8026-fcf4455a783f"),
        ("declined_by_internal_anti_fraud", "9fada7ba-cbde-434d-97fc-0fbc61aab585"),
        ("declined_by_provider_anti_fraud", "be7f817b-62f7-46d9-b257-e554d5644c69"),
        ("declined_by_three_ds", "a872183b-244a-4d78-9250-e5ff976913ee"),
        ("general_decline", "45beacf7-54f7-4706-836c-0019c0c0f6d2"),
        ("insufficient_funds", "2274eded-bb92-4813-94c1-ad323a69b064"),
        ("limit_exceeded", "9bec96b4-e67a-4401-aea5-31a62e863abc"),
        ("risk_response", "11a8e97c-ec79-4c13-8989-6fe6c4bf3f2a"),
        ("stolen_restricted_card", "449fc358-652b-46b4-b9b2-0e89de5773ef"),
        ("rejected", "6036f712-9dd1-425f-a8ba-25b4471fd1a2"),
    ]

    /// The declines whose reason must stay private: fraud screening (the shop's own, with its blocklists,
    /// and the provider's), risk scoring, stolen or restricted cards, and the generic declines. Rules must
    /// give them one identical outcome, so that a customer cannot tell one from another.
    public static let privateDeclines: [ChargeErrorType] = [
        "declined_by_internal_anti_fraud", "declined_by_provider_anti_fraud", "risk_response", "stolen_restricted_card",
        "general_decline", "rejected",
    ]

    private static let byUUID: [String: ChargeErrorType] = Dictionary(
        uniqueKeysWithValues: documented.map { ($0.uuid, $0.type) })
}

extension ChargeErrorType: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
}
