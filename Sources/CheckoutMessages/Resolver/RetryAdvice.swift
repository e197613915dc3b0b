/// How a customer may retry.
public struct RetryAdvice: Sendable, Hashable, Codable {
    /// Whether retrying with the same card or method can work (transient faults) or another is needed (declines).
    public var sameMethod: Bool
    /// Suggested wait before retrying, in whole seconds (rounded up), when there is one.
    public var afterSeconds: Double?

    /// Creates retry advice.
    public init(sameMethod: Bool, afterSeconds: Double? = nil) {
        self.sameMethod = sameMethod
        self.afterSeconds = afterSeconds
    }
}
