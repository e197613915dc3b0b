// Locales: BCP 47 tags, writing direction, plural rules and CLDR locale matching. Only adapts ICU; which
// locales the service supports, and how it negotiates between them, is decided in CheckoutMessages.
#include "CICUInternal.hpp"

#include <unicode/localematcher.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/uloc.h>

#include <memory>
#include <vector>

using namespace icu;
using namespace cicu;

bool cicu::localeFromTag(const char *tag, Locale &locale) {
    UErrorCode error = U_ZERO_ERROR;
    locale = Locale::forLanguageTag(tag, error);
    return U_SUCCESS(error) && !locale.isBogus();
}

bool cicu::localeFromTag(const char *tag, Locale &locale, cicu_status *status) {
    if (localeFromTag(tag, locale)) { return true; }
    setStatus(status, U_ILLEGAL_ARGUMENT_ERROR);
    return false;
}

namespace {

/// The tag's locale and its cardinal or ordinal plural rules; null, with `status` set, if either fails.
std::unique_ptr<PluralRules> pluralRules(const char *tag, int32_t ordinal, Locale &locale, cicu_status *status) {
    if (!localeFromTag(tag, locale, status)) { return nullptr; }
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<PluralRules> rules(
        PluralRules::forLocale(locale, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, error));
    if (U_FAILURE(error)) {
        setStatus(status, error);
        return nullptr;
    }
    return rules;
}

}  // namespace

extern "C" {

int32_t cicu_canonical_language_tag(const char *tag, int32_t length, char *out, int32_t capacity) {
    if (tag == nullptr || length <= 0) { return -1; }
    UErrorCode error = U_ZERO_ERROR;
    Locale locale = Locale::forLanguageTag(StringPiece(tag, length), error);
    if (U_FAILURE(error) || locale.isBogus()) { return -1; }
    std::string canonical = locale.toLanguageTag<std::string>(error);
    if (U_FAILURE(error) || canonical.empty()) { return -1; }
    return copyOut(canonical, out, capacity);
}

int32_t cicu_is_known_language(const char *tag) {
    Locale locale;
    if (!localeFromTag(tag, locale)) { return 0; }
    const char *language = locale.getLanguage();
    if (language == nullptr || language[0] == '\0') { return 0; }
    for (const char *const *known = uloc_getISOLanguages(); *known != nullptr; ++known) {
        if (std::strcmp(*known, language) == 0) { return 1; }
    }
    return 0;
}

int32_t cicu_is_right_to_left(const char *tag) {
    Locale locale;
    if (!localeFromTag(tag, locale)) { return 0; }
    return locale.isRightToLeft() ? 1 : 0;
}

int32_t cicu_plural_categories(const char *tag, int32_t ordinal, char *out, int32_t capacity, cicu_status *status) {
    Locale locale;
    std::unique_ptr<PluralRules> rules = pluralRules(tag, ordinal, locale, status);
    if (!rules) { return 0; }
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<StringEnumeration> keywords(rules->getKeywords(error));
    // ICU enumerates in rule order; report them in CLDR's canonical order.
    static const char *const order[] = {"zero", "one", "two", "few", "many", "other"};
    bool present[6] = {false, false, false, false, false, false};
    const char *keyword = nullptr;
    while (U_SUCCESS(error) && (keyword = keywords->next(nullptr, error)) != nullptr) {
        for (int i = 0; i < 6; ++i) {
            if (std::strcmp(keyword, order[i]) == 0) { present[i] = true; }
        }
    }
    std::string list;
    for (int i = 0; i < 6; ++i) {
        if (!present[i]) { continue; }
        if (!list.empty()) { list += ' '; }
        list += order[i];
    }
    setStatus(status, error);
    return copyOut(list, out, capacity);
}

int32_t cicu_plural_samples(const char *tag, int32_t ordinal, const char *keyword, double *out, int32_t capacity,
                            cicu_status *status) {
    Locale locale;
    std::unique_ptr<PluralRules> rules = pluralRules(tag, ordinal, locale, status);
    if (!rules || keyword == nullptr || out == nullptr || capacity <= 0) { return 0; }
    UErrorCode error = U_ZERO_ERROR;
    const int32_t count = rules->getSamples(UnicodeString::fromUTF8(keyword), out, capacity, error);
    setStatus(status, error);
    return U_SUCCESS(error) ? count : 0;
}

int32_t cicu_plural_select(const char *tag, int32_t ordinal, const char *number, char *out, int32_t capacity,
                           cicu_status *status) {
    Locale locale;
    std::unique_ptr<PluralRules> rules = pluralRules(tag, ordinal, locale, status);
    if (!rules) { return 0; }
    UErrorCode error = U_ZERO_ERROR;
    // Format first so that visible fraction digits (1.50 vs 1.5) count, as MessageFormat does.
    number::FormattedNumber formatted =
        number::NumberFormatter::withLocale(locale).formatDecimal(StringPiece(number), error);
    UnicodeString keyword = U_SUCCESS(error) ? rules->select(formatted, error) : UnicodeString();
    setStatus(status, error);
    if (U_FAILURE(error)) { return 0; }
    return copyOut(keyword, out, capacity);
}

// MARK: Locale matching

struct cicu_locale_matcher {
    std::vector<Locale> supported;
    int32_t defaultIndex;
    std::unique_ptr<LocaleMatcher> matcher;
};

cicu_locale_matcher *cicu_locale_matcher_create(const char *const *supported, int32_t count, int32_t default_index,
                                                cicu_status *status) {
    if (count <= 0 || default_index < 0 || default_index >= count) {
        setStatus(status, U_ILLEGAL_ARGUMENT_ERROR);
        return nullptr;
    }
    auto result = std::make_unique<cicu_locale_matcher>();
    result->defaultIndex = default_index;
    for (int32_t i = 0; i < count; ++i) {
        Locale locale;
        if (!localeFromTag(supported[i], locale)) {
            setStatus(status, U_ILLEGAL_ARGUMENT_ERROR, i);
            return nullptr;
        }
        result->supported.push_back(locale);
    }
    UErrorCode error = U_ZERO_ERROR;
    LocaleMatcher::Builder builder;
    for (const auto &locale : result->supported) { builder.addSupportedLocale(locale); }
    // No default inside ICU: "nothing is close enough" must stay visible (-1, nullptr), so that the catalog
    // endpoint can answer 404; the Swift side falls back to the default locale for resolutions.
    builder.setNoDefaultLocale();
    result->matcher = std::make_unique<LocaleMatcher>(builder.build(error));
    if (U_FAILURE(error)) {
        setStatus(status, error);
        return nullptr;
    }
    setStatus(status, U_ZERO_ERROR);
    return result.release();
}

void cicu_locale_matcher_destroy(cicu_locale_matcher *matcher) { delete matcher; }

int32_t cicu_locale_matcher_match_tag(const cicu_locale_matcher *matcher, const char *tag) {
    Locale desired;
    if (!localeFromTag(tag, desired)) { return -1; }
    UErrorCode error = U_ZERO_ERROR;
    desired.canonicalize(error);  // CLDR aliases: sh → sr_Latn, tl → fil, mo → ro
    if (U_FAILURE(error)) { return -1; }
    const auto result = matcher->matcher->getBestMatchResult(desired, error);
    // getSupportedIndex() is -1 when ICU fell back to the default locale: nothing was close enough.
    return U_SUCCESS(error) ? result.getSupportedIndex() : -1;
}

int32_t cicu_canonical_locale_for_matching(const char *tag, char *out, int32_t capacity) {
    Locale locale;
    if (!localeFromTag(tag, locale)) { return -1; }
    UErrorCode error = U_ZERO_ERROR;
    locale.canonicalize(error);
    std::string canonical = locale.toLanguageTag<std::string>(error);
    if (U_FAILURE(error) || canonical.empty()) { return -1; }
    return copyOut(canonical, out, capacity);
}

int32_t cicu_locale_matcher_match_list(const cicu_locale_matcher *matcher, const char *list, int32_t length) {
    UErrorCode error = U_ZERO_ERROR;
    const Locale *best = matcher->matcher->getBestMatchForListString(StringPiece(list, length), error);
    if (U_FAILURE(error) || best == nullptr) { return matcher->defaultIndex; }
    for (size_t i = 0; i < matcher->supported.size(); ++i) {
        if (matcher->supported[i] == *best) { return static_cast<int32_t>(i); }
    }
    return matcher->defaultIndex;
}

}  // extern "C"
