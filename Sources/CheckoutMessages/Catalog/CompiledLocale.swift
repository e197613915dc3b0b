/// The messages of one locale, each compiled by ICU.
struct CompiledLocale: Sendable {
    let tag: LocaleTag
    let direction: TextDirection
    let messages: [String: CompiledMessage]

    init(tag: LocaleTag, direction: TextDirection, messages: [String: CompiledMessage]) {
        self.tag = tag
        self.direction = direction
        self.messages = messages
    }

    /// The message for `key` in this locale.
    @inline(__always)
    func message(_ key: String) -> CompiledMessage? { messages[key] }

    /// Whether the locale has a message for `key`.
    func has(_ key: String) -> Bool { messages[key] != nil }

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
