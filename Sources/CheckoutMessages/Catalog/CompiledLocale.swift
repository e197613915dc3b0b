/// The messages of one locale, each compiled by ICU.
struct CompiledLocale: Sendable {
    let tag: LocaleTag
    let direction: TextDirection
    /// The locale's own messages (for a brand: the base's, shared).
    let messages: [String: CompiledMessage]
    /// A brand's messages on top of `messages` (usually empty): a brand costs what it changes, not a copy.
    var overrides: [String: CompiledMessage] = [:]

    init(tag: LocaleTag, direction: TextDirection, messages: [String: CompiledMessage]) {
        self.tag = tag
        self.direction = direction
        self.messages = messages
    }

    /// The message for `key` in this locale, a brand's first.
    @inline(__always)
    func message(_ key: String) -> CompiledMessage? {
        overrides.isEmpty ? messages[key] : overrides[key] ?? messages[key]
    }

    /// Whether the locale has a message for `key`.
    func has(_ key: String) -> Bool { message(key) != nil }

    /// A pseudo-locale built from the source messages.
    static func pseudo(_ pseudo: PseudoLocale, source: LocaleFile, structures: [String: PatternStructure]) -> CompiledLocale {
        var messages: [String: CompiledMessage] = [:]
        for entry in source.entries {
            guard let structure = structures[entry.key],
                  let message = try? CompiledMessage(pattern: pseudo.transform(entry.message, structure: structure), locale: pseudo.tag)
            else { continue }
            messages[entry.key] = message
        }
        return CompiledLocale(tag: pseudo.tag, direction: pseudo.tag.direction, messages: messages)
    }
}
