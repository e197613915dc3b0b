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

    /// Sample numbers of this category in `locale`, from CLDR's rules as ICU has them (`ru` `one`: 1, 21,
    /// 31…; `fr` `one`: 0, 1, 1.5). Integers come first; a category may have no integer at all (`cs` `many`).
    public func samples(for locale: LocaleTag, _ type: RuleType = .cardinal, limit: Int = 8) -> [Double] {
        var status = cicu_status.initial
        var values = [Double](repeating: 0, count: max(limit, 1))
        let count = locale.identifier.withCString { tag in
            rawValue.withCString { keyword in
                values.withUnsafeMutableBufferPointer {
                    cicu_plural_samples(tag, type == .ordinal ? 1 : 0, keyword, $0.baseAddress, Int32($0.count), &status)
                }
            }
        }
        return status.failed ? [] : Array(values.prefix(Int(max(count, 0))))
    }

    /// CLDR order: zero, one, two, few, many, other.
    public static func < (lhs: PluralCategory, rhs: PluralCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
