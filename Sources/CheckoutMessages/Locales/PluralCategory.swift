import CICU

/// A CLDR plural category, as ICU's rules select them.
public enum PluralCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    /// Which plural rules: cardinal (`plural`) or ordinal (`selectordinal`).
    public enum RuleType: Sendable, Hashable {
        case cardinal, ordinal
    }

    /// The categories ICU's rules define for `locale`, in CLDR order. `en` cardinal is `[one, other]`,
    /// `pl` is `[one, few, many, other]`, `ja` is `[other]`.
    public static func categories(for locale: LocaleTag, _ type: RuleType = .cardinal) -> [PluralCategory] {
        var status = cicu_status.initial
        let list = readUTF8 { out, capacity in
            locale.identifier.withCString { cicu_plural_categories($0, type == .ordinal ? 1 : 0, out, capacity, &status) }
        }
        return list.split(separator: " ").compactMap { PluralCategory(rawValue: String($0)) }
    }

    /// The category ICU selects for a number written as a decimal (`"1"`, `"1.5"`, `"22"`).
    public static func select(_ number: String, for locale: LocaleTag, _ type: RuleType = .cardinal) -> PluralCategory? {
        var status = cicu_status.initial
        let keyword = readUTF8 { out, capacity in
            locale.identifier.withCString { tag in
                number.withCString { cicu_plural_select(tag, type == .ordinal ? 1 : 0, $0, out, capacity, &status) }
            }
        }
        return status.failed ? nil : PluralCategory(rawValue: keyword)
    }

    /// CLDR order: zero, one, two, few, many, other.
    public static func < (lhs: PluralCategory, rhs: PluralCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
