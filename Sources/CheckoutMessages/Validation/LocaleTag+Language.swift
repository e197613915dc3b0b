extension LocaleTag {
    /// The language subtag, e.g. `pt` for `pt-BR`.
    var language: Substring { identifier.split(separator: "-").first ?? Substring(identifier) }
}
