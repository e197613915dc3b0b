// Direct formatting's per-locale tools (MessageFormat's default number format, the plural rules, the
// integers 0..127 formatted and classified once) and per-thread money formatters: built once, then used
// without a lock on every call. Part of the engine, so compiled only where CICU_DIRECT_FORMATTING holds.
#include "DirectFormatting.hpp"

#if CICU_DIRECT_FORMATTING

#include <unicode/decimfmt.h>
#include <unicode/fieldpos.h>
#include <unicode/fmtable.h>
#include <unicode/numberformatter.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

using namespace icu;
using namespace cicu;

namespace {

/// A money formatter of one thread: keyed by the locale's tools (never freed) and the currency.
struct ThreadMoneyFormatter {
    const LocaleTools *tools;
    uint32_t currency;
    // Takes the amount in minor units, as an integer, and scales it by 10^-digits (exact, in ICU's
    // decimal arithmetic): no decimal string to parse, no heap allocation per call.
    std::unique_ptr<Format> minorUnits;
};

/// The calling thread's money formatter for a locale and currency (at most 32 kept per thread), or
/// nullptr with `error` set for a currency ICU does not know. No lock: each thread has its own.
const ThreadMoneyFormatter *threadMoneyFormatter(const LocaleTools &tools, const char *currency, UErrorCode &error) {
    thread_local std::vector<ThreadMoneyFormatter> cache;
    uint32_t key = 0;
    for (int i = 0; i < 3 && currency[i] != 0; ++i) { key = key * 256 + static_cast<unsigned char>(currency[i]); }
    for (const auto &entry : cache) {
        if (entry.tools == &tools && entry.currency == key) { return &entry; }
    }
    const int32_t digits = fractionDigits(currency);  // also rejects codes ICU does not know
    if (digits < 0) {
        error = U_ILLEGAL_ARGUMENT_ERROR;
        return nullptr;
    }
    CurrencyUnit unit(UnicodeString(currency, 3, US_INV).getTerminatedBuffer(), error);
    if (U_FAILURE(error)) { return nullptr; }
    std::unique_ptr<Format> format(
        number::NumberFormatter::withLocale(tools.locale).unit(unit).scale(number::Scale::powerOfTen(-digits)).toFormat(error));
    if (U_FAILURE(error) || !format) { return nullptr; }
    if (cache.size() >= 32) { cache.erase(cache.begin()); }
    cache.push_back({&tools, key, std::move(format)});
    return &cache.back();
}

}  // namespace

const LocaleTools *cicu::sharedLocaleTools(const Locale &locale) {
    static std::mutex lock;
    static auto *tools = new std::map<std::string, std::unique_ptr<LocaleTools>>();  // never destroyed
    std::lock_guard<std::mutex> guard(lock);
    auto found = tools->find(locale.getName());
    if (found != tools->end()) { return found->second.get(); }
    if (tools->size() >= kMaximumSharedLocales) { return nullptr; }
    auto made = std::make_unique<LocaleTools>();
    made->locale = locale;
    UErrorCode error = U_ZERO_ERROR;
    made->numberFormat.reset(NumberFormat::createInstance(locale, error));
    auto *decimal = dynamic_cast<DecimalFormat *>(made->numberFormat.get());
    if (U_SUCCESS(error) && decimal != nullptr) { made->numbers = decimal->toNumberFormatter(error); }
    if (U_SUCCESS(error) && made->numbers != nullptr) { made->numbersAsFormat.reset(made->numbers->toFormat(error)); }
    made->cardinal.reset(PluralRules::forLocale(locale, UPLURAL_TYPE_CARDINAL, error));
    made->ordinal.reset(PluralRules::forLocale(locale, UPLURAL_TYPE_ORDINAL, error));
    if (U_FAILURE(error) || made->numbers == nullptr || !made->numbersAsFormat || !made->cardinal || !made->ordinal) {
        return nullptr;
    }
    made->smallIntegers.reserve(LocaleTools::smallIntegerCount);
    for (int64_t value = 0; value < LocaleTools::smallIntegerCount; ++value) {
        UnicodeString text;
        FieldPosition position(FieldPosition::DONT_CARE);
        made->numbersAsFormat->format(Formattable(value), text, position, error);
        if (U_FAILURE(error)) { return nullptr; }
        SmallInteger small{std::string(), PluralKeyword(made->cardinal->select(static_cast<double>(value))),
                           PluralKeyword(made->ordinal->select(static_cast<double>(value)))};
        text.toUTF8String(small.text);
        made->smallIntegers.push_back(std::move(small));
    }
    const LocaleTools *result = made.get();
    (*tools)[locale.getName()] = std::move(made);
    return result;
}

bool cicu::formatMoneyIn(const LocaleTools *tools, const Locale &locale, int64_t minorUnits, const char *currency,
                         UnicodeString &result, UErrorCode &error) {
    if (tools == nullptr) { return formatMoney(locale, minorUnits, currency, result, error); }
    const ThreadMoneyFormatter *money = threadMoneyFormatter(*tools, currency, error);
    if (money == nullptr) {
        if (U_SUCCESS(error)) { error = U_ILLEGAL_ARGUMENT_ERROR; }
        return false;
    }
    FieldPosition position(FieldPosition::DONT_CARE);
    money->minorUnits->format(Formattable(minorUnits), result, position, error);
    return U_SUCCESS(error);
}

#endif  // CICU_DIRECT_FORMATTING
