// Numbers and money: ICU's currency fraction digits, and amounts in minor units formatted exactly (no
// floating point) by ICU's LocalizedNumberFormatter. Only adapts ICU.
#include "CICUInternal.hpp"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/ucurr.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

using namespace icu;
using namespace cicu;

namespace {

/// 1999 with 2 digits -> "19.99", written into `out` (at least 32 bytes); exact, no floating point.
int decimalFromMinorUnits(int64_t minorUnits, int32_t digits, char *out) {
    const bool negative = minorUnits < 0;
    uint64_t magnitude = negative ? (0 - static_cast<uint64_t>(minorUnits)) : static_cast<uint64_t>(minorUnits);
    char reversed[32];
    int count = 0;
    do {
        reversed[count++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (count <= digits) { reversed[count++] = '0'; }  // at least one digit before the point
    int length = 0;
    if (negative) { out[length++] = '-'; }
    for (int i = count - 1; i >= 0; --i) {
        out[length++] = reversed[i];
        if (i == digits && digits > 0) { out[length++] = '.'; }
    }
    return length;
}

/// A formatter for amounts of `currency` in `locale`; immutable and thread-safe once built.
std::unique_ptr<number::LocalizedNumberFormatter> makeCurrencyFormatter(const Locale &locale, const char *currency,
                                                                        UErrorCode &error) {
    CurrencyUnit unit(UnicodeString(currency, 3, US_INV).getTerminatedBuffer(), error);
    if (U_FAILURE(error)) { return nullptr; }
    return std::make_unique<number::LocalizedNumberFormatter>(number::NumberFormatter::withLocale(locale).unit(unit));
}

/// Formats an amount in minor units with the currency's digits, exactly (no floating point).
bool formatMinorUnits(const number::LocalizedNumberFormatter &formatter, int64_t minorUnits, int32_t digits,
                      UnicodeString &result, UErrorCode &error) {
    char decimal[32];
    const int length = decimalFromMinorUnits(minorUnits, digits, decimal);
    result = formatter.formatDecimal(StringPiece(decimal, length), error).toString(error);
    return U_SUCCESS(error);
}

/// Currency formatters are immutable and thread-safe once built; they are cached for the process's
/// life. The key space is bounded: only ICU-known currency codes and the locales a caller formats in.
class MoneyFormatters {
  public:
    const number::LocalizedNumberFormatter *get(const Locale &locale, const char *currency, UErrorCode &error) {
        std::string key = locale.getName();
        key += '|';
        key += currency;
        {
            std::shared_lock<std::shared_mutex> reading(lock);
            auto found = formatters.find(key);
            if (found != formatters.end()) { return found->second.get(); }
        }
        auto formatter = makeCurrencyFormatter(locale, currency, error);
        if (!formatter) { return nullptr; }
        std::unique_lock<std::shared_mutex> writing(lock);
        auto &slot = formatters[key];
        if (!slot) { slot = std::move(formatter); }
        return slot.get();
    }

  private:
    std::shared_mutex lock;
    std::map<std::string, std::unique_ptr<number::LocalizedNumberFormatter>> formatters;
};

MoneyFormatters &moneyFormatters() {
    static MoneyFormatters *shared = new MoneyFormatters();  // never destroyed: safe during exit
    return *shared;
}

}  // namespace

/// ICU's fraction digits for an ISO 4217 code, or -1 if ICU does not know the code. `ucurr_isAvailable`
/// takes a global lock and walks ICU's currency data, so answers are cached per code (at most 26^3).
int32_t cicu::fractionDigits(const char *code) {
    if (code == nullptr || std::strlen(code) != 3) { return -1; }
    uint32_t key = 0;
    for (int i = 0; i < 3; ++i) {
        if (code[i] < 'A' || code[i] > 'Z') { return -1; }
        key = key * 32 + static_cast<uint32_t>(code[i] - 'A');
    }
    static std::shared_mutex lock;
    static auto *cache = new std::unordered_map<uint32_t, int32_t>();  // never destroyed: safe during exit
    {
        std::shared_lock<std::shared_mutex> reading(lock);
        auto found = cache->find(key);
        if (found != cache->end()) { return found->second; }
    }
    UChar iso[4] = {static_cast<UChar>(code[0]), static_cast<UChar>(code[1]), static_cast<UChar>(code[2]), 0};
    UErrorCode error = U_ZERO_ERROR;
    int32_t digits = -1;
    if (ucurr_isAvailable(iso, U_DATE_MIN, U_DATE_MAX, &error) && U_SUCCESS(error)) {
        const int32_t value = ucurr_getDefaultFractionDigits(iso, &error);
        if (U_SUCCESS(error)) { digits = value; }
    }
    std::unique_lock<std::shared_mutex> writing(lock);
    (*cache)[key] = digits;
    return digits;
}

bool cicu::formatMoney(const Locale &locale, int64_t minorUnits, const char *currency, UnicodeString &result,
                       UErrorCode &error) {
    const int32_t digits = fractionDigits(currency);  // also rejects codes ICU does not know
    if (digits < 0) {
        error = U_ILLEGAL_ARGUMENT_ERROR;
        return false;
    }
    const auto *formatter = moneyFormatters().get(locale, currency, error);
    if (formatter == nullptr || U_FAILURE(error)) { return false; }
    return formatMinorUnits(*formatter, minorUnits, digits, result, error);
}

extern "C" {

int32_t cicu_currency_fraction_digits(const char *currency) { return fractionDigits(currency); }

int32_t cicu_format_money(const char *tag, int64_t minor_units, const char *currency, char *out, int32_t capacity,
                          cicu_status *status) {
    Locale locale;
    if (!localeFromTag(tag, locale, status)) { return 0; }
    UErrorCode error = U_ZERO_ERROR;
    UnicodeString result;
    if (!formatMoney(locale, minor_units, currency, result, error)) {
        setStatus(status, U_FAILURE(error) ? error : U_ILLEGAL_ARGUMENT_ERROR);
        return 0;
    }
    setStatus(status, U_ZERO_ERROR);
    return copyOut(result, out, capacity);
}

}  // extern "C"
