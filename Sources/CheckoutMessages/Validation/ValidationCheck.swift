/// What a diagnostic is about. The raw value is the check id that text, JSON and SARIF output show and
/// that CI filters and editors match on, so an existing id never changes.
public enum ValidationCheck: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// The file is not valid YAML.
    case yamlSyntax = "yaml-syntax"
    /// The YAML is valid but not a mapping of message keys to messages.
    case yamlStructure = "yaml-structure"
    /// A message key is defined twice.
    case duplicateKey = "duplicate-key"
    /// The file name is not a known BCP 47 locale tag.
    case localeTag = "locale-tag"
    /// The source locale's file is missing.
    case sourceMissing = "source-missing"
    /// ICU cannot parse the message.
    case icuSyntax = "icu-syntax"
    /// ICU parses the message but cannot build a formatter.
    case icuBuild = "icu-build"
    /// A plural or select has no `other` branch.
    case missingOther = "missing-other"
    /// A plural keyword is neither a CLDR category nor an exact value.
    case pluralKeyword = "plural-keyword"
    /// A plural or select branch keyword appears twice.
    case duplicateSelector = "duplicate-selector"
    /// The message's argument names differ from the source.
    case argumentMismatch = "argument-mismatch"
    /// An argument is used differently from the source.
    case argumentType = "argument-type"
    /// A source message uses an argument it does not declare.
    case argumentUndeclared = "argument-undeclared"
    /// A `select` has keys that differ from the source's (a translated keyword, or one left out).
    case selectKeyword = "select-keyword"
    /// The message, or one of its plural/select branches, is empty.
    case emptyMessage = "empty-message"
    /// A source key has no translation.
    case missingKey = "missing-key"
    /// A source argument declaration lacks a valid type or example.
    case argumentDeclaration = "argument-declaration"
    /// A plural lacks a category that the locale's plural rules need.
    case pluralCategoryMissing = "plural-category-missing"
    /// A plural has a category the locale never selects.
    case pluralCategoryUnused = "plural-category-unused"
    /// A plural branch never shows its number, though its category covers more than one number.
    case impliedQuantity = "implied-quantity"
    /// A translation has a key the source does not.
    case extraKey = "extra-key"
    /// An invisible character: zero-width space or joiner where the script needs none, soft hyphen, tatweel.
    case invisibleCharacter = "invisible-character"
    /// A fullwidth brace or number sign where ICU syntax was meant.
    case confusableSyntax = "confusable-syntax"
    /// A number of the source's text is missing or changed in the translation.
    case numberMismatch = "number-mismatch"
    /// The language's typography (the rules of `TypographyRule.table`).
    case typography = "typography"
    /// A message a private-decline outcome can show names the reason (fraud, stolen, risk, blocked…).
    case privateReason = "private-reason"
    /// Rendered with the examples, one sample per plural category and currencies of 0, 2 and 3 decimals,
    /// the message fails, comes out empty, or shows `{`, `}`, `#` or an argument's name.
    case render = "render"
    /// Rendered, the message is longer than its source's `maxLength`.
    case lengthBudget = "length-budget"
    /// A brand's file has a key the base catalog does not (an override that would change nothing).
    case unknownKey = "unknown-key"
    /// The translation is identical to the source text.
    case untranslated = "untranslated"
    /// The source text changed since the translation was made.
    case stale = "stale"
    /// The text contains markup.
    case markup = "markup"
    /// The text contains an invisible control character.
    case controlCharacter = "control-character"
    /// The text contains a bidi override, isolate or mark.
    case bidiControl = "bidi-control"
    /// The text starts or ends with whitespace.
    case whitespace = "whitespace"
    /// A source message has no description for translators.
    case descriptionMissing = "description-missing"
    /// Importing: the XLIFF file is not well-formed XML, or not XLIFF 2.0.
    case xliffSyntax = "xliff-syntax"
    /// Importing: the XLIFF is well-formed but a unit or text cannot be used (no id, inline elements, wrong language).
    case xliffStructure = "xliff-structure"
    /// Loading a catalog: the default locale is not among the loaded locales.
    case defaultMissing = "default-missing"
    /// Loading a catalog: ICU cannot build the locale matcher.
    case localeMatcher = "locale-matcher"
    /// Loading a catalog: the locale folder cannot be read.
    case io = "io"

    /// The check id.
    public var description: String { rawValue }

    /// The severity of this check's findings, and SARIF's `defaultConfiguration.level` for it.
    public var severity: LocaleFileDiagnostic.Severity {
        switch self {
        case .yamlSyntax, .yamlStructure, .duplicateKey, .localeTag, .sourceMissing, .icuSyntax, .icuBuild,
             .missingOther, .pluralKeyword, .duplicateSelector, .argumentMismatch, .argumentType,
             .argumentUndeclared, .selectKeyword, .emptyMessage, .missingKey, .unknownKey, .confusableSyntax, .privateReason, .render, .xliffSyntax, .xliffStructure, .argumentDeclaration, .defaultMissing, .localeMatcher, .io:
            .error
        case .pluralCategoryMissing, .pluralCategoryUnused, .impliedQuantity, .extraKey, .invisibleCharacter, .numberMismatch, .typography, .lengthBudget, .untranslated, .stale, .markup,
             .controlCharacter, .bidiControl, .whitespace, .descriptionMissing:
            .warning
        }
    }

    /// What a finding of this check means, in one line; SARIF's `shortDescription` of the rule.
    public var summary: String {
        switch self {
        case .yamlSyntax: "The file is not valid YAML."
        case .yamlStructure: "The YAML is valid but not a mapping of message keys to messages."
        case .duplicateKey: "A message key is defined twice."
        case .localeTag: "The file name is not a known BCP 47 locale tag."
        case .sourceMissing: "The source locale's file is missing, so translations cannot be checked."
        case .icuSyntax: "ICU cannot parse the message."
        case .icuBuild: "ICU parses the message but cannot build a formatter (bad argument type, style or skeleton)."
        case .missingOther: "A plural or select has no `other` branch."
        case .pluralKeyword: "A plural keyword is neither a CLDR category nor an exact value such as =0."
        case .duplicateSelector: "A plural or select branch keyword appears twice."
        case .argumentMismatch: "The message's argument names differ from the source (also: an apostrophe hiding a placeholder)."
        case .argumentType: "An argument is used differently from the source (e.g. select instead of plural)."
        case .argumentUndeclared: "A source message uses an argument without declaring its type and example."
        case .selectKeyword: "A select's keys differ from the source's: a translated keyword never matches, so customers get `other`."
        case .emptyMessage: "The message or one of its plural/select branches is empty: a customer would see nothing."
        case .missingKey: "A source key has no translation; customers see the source text."
        case .argumentDeclaration: "A source argument declaration lacks a valid type or example."
        case .pluralCategoryMissing: "A plural lacks a category that the locale's plural rules need."
        case .pluralCategoryUnused: "A plural has a category the locale never selects."
        case .impliedQuantity: "A plural branch without `#` whose category covers more than one number (ru `one`: 1, 21, 31…)."
        case .extraKey: "A translation has a key the source does not."
        case .invisibleCharacter: "An invisible character (zero-width space or joiner outside scripts that need it, soft hyphen, tatweel)."
        case .confusableSyntax: "A fullwidth ｛ ｝ or ＃ where ICU syntax was meant: customers see it as text."
        case .numberMismatch: "A number in the source's text (\"3-digit code\") is missing or different in the translation."
        case .privateReason: "A message a private-decline outcome can show reveals the reason (fraud, stolen, risk, blocked…) in its language."
        case .render: "Rendered with its examples, a sample of each plural category and 0-, 2- and 3-decimal currencies, the message fails, is empty, or shows {, }, # or an argument name."
        case .lengthBudget: "Rendered, the message is longer than the source's maxLength (inline field messages must fit beside the field)."
        case .typography: "The language's typography: spaces before punctuation, quotes, ellipsis, CJK full stops, Arabic comma."
        case .unknownKey: "A brand's file has a key the base catalog does not: the override would change nothing (a typo?)."
        case .untranslated: "The translation is identical to the source text."
        case .stale: "The source text changed since the translation was made."
        case .markup: "The text contains markup, which is shown literally."
        case .controlCharacter: "The text contains an invisible control character."
        case .bidiControl: "The text contains a bidi override, isolate or mark."
        case .whitespace: "The text starts or ends with whitespace."
        case .descriptionMissing: "A source message has no description for translators."
        case .xliffSyntax: "The XLIFF file is not well-formed XML, or not XLIFF 2.0."
        case .xliffStructure: "An XLIFF unit or text cannot be imported (no id, inline elements, another language)."
        case .defaultMissing: "The default locale is not among the loaded locales."
        case .localeMatcher: "ICU cannot build the locale matcher for the loaded locales."
        case .io: "The locale folder cannot be read."
        }
    }

    /// Whether `LocaleValidator` reports this check. The others come only from loading a catalog, never
    /// from validating files, so the SARIF rules of the validator leave them out.
    public var isValidatorCheck: Bool {
        switch self {
        case .defaultMissing, .localeMatcher, .io, .xliffSyntax, .xliffStructure: false
        default: true
        }
    }
}
