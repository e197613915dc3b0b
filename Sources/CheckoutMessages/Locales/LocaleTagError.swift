/// A text that is not a usable BCP 47 language tag.
public struct LocaleTagError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The refused input, shortened so that a hostile value cannot flood logs or responses.
    public let tag: String

    init(tag: String) {
        self.tag = tag.count > 40 ? String(tag.prefix(40)) + "…" : tag
    }

    public var description: String { "not a valid BCP 47 language tag: \"\(tag)\"" }
}
