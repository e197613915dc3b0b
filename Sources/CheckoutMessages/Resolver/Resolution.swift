/// What the checkout shows for an upstream error: the customer's message, in their language, and how.
public struct Resolution: Sendable, Hashable, Codable {
    /// Inline beside fields, a retry prompt, or a hard stop.
    public var presentation: Presentation
    /// The customer-facing text, fully formatted for `locale`.
    public var message: String
    /// The catalog key used, e.g. `decline.generic`.
    public var key: String
    /// The locale actually used, after negotiation.
    public var locale: String
    /// The writing direction of `locale`.
    public var direction: TextDirection
    /// For retry: how to retry.
    public var retry: RetryAdvice?
    /// For inline: the messages per canonical field id.
    public var fields: [FieldMessage]
    /// The upstream trace id, which customers can quote to support.
    public var reference: String?
    /// Which rule level matched (type, code, family, status, fallback), for logs and metrics. Not encoded:
    /// the generic-decline group must produce byte-identical JSON whichever input led to it.
    public var matchedBy: RuleLevel = .fallback

    private enum CodingKeys: String, CodingKey {
        case presentation, message, key, locale, direction, retry, fields, reference
    }

    /// Creates a resolution.
    public init(presentation: Presentation, message: String, key: String, locale: String, direction: TextDirection,
                retry: RetryAdvice?, fields: [FieldMessage], reference: String?, matchedBy: RuleLevel) {
        self.presentation = presentation
        self.message = message
        self.key = key
        self.locale = locale
        self.direction = direction
        self.retry = retry
        self.fields = fields
        self.reference = reference
        self.matchedBy = matchedBy
    }
}
