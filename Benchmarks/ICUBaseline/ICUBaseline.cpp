#include "ICUBaseline.h"

#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/ucurr.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <string>

using namespace icu;

struct icu_baseline {
    std::unique_ptr<MessageFormat> format;
    std::unique_ptr<number::LocalizedNumberFormatter> money;
    UnicodeString argumentName;
    bool hasArgument = false;
    int32_t digits = 2;
};

extern "C" icu_baseline *icu_baseline_create(const char *locale, const char *pattern, const char *argument_name,
                                             const char *currency) {
    UErrorCode status = U_ZERO_ERROR;
    auto baseline = new icu_baseline();
    Locale loc = Locale::forLanguageTag(locale, status);
    UParseError parseError;
    baseline->format.reset(new MessageFormat(UnicodeString::fromUTF8(pattern), loc, parseError, status));
    if (argument_name != nullptr) {
        baseline->argumentName = UnicodeString::fromUTF8(argument_name);
        baseline->hasArgument = true;
    }
    if (currency != nullptr) {
        UChar iso[4] = {(UChar)currency[0], (UChar)currency[1], (UChar)currency[2], 0};
        baseline->digits = ucurr_getDefaultFractionDigits(iso, &status);
        baseline->money.reset(new number::LocalizedNumberFormatter(
            number::NumberFormatter::withLocale(loc).unit(CurrencyUnit(iso, status))));
    }
    if (U_FAILURE(status)) {
        delete baseline;
        return nullptr;
    }
    return baseline;
}

extern "C" void icu_baseline_destroy(icu_baseline *baseline) { delete baseline; }

static std::string formatOnce(icu_baseline *baseline, int64_t integer);

extern "C" int32_t icu_baseline_format_once(icu_baseline *baseline, int64_t integer, char *out, int32_t capacity) {
    std::string text = formatOnce(baseline, integer);
    if ((int32_t)text.size() >= capacity) return -1;
    std::memcpy(out, text.data(), text.size());
    out[text.size()] = 0;
    return (int32_t)text.size();
}

extern "C" int64_t icu_baseline_run(icu_baseline *baseline, int64_t iterations, int64_t integer, int64_t *checksum) {
    int64_t total = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < iterations; ++i) {
        total += (int64_t)formatOnce(baseline, integer).size();
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    *checksum += total;
    return std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count();
}

static std::string formatOnce(icu_baseline *baseline, int64_t integer) {
    {
        UErrorCode status = U_ZERO_ERROR;
        Formattable value;
        if (baseline->money) {
            // Minor units to an exact decimal, as the library does, then the warm currency formatter.
            std::string decimal = std::to_string(integer);
            if (baseline->digits > 0) {
                while ((int32_t)decimal.size() <= baseline->digits) decimal.insert(0, "0");
                decimal.insert(decimal.size() - baseline->digits, ".");
            }
            value.setString(baseline->money->formatDecimal(decimal, status).toString(status));
        } else {
            value.setInt64(integer);
        }
        UnicodeString result;
        baseline->format->format(&baseline->argumentName, &value, baseline->hasArgument ? 1 : 0, result, status);
        std::string utf8;
        result.toUTF8String(utf8);
        return utf8;
    }
}
