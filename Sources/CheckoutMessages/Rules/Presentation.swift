/// How the checkout should show a message.
public enum Presentation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Beside form fields the customer can correct, then resubmit.
    case inline
    /// A prompt to try again, with the same method (transient faults) or another one (declines).
    case retry
    /// A terminal message: the customer cannot fix this; show the support reference.
    case stop
}
