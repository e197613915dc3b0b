import Yams

/// Words that reveal a private decline reason (fraud, stolen, risk, blocked, blacklist…) per language, read
/// from `rules/private-decline-lexicon.yaml`. The validator's `private-reason` check looks for them in every
/// message a private-decline outcome can show, in every locale: no other tool has this check.
public struct PrivateDeclineLexicon: Sendable {
    /// Entries by tag (`de`, `pt-BR`), lowercased.
    let words: [String: [String]]

    /// The shipped lexicon (empty if the embedded file cannot be read, which a test rules out).
    public static let embedded: PrivateDeclineLexicon = {
        guard let file = EmbeddedResources.texts(in: "rules").first(where: { $0.path.hasSuffix("/private-decline-lexicon.yaml") }),
              let lexicon = try? PrivateDeclineLexicon(yaml: file.text)
        else { return PrivateDeclineLexicon(words: [:]) }
        return lexicon
    }()

    init(words: [String: [String]]) {
        self.words = words
    }

    /// Reads `tag: [word, ...]` lines.
    public init(yaml: String) throws {
        guard case .mapping(let mapping)? = try Yams.compose(yaml: yaml) else { throw RulesError(problems: []) }
        var words: [String: [String]] = [:]
        for (key, value) in mapping {
            guard let tag = key.string, case .sequence(let list) = value else { continue }
            words[tag] = list.compactMap { $0.string?.lowercased() }.filter { !$0.isEmpty }
        }
        self.words = words
    }

    /// The entries for a locale: its own tag's, else its language's.
    func entries(for tag: LocaleTag) -> [String] {
        words[tag.identifier] ?? words[String(tag.language)] ?? []
    }

    /// Languages written without spaces between words: an entry matches anywhere.
    static let unspaced: Set<String> = ["ja", "zh", "th", "lo", "km", "my"]

    /// The first entry found in `text` and its offset (in `text`'s characters), matched at the start of a
    /// word (anywhere for unspaced scripts), case-insensitively.
    func firstMatch(in text: String, tag: LocaleTag) -> (word: String, offset: Int)? {
        let entries = entries(for: tag)
        guard !entries.isEmpty else { return nil }
        let lowered = Array(text.lowercased())
        let anywhere = Self.unspaced.contains(String(tag.language))
        for start in lowered.indices where anywhere || start == 0 || !lowered[start - 1].isLetter {
            for entry in entries {
                let characters = Array(entry)
                if start + characters.count <= lowered.count, Array(lowered[start..<(start + characters.count)]) == characters {
                    return (entry, start)
                }
            }
        }
        return nil
    }
}

extension ResolutionRules {
    /// Every message key a private-decline outcome can show (its messages and its fields'), under these rules.
    public var privateDeclineKeys: Set<String> {
        var keys: Set<String> = []
        for type in ChargeErrorType.privateDeclines {
            guard let name = byType[type.rawValue], let outcome = outcomes[name] else { continue }
            keys.formUnion(OutcomePlan.keys(of: outcome, rules: self))
        }
        return keys
    }

    /// The private-decline keys of the embedded rules.
    static let embeddedPrivateDeclineKeys: Set<String> = (try? ResolutionRules.embedded().privateDeclineKeys) ?? []
}
