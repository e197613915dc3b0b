// CICU — the project's only bridge to ICU4C.
//
// This header is plain C on purpose: no <unicode/*.h> may reach Swift, because the toolchain's own
// `_FoundationICU` module declares the same headers. Everything crosses as opaque handles, UTF-8 text
// and UTF-16 offsets (ICU's native unit, so that diagnostics can point into a pattern precisely).
#ifndef CICU_H
#define CICU_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Outcome of an ICU call: `code` is ICU's UErrorCode (<= 0 success), `offset` the UTF-16 offset in the
/// pattern where parsing failed, or -1.
typedef struct cicu_status {
    int32_t code;
    int32_t offset;
} cicu_status;

/// ICU's name for an error code, e.g. "U_PATTERN_SYNTAX_ERROR". Never NULL.
const char *cicu_error_name(int32_t code);

// MARK: Locales

/// Parses a BCP 47 tag strictly and writes its canonical form (e.g. "zh-hans" -> "zh-Hans").
/// Returns the canonical length, or -1 if the tag is not well-formed BCP 47.
int32_t cicu_canonical_language_tag(const char *tag, int32_t length, char *out, int32_t capacity);

/// 1 if ICU knows the tag's language subtag (ISO 639), else 0: `german` is well-formed BCP 47 but no language.
int32_t cicu_is_known_language(const char *tag);

/// 1 if the locale's script is written right to left (ar, he, fa, ...), else 0.
int32_t cicu_is_right_to_left(const char *tag);

/// The plural categories ICU's rules define for a locale, space separated in CLDR order
/// (zero one two few many other). `ordinal` selects the rules used by `selectordinal`.
int32_t cicu_plural_categories(const char *tag, int32_t ordinal, char *out, int32_t capacity, cicu_status *status);

/// Up to `capacity` sample numbers of one plural category (`keyword`) from the locale's CLDR rules,
/// integers first as CLDR lists them; returns how many were written (0 for a keyword the rules lack).
int32_t cicu_plural_samples(const char *tag, int32_t ordinal, const char *keyword, double *out, int32_t capacity,
                            cicu_status *status);

/// The plural category ICU selects for `number` (given as a decimal string such as "1.5").
int32_t cicu_plural_select(const char *tag, int32_t ordinal, const char *number, char *out, int32_t capacity,
                           cicu_status *status);

// MARK: Locale matching (CLDR distance, ICU's LocaleMatcher)

typedef struct cicu_locale_matcher cicu_locale_matcher;

/// Builds a matcher over `supported` BCP 47 tags; `default_index` is returned by the list match when
/// nothing is close enough.
cicu_locale_matcher *cicu_locale_matcher_create(const char *const *supported, int32_t count, int32_t default_index,
                                                cicu_status *status);
void cicu_locale_matcher_destroy(cicu_locale_matcher *matcher);

/// Index of the supported locale closest to one desired tag; -1 when none is close enough (or the tag is
/// malformed). Thread-safe (the matcher is immutable once built).
int32_t cicu_locale_matcher_match_tag(const cicu_locale_matcher *matcher, const char *tag);

/// A well-formed tag with CLDR's aliases applied (`sh` → `sr-Latn`, `tl` → `fil`, `mo` → `ro`), the form
/// the matcher compares; the length written, or -1 for a malformed tag.
int32_t cicu_canonical_locale_for_matching(const char *tag, char *out, int32_t capacity);

/// Same for an HTTP Accept-Language value with q-values; a malformed list yields the default index.
int32_t cicu_locale_matcher_match_list(const cicu_locale_matcher *matcher, const char *list, int32_t length);

// MARK: Numbers and currencies (LocalizedNumberFormatter)

/// ICU's default fraction digits for an ISO 4217 code (JPY 0, EUR 2, BHD 3); -1 if ICU does not know it.
int32_t cicu_currency_fraction_digits(const char *currency);

/// Formats an amount in minor units of `currency` for a locale. Returns the UTF-8 length written (or needed).
int32_t cicu_format_money(const char *tag, int64_t minor_units, const char *currency, char *out, int32_t capacity,
                          cicu_status *status);

// MARK: MessageFormat with named arguments

typedef struct cicu_message_format cicu_message_format;

/// Builds a formatter; fails (with the pattern offset) unless ICU can build every nested format too.
cicu_message_format *cicu_message_format_create(const char *tag, const char *pattern, int32_t length,
                                                cicu_status *status);
void cicu_message_format_destroy(cicu_message_format *format);

/// The top-level and nested argument names the pattern uses, in first-use order, without duplicates.
int32_t cicu_message_format_argument_count(const cicu_message_format *format);
const char *cicu_message_format_argument_name(const cicu_message_format *format, int32_t index);

typedef enum cicu_argument_kind {
    CICU_ARGUMENT_ABSENT = 0,
    CICU_ARGUMENT_TEXT = 1,     ///< `text`/`length`: UTF-8
    CICU_ARGUMENT_INTEGER = 2,  ///< `integer`
    CICU_ARGUMENT_DOUBLE = 3,   ///< `number`
    CICU_ARGUMENT_DECIMAL = 4,  ///< `text`/`length`: a decimal number such as "1.5", kept exact
    CICU_ARGUMENT_MONEY = 5,    ///< `integer`: minor units; `text`: ISO 4217 code (3 letters)
} cicu_argument_kind;

typedef struct cicu_argument {
    int32_t kind;
    int32_t length;
    int64_t integer;
    double number;
    const char *text;
} cicu_argument;

/// Formats with `count` arguments aligned to the formatter's argument names (index i is name i).
/// Safe to call from many threads at once: each call borrows its own MessageFormat from a pool.
/// Returns the UTF-8 length of the result; when it exceeds `capacity`, nothing usable was written and the
/// caller retries with a larger buffer.
int32_t cicu_message_format_format(cicu_message_format *format, const cicu_argument *arguments, int32_t count,
                                   char *out, int32_t capacity, cicu_status *status);

/// 1 if `cicu_message_format_format` formats this pattern directly (precompiled text, plural and select
/// over ICU's number formatter and plural rules) rather than through MessageFormat::format; 0 otherwise,
/// and always 0 when built against an ICU version direct formatting has not been verified on.
int32_t cicu_message_format_is_direct(const cicu_message_format *format);

/// Always formats through MessageFormat::format: the reference the direct path is tested against.
int32_t cicu_message_format_format_with_message_format(cicu_message_format *format, const cicu_argument *arguments,
                                                       int32_t count, char *out, int32_t capacity, cicu_status *status);

// MARK: Pattern structure (MessagePattern), for validation

typedef enum cicu_pattern_item_kind {
    CICU_PATTERN_ARGUMENT = 1,  ///< `{name ...}`
    CICU_PATTERN_SELECTOR = 2,  ///< a plural/select keyword or `=N`
    CICU_PATTERN_OFFSET = 3,    ///< `offset:N` of a plural
    CICU_PATTERN_TEXT = 4,      ///< a run of literal message text (no syntax, quoting apostrophes or `#`)
} cicu_pattern_item_kind;

typedef enum cicu_argument_type {
    CICU_ARGUMENT_TYPE_NONE = 0,           ///< `{name}`
    CICU_ARGUMENT_TYPE_SIMPLE = 1,         ///< `{name, number, ...}`
    CICU_ARGUMENT_TYPE_CHOICE = 2,
    CICU_ARGUMENT_TYPE_PLURAL = 3,
    CICU_ARGUMENT_TYPE_SELECT = 4,
    CICU_ARGUMENT_TYPE_SELECTORDINAL = 5,
} cicu_argument_type;

/// One structural item. All positions are UTF-16 offsets/lengths into the pattern; absent ranges are -1/0.
typedef struct cicu_pattern_item {
    int32_t kind;
    int32_t argument_type;
    int32_t depth;  ///< 0 for a top-level argument, +1 inside each plural/select branch
    int32_t start;  ///< ARGUMENT: the `{`; SELECTOR: the keyword; OFFSET: the number
    int32_t length;
    int32_t name_start, name_length;    ///< ARGUMENT: its name
    int32_t type_start, type_length;    ///< ARGUMENT (simple): e.g. `number`
    int32_t style_start, style_length;  ///< ARGUMENT (simple): e.g. `::currency/EUR`
    double value;                       ///< SELECTOR `=N`: N; OFFSET: the offset
    int32_t has_value;
} cicu_pattern_item;

typedef struct cicu_pattern cicu_pattern;

/// Parses a MessageFormat pattern (apostrophe mode DOUBLE_OPTIONAL, as MessageFormat uses).
cicu_pattern *cicu_pattern_parse(const char *pattern, int32_t length, cicu_status *status);
void cicu_pattern_destroy(cicu_pattern *pattern);
int32_t cicu_pattern_item_count(const cicu_pattern *pattern);
cicu_pattern_item cicu_pattern_item_at(const cicu_pattern *pattern, int32_t index);

#ifdef __cplusplus
}
#endif

#endif
