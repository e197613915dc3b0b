/// The outcome of locale negotiation: a locale the catalog has.
public struct NegotiatedLocale: Sendable, Hashable {
    /// The locale actually used.
    public let tag: LocaleTag
    /// Its writing direction.
    public let direction: TextDirection
    let index: Int
}
