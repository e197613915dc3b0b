// Implementation of CICU.h over ICU4C's C++ API. Nothing here is policy: it only adapts ICU.
#include "CICU.h"

#include <unicode/bytestream.h>
#include <unicode/localematcher.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/ucurr.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <cstring>
#include <map>
#include <memory>
#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

using namespace icu;

namespace {

void setStatus(cicu_status *status, UErrorCode code, int32_t offset = -1) {
    if (status != nullptr) {
        status->code = static_cast<int32_t>(code);
        status->offset = offset;
    }
}

/// Copies UTF-8 into a caller buffer (NUL-terminated when it fits) and returns the full length.
int32_t copyOut(const std::string &text, char *out, int32_t capacity) {
    const auto length = static_cast<int32_t>(text.size());
    if (out != nullptr && capacity > 0) {
        const auto n = length < capacity ? length : capacity - 1;
        std::memcpy(out, text.data(), static_cast<size_t>(n));
        out[n] = '\0';
    }
    return length;
}

int32_t copyOut(const UnicodeString &text, char *out, int32_t capacity) {
    std::string utf8;
    text.toUTF8String(utf8);
    return copyOut(utf8, out, capacity);
}

/// Strict BCP 47 parsing: ICU's `forLanguageTag` rejects anything that is not well-formed.
bool localeFromTag(const char *tag, Locale &locale) {
    UErrorCode error = U_ZERO_ERROR;
    locale = Locale::forLanguageTag(tag, error);
    return U_SUCCESS(error) && !locale.isBogus();
}

/// ICU's fraction digits for an ISO 4217 code, or -1 if ICU does not know the code. `ucurr_isAvailable`
/// takes a global lock and walks ICU's currency data, so answers are cached per code (at most 26^3).
int32_t fractionDigits(const char *code) {
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

bool formatMoney(const Locale &locale, int64_t minorUnits, const char *currency, UnicodeString &result,
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

}  // namespace

extern "C" {

const char *cicu_error_name(int32_t code) { return u_errorName(static_cast<UErrorCode>(code)); }

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
    if (!localeFromTag(tag, locale)) {
        setStatus(status, U_ILLEGAL_ARGUMENT_ERROR);
        return 0;
    }
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<PluralRules> rules(
        PluralRules::forLocale(locale, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, error));
    if (U_FAILURE(error)) {
        setStatus(status, error);
        return 0;
    }
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

int32_t cicu_plural_select(const char *tag, int32_t ordinal, const char *number, char *out, int32_t capacity,
                           cicu_status *status) {
    Locale locale;
    if (!localeFromTag(tag, locale)) {
        setStatus(status, U_ILLEGAL_ARGUMENT_ERROR);
        return 0;
    }
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<PluralRules> rules(
        PluralRules::forLocale(locale, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, error));
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
    builder.setDefaultLocale(&result->supported[static_cast<size_t>(default_index)]);
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
    if (!localeFromTag(tag, desired)) { return matcher->defaultIndex; }
    UErrorCode error = U_ZERO_ERROR;
    const auto result = matcher->matcher->getBestMatchResult(desired, error);
    const int32_t index = U_SUCCESS(error) ? result.getSupportedIndex() : -1;
    return index >= 0 ? index : matcher->defaultIndex;
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

// MARK: Numbers

int32_t cicu_currency_fraction_digits(const char *currency) { return fractionDigits(currency); }

int32_t cicu_format_money(const char *tag, int64_t minor_units, const char *currency, char *out, int32_t capacity,
                          cicu_status *status) {
    Locale locale;
    if (!localeFromTag(tag, locale)) {
        setStatus(status, U_ILLEGAL_ARGUMENT_ERROR);
        return 0;
    }
    UErrorCode error = U_ZERO_ERROR;
    UnicodeString result;
    if (!formatMoney(locale, minor_units, currency, result, error)) {
        setStatus(status, U_FAILURE(error) ? error : U_ILLEGAL_ARGUMENT_ERROR);
        return 0;
    }
    setStatus(status, U_ZERO_ERROR);
    return copyOut(result, out, capacity);
}

// MARK: MessageFormat

/// A MessageFormat clone used by one thread at a time, with that thread's currency formatters for the
/// message's locale (immutable ICU objects, so reuse needs no lock).
struct Worker {
    std::unique_ptr<MessageFormat> format;
    struct Money {
        uint32_t currency;
        int32_t digits;
        std::unique_ptr<number::LocalizedNumberFormatter> formatter;
    };
    std::vector<Money> money;
};

struct cicu_message_format {
    Locale locale;
    std::unique_ptr<MessageFormat> prototype;  // never formats, only cloned: it stays unmutated
    std::vector<std::string> names;
    std::vector<UnicodeString> unicodeNames;
    // MessageFormat::format mutates lazy caches, so each call borrows a worker of its own. A few lock-free
    // slots serve the common case (one worker per core); the mutex-guarded list takes any overflow.
    static constexpr int kSlots = 4;
    std::atomic<Worker *> slots[kSlots] = {};
    std::mutex lock;
    std::vector<Worker *> idle;

    ~cicu_message_format() {
        for (auto &slot : slots) { delete slot.load(); }
        for (auto *worker : idle) { delete worker; }
    }

    Worker *borrow() {
        for (auto &slot : slots) {
            if (slot.load(std::memory_order_relaxed) != nullptr) {
                if (Worker *worker = slot.exchange(nullptr, std::memory_order_acquire)) { return worker; }
            }
        }
        {
            std::lock_guard<std::mutex> guard(lock);
            if (!idle.empty()) {
                Worker *worker = idle.back();
                idle.pop_back();
                return worker;
            }
        }
        auto *worker = new Worker();
        worker->format.reset(prototype->clone());
        return worker;
    }

    void giveBack(Worker *worker) {
        for (auto &slot : slots) {
            Worker *expected = nullptr;
            if (slot.compare_exchange_strong(expected, worker, std::memory_order_release, std::memory_order_relaxed)) { return; }
        }
        std::lock_guard<std::mutex> guard(lock);
        idle.push_back(worker);
    }

    /// Formats money with the worker's cached formatter for this currency.
    bool formatMoney(Worker &worker, int64_t minorUnits, const char *currency, UnicodeString &result, UErrorCode &error) {
        uint32_t key = 0;
        for (int i = 0; i < 3 && currency[i] != 0; ++i) { key = key * 256 + static_cast<unsigned char>(currency[i]); }
        Worker::Money *entry = nullptr;
        for (auto &candidate : worker.money) {
            if (candidate.currency == key) { entry = &candidate; }
        }
        if (entry == nullptr) {
            const int32_t digits = fractionDigits(currency);
            if (digits < 0) {
                error = U_ILLEGAL_ARGUMENT_ERROR;
                return false;
            }
            auto formatter = makeCurrencyFormatter(locale, currency, error);
            if (!formatter) { return false; }
            if (worker.money.size() >= 16) { worker.money.erase(worker.money.begin()); }  // bounded
            worker.money.push_back({key, digits, std::move(formatter)});
            entry = &worker.money.back();
        }
        return formatMinorUnits(*entry->formatter, minorUnits, entry->digits, result, error);
    }
};

static void collectArgumentNames(const MessagePattern &pattern, std::vector<UnicodeString> &names) {
    const int32_t count = pattern.countParts();
    for (int32_t i = 0; i < count; ++i) {
        const MessagePattern::Part &part = pattern.getPart(i);
        if (part.getType() != UMSGPAT_PART_TYPE_ARG_NAME && part.getType() != UMSGPAT_PART_TYPE_ARG_NUMBER) {
            continue;
        }
        UnicodeString name = pattern.getSubstring(part);
        bool seen = false;
        for (const auto &existing : names) { seen = seen || existing == name; }
        if (!seen) { names.push_back(name); }
    }
}

cicu_message_format *cicu_message_format_create(const char *tag, const char *pattern, int32_t length,
                                                cicu_status *status) {
    auto result = std::make_unique<cicu_message_format>();
    if (!localeFromTag(tag, result->locale)) {
        setStatus(status, U_ILLEGAL_ARGUMENT_ERROR);
        return nullptr;
    }
    UnicodeString text = UnicodeString::fromUTF8(StringPiece(pattern, length));
    UErrorCode error = U_ZERO_ERROR;
    UParseError parseError{};
    parseError.offset = -1;
    result->prototype = std::make_unique<MessageFormat>(text, result->locale, parseError, error);
    if (U_FAILURE(error)) {
        setStatus(status, error, parseError.offset);
        return nullptr;
    }
    MessagePattern structure(UMSGPAT_APOS_DOUBLE_OPTIONAL, error);
    structure.parse(text, &parseError, error);
    if (U_FAILURE(error)) {
        setStatus(status, error, parseError.offset);
        return nullptr;
    }
    collectArgumentNames(structure, result->unicodeNames);
    for (const auto &name : result->unicodeNames) {
        std::string utf8;
        name.toUTF8String(utf8);
        result->names.push_back(utf8);
    }
    setStatus(status, U_ZERO_ERROR);
    return result.release();
}

void cicu_message_format_destroy(cicu_message_format *format) { delete format; }

int32_t cicu_message_format_argument_count(const cicu_message_format *format) {
    return static_cast<int32_t>(format->names.size());
}

const char *cicu_message_format_argument_name(const cicu_message_format *format, int32_t index) {
    if (index < 0 || static_cast<size_t>(index) >= format->names.size()) { return nullptr; }
    return format->names[static_cast<size_t>(index)].c_str();
}

int32_t cicu_message_format_format(cicu_message_format *format, const cicu_argument *arguments, int32_t count,
                                   char *out, int32_t capacity, cicu_status *status) {
    const auto available = static_cast<int32_t>(format->unicodeNames.size());
    if (count > available) { count = available; }
    // Messages have a handful of arguments: values live on the stack, and when every argument is present
    // (the usual case) the formatter's own name array is passed, so no name is copied.
    constexpr int32_t kInline = 8;
    std::vector<Formattable> heapValues;
    alignas(Formattable) unsigned char inlineStorage[kInline * sizeof(Formattable)];
    Formattable *values = reinterpret_cast<Formattable *>(inlineStorage);
    if (count > kInline) {
        heapValues.resize(static_cast<size_t>(count));
        values = heapValues.data();
    } else {
        for (int32_t i = 0; i < count; ++i) { new (&values[i]) Formattable(); }
    }
    struct Cleanup {
        Formattable *values;
        int32_t count;
        bool inlineStorage;
        ~Cleanup() {
            if (inlineStorage) {
                for (int32_t i = 0; i < count; ++i) { values[i].~Formattable(); }
            }
        }
    } cleanup{values, count, count <= kInline};
    std::vector<UnicodeString> subsetNames;  // only when some argument is absent
    Worker *worker = nullptr;                // borrowed on first need
    UErrorCode error = U_ZERO_ERROR;
    int32_t used = 0;
    bool allPresent = true;
    for (int32_t i = 0; i < count && U_SUCCESS(error); ++i) {
        const cicu_argument &argument = arguments[i];
        if (argument.kind == CICU_ARGUMENT_ABSENT || argument.kind > CICU_ARGUMENT_MONEY) {
            allPresent = false;
            continue;
        }
        Formattable &value = values[used];
        switch (argument.kind) {
        case CICU_ARGUMENT_TEXT:
            value.setString(UnicodeString::fromUTF8(StringPiece(argument.text, argument.length)));
            break;
        case CICU_ARGUMENT_INTEGER: value.setInt64(argument.integer); break;
        case CICU_ARGUMENT_DOUBLE: value.setDouble(argument.number); break;
        case CICU_ARGUMENT_DECIMAL: value.setDecimalNumber(StringPiece(argument.text, argument.length), error); break;
        case CICU_ARGUMENT_MONEY: {
            UnicodeString money;
            if (worker == nullptr) { worker = format->borrow(); }
            if (!format->formatMoney(*worker, argument.integer, argument.text, money, error)) {
                if (U_SUCCESS(error)) { error = U_ILLEGAL_ARGUMENT_ERROR; }
            }
            value.setString(money);
            break;
        }
        default: break;
        }
        ++used;
    }
    if (!allPresent) {
        // Rebuild the names of the present arguments in order (rare: the resolver supplies them all).
        subsetNames.clear();
        for (int32_t i = 0; i < count; ++i) {
            if (arguments[i].kind != CICU_ARGUMENT_ABSENT && arguments[i].kind <= CICU_ARGUMENT_MONEY) {
                subsetNames.push_back(format->unicodeNames[static_cast<size_t>(i)]);
            }
        }
    }
    const UnicodeString *names = allPresent ? format->unicodeNames.data() : subsetNames.data();
    if (worker == nullptr) { worker = format->borrow(); }
    UnicodeString result;
    if (U_SUCCESS(error)) { worker->format->format(names, values, used, result, error); }
    format->giveBack(worker);
    if (U_FAILURE(error)) {
        setStatus(status, error);
        return 0;
    }
    setStatus(status, U_ZERO_ERROR);
    CheckedArrayByteSink sink(out, capacity);
    result.toUTF8(sink);
    return sink.NumberOfBytesAppended();
}

// MARK: Pattern structure

struct cicu_pattern {
    std::vector<cicu_pattern_item> items;
};

cicu_pattern *cicu_pattern_parse(const char *pattern, int32_t length, cicu_status *status) {
    UErrorCode error = U_ZERO_ERROR;
    UParseError parseError{};
    parseError.offset = -1;
    UnicodeString text = UnicodeString::fromUTF8(StringPiece(pattern, length));
    MessagePattern parsed(UMSGPAT_APOS_DOUBLE_OPTIONAL, error);
    parsed.parse(text, &parseError, error);
    if (U_FAILURE(error)) {
        setStatus(status, error, parseError.offset);
        return nullptr;
    }
    auto result = std::make_unique<cicu_pattern>();
    int32_t depth = 0;
    int32_t textStart = -1;  // where the current run of literal text began; -1 inside argument syntax
    const int32_t count = parsed.countParts();
    for (int32_t i = 0; i < count; ++i) {
        const MessagePattern::Part &part = parsed.getPart(i);
        const UMessagePatternPartType type = part.getType();
        const bool endsText = type == UMSGPAT_PART_TYPE_ARG_START || type == UMSGPAT_PART_TYPE_MSG_LIMIT ||
                              type == UMSGPAT_PART_TYPE_SKIP_SYNTAX || type == UMSGPAT_PART_TYPE_REPLACE_NUMBER ||
                              type == UMSGPAT_PART_TYPE_INSERT_CHAR;
        if (endsText && textStart >= 0 && part.getIndex() > textStart) {
            cicu_pattern_item text{};
            text.kind = CICU_PATTERN_TEXT;
            text.depth = depth;
            text.start = textStart;
            text.length = part.getIndex() - textStart;
            text.name_start = text.type_start = text.style_start = -1;
            result->items.push_back(text);
        }
        if (type == UMSGPAT_PART_TYPE_ARG_START) {
            textStart = -1;
        } else if (type == UMSGPAT_PART_TYPE_MSG_START || type == UMSGPAT_PART_TYPE_ARG_LIMIT ||
                   ((type == UMSGPAT_PART_TYPE_SKIP_SYNTAX || type == UMSGPAT_PART_TYPE_REPLACE_NUMBER ||
                     type == UMSGPAT_PART_TYPE_INSERT_CHAR) && textStart >= 0)) {
            textStart = part.getIndex() + part.getLength();
        }
        if (type == UMSGPAT_PART_TYPE_MSG_START) {
            depth = part.getValue();  // MSG_START and MSG_LIMIT carry their nesting level
            continue;
        }
        if (type == UMSGPAT_PART_TYPE_MSG_LIMIT) {
            textStart = -1;  // back in the enclosing argument's syntax
            depth = part.getValue() > 0 ? part.getValue() - 1 : 0;
            continue;
        }
        cicu_pattern_item item{};
        item.name_start = item.type_start = item.style_start = -1;
        item.depth = depth;
        if (type == UMSGPAT_PART_TYPE_ARG_START) {
            const int32_t limit = parsed.getLimitPartIndex(i);
            const MessagePattern::Part &end = parsed.getPart(limit);
            item.kind = CICU_PATTERN_ARGUMENT;
            item.argument_type = static_cast<int32_t>(part.getArgType());
            item.start = part.getIndex();
            item.length = end.getIndex() + end.getLength() - part.getIndex();
            for (int32_t j = i + 1; j < limit; ++j) {
                const MessagePattern::Part &inner = parsed.getPart(j);
                const auto innerType = inner.getType();
                if (innerType == UMSGPAT_PART_TYPE_ARG_NAME || innerType == UMSGPAT_PART_TYPE_ARG_NUMBER) {
                    item.name_start = inner.getIndex();
                    item.name_length = inner.getLength();
                } else if (innerType == UMSGPAT_PART_TYPE_ARG_TYPE) {
                    item.type_start = inner.getIndex();
                    item.type_length = inner.getLength();
                } else if (innerType == UMSGPAT_PART_TYPE_ARG_STYLE) {
                    item.style_start = inner.getIndex();
                    item.style_length = inner.getLength();
                } else {
                    break;
                }
            }
            result->items.push_back(item);
        } else if (type == UMSGPAT_PART_TYPE_ARG_SELECTOR) {
            item.kind = CICU_PATTERN_SELECTOR;
            item.start = part.getIndex();
            item.length = part.getLength();
            if (i + 1 < count) {
                const auto next = parsed.getPart(i + 1).getType();
                if (next == UMSGPAT_PART_TYPE_ARG_INT || next == UMSGPAT_PART_TYPE_ARG_DOUBLE) {
                    item.value = parsed.getNumericValue(parsed.getPart(i + 1));
                    item.has_value = 1;
                }
            }
            result->items.push_back(item);
        } else if (type == UMSGPAT_PART_TYPE_ARG_INT || type == UMSGPAT_PART_TYPE_ARG_DOUBLE) {
            if (i > 0 && parsed.getPart(i - 1).getType() == UMSGPAT_PART_TYPE_ARG_SELECTOR) { continue; }
            item.kind = CICU_PATTERN_OFFSET;
            item.start = part.getIndex();
            item.length = part.getLength();
            item.value = parsed.getNumericValue(part);
            item.has_value = 1;
            result->items.push_back(item);
        }
    }
    setStatus(status, U_ZERO_ERROR);
    return result.release();
}

void cicu_pattern_destroy(cicu_pattern *pattern) { delete pattern; }

int32_t cicu_pattern_item_count(const cicu_pattern *pattern) { return static_cast<int32_t>(pattern->items.size()); }

cicu_pattern_item cicu_pattern_item_at(const cicu_pattern *pattern, int32_t index) {
    return pattern->items[static_cast<size_t>(index)];
}

}  // extern "C"
