extension MessageCatalog {
    /// Every source key's pattern in `locale`, falling back to the source pattern per key; for
    /// frontends that render with their own ICU MessageFormat implementation.
    public func patterns(for locale: LocaleTag) -> [String: String] {
        guard let index = compiled.firstIndex(where: { $0.tag == locale }) else { return [:] }
        var patterns: [String: String] = [:]
        for key in sourceEntries.keys {
            if let message = message(key, at: index) {
                patterns[key] = message.pattern
            }
        }
        return patterns
    }
}
