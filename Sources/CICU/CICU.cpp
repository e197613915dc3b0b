// Implementation of CICU.h over ICU4C's C++ API. Nothing here is policy: it only adapts ICU.
#include "CICU.h"

#include <unicode/bytestream.h>
#include <unicode/decimfmt.h>
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

// MARK: Direct formatting
//
// MessageFormat::format walks its parsed pattern on every call, looks each argument up by name, copies
// every value into Formattables, formats a plural's number twice (once to a string, once to a decimal
// quantity for the plural rules) and builds the whole message in UTF-16 before it is converted to UTF-8.
// For patterns made only of literal text, `{name}`, `plural`/`selectordinal` (with `#`, `=N` and
// `offset:`) and `select`, the same work is precompiled here: the literal text is stored as UTF-8, and a
// call formats each number once with MessageFormat's own default number format (the DecimalFormat that
// `NumberFormat::createInstance` gives, used through its `LocalizedNumberFormatter`) and selects with the
// same `PluralRules`, following `MessageFormat::format`, `PluralFormat::findSubMessage` and
// `SelectFormat::findSubMessage` (ICU 72) step by step. Anything else (typed arguments such as
// `{n, number}`, `choice`, numbered arguments, a number argument named inside its own plural) keeps
// MessageFormat. Tests compare both paths byte for byte on every catalog message.

/// A plural keyword as the rules give it for a number (`one`, `few`, ...), or `other` when the rules'
/// answer does not fit (categories are ASCII words of at most 5 letters).
struct PluralKeyword {
    char bytes[8] = {'o', 't', 'h', 'e', 'r'};
    size_t length = 5;

    explicit PluralKeyword(const UnicodeString &category) {
        char keyword[8];
        const int32_t extracted = category.extract(0, category.length(), keyword, sizeof keyword, US_INV);
        if (extracted > 0 && extracted < static_cast<int32_t>(sizeof keyword)) {
            std::memcpy(bytes, keyword, static_cast<size_t>(extracted));
            length = static_cast<size_t>(extracted);
        }
    }
};

/// A small non-negative integer as the locale writes it and as its plural rules classify it: the
/// usual argument (seconds to wait, attempts left), whose formatting through ICU's number pipeline cost
/// more in the server, with caches cold between requests, than the rest of a resolution.
struct SmallInteger {
    std::string text;  // UTF-8, exactly what the default number format writes
    PluralKeyword cardinal;
    PluralKeyword ordinal;
};

/// Per locale, what direct formatting needs: immutable and thread-safe once built, shared by every
/// message of the locale and never freed (so its address also keys per-thread caches).
struct LocaleTools {
    Locale locale;
    std::unique_ptr<NumberFormat> numberFormat;  // MessageFormat::getDefaultNumberFormat's equivalent
    const number::LocalizedNumberFormatter *numbers = nullptr;  // owned by numberFormat
    // The same formatter as a Format: its format() keeps ICU's intermediate data on the stack.
    std::unique_ptr<Format> numbersAsFormat;
    std::unique_ptr<PluralRules> cardinal;
    std::unique_ptr<PluralRules> ordinal;
    // 0 ..< smallIntegerCount, formatted and classified once (with the formatter and rules above).
    static constexpr int64_t smallIntegerCount = 128;
    std::vector<SmallInteger> smallIntegers;

    const SmallInteger *small(int64_t value) const {
        return value >= 0 && value < smallIntegerCount ? &smallIntegers[static_cast<size_t>(value)] : nullptr;
    }
};

/// The shared tools for a locale, or nullptr (then MessageFormat is used). At most 64 locales are kept:
/// locale files name their locale, and a validation request must not grow this without bound.
const LocaleTools *sharedLocaleTools(const Locale &locale) {
    static std::mutex lock;
    static auto *tools = new std::map<std::string, std::unique_ptr<LocaleTools>>();  // never destroyed
    std::lock_guard<std::mutex> guard(lock);
    auto found = tools->find(locale.getName());
    if (found != tools->end()) { return found->second.get(); }
    if (tools->size() >= 64) { return nullptr; }
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

/// UTF-8 into the caller's buffer. Counts every byte, also those that no longer fit, so that the caller
/// learns the size it needs.
struct Utf8Writer {
    char *out;
    int64_t capacity;
    int64_t length = 0;

    void append(const char *bytes, size_t count) {
        if (out != nullptr && length + static_cast<int64_t>(count) <= capacity) {
            std::memcpy(out + length, bytes, count);
        }
        length += static_cast<int64_t>(count);
    }

    /// UTF-16 to UTF-8, an unpaired surrogate becoming U+FFFD (as u_strToUTF8WithSub does, whose fixed
    /// cost is several times this loop's for the short texts written here).
    void append(const UnicodeString &text) {
        const char16_t *units = text.getBuffer();
        const int32_t count = text.length();
        char bytes[64];
        int used = 0;
        for (int32_t i = 0; i < count; ++i) {
            uint32_t c = units[i];
            if (c >= 0xD800 && c <= 0xDFFF) {
                if (c <= 0xDBFF && i + 1 < count && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (units[i + 1] - 0xDC00);
                    ++i;
                } else {
                    c = 0xFFFD;
                }
            }
            if (used > static_cast<int>(sizeof bytes) - 4) {
                append(bytes, static_cast<size_t>(used));
                used = 0;
            }
            if (c < 0x80) {
                bytes[used++] = static_cast<char>(c);
            } else if (c < 0x800) {
                bytes[used++] = static_cast<char>(0xC0 | (c >> 6));
                bytes[used++] = static_cast<char>(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                bytes[used++] = static_cast<char>(0xE0 | (c >> 12));
                bytes[used++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
                bytes[used++] = static_cast<char>(0x80 | (c & 0x3F));
            } else {
                bytes[used++] = static_cast<char>(0xF0 | (c >> 18));
                bytes[used++] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
                bytes[used++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
                bytes[used++] = static_cast<char>(0x80 | (c & 0x3F));
            }
        }
        append(bytes, static_cast<size_t>(used));
    }
};

struct DirectPiece;

/// A message or sub-message as a sequence of pieces.
struct DirectMessage {
    std::vector<DirectPiece> pieces;
};

struct DirectPiece {
    enum Kind : uint8_t { literal, simple, plural, select, pluralNumber };
    Kind kind = literal;
    std::string text;      // literal: UTF-8
    int32_t argument = -1;  // argument, plural, select: index into the message's argument names
    bool ordinal = false;   // plural: `selectordinal`
    double offset = 0;      // plural: `offset:`
    struct Case {
        bool explicitValue = false;  // `=N`
        double value = 0;
        std::string keyword;  // UTF-8: a plural category or a select keyword (`=N` for explicit values)
        DirectMessage message;
    };
    std::vector<Case> cases;
};

/// Compiles the sub-message whose MSG_START part is at `start` (as `MessageFormat::format` walks it).
/// Returns false when the pattern needs something only MessageFormat does.
bool compileDirect(const MessagePattern &pattern, int32_t start, const std::vector<UnicodeString> &names,
                   bool inPlural, int32_t pluralArgument, DirectMessage &into) {
    const UnicodeString &text = pattern.getPatternString();
    UnicodeString literal;
    auto flush = [&]() {
        if (literal.isEmpty()) { return; }
        DirectPiece piece;
        piece.kind = DirectPiece::literal;
        literal.toUTF8String(piece.text);
        into.pieces.push_back(std::move(piece));
        literal.remove();
    };
    int32_t previous = pattern.getPart(start).getLimit();
    for (int32_t i = start + 1;; ++i) {
        const MessagePattern::Part &part = pattern.getPart(i);
        const UMessagePatternPartType type = part.getType();
        literal.append(text, previous, part.getIndex() - previous);
        if (type == UMSGPAT_PART_TYPE_MSG_LIMIT) {
            flush();
            return true;
        }
        previous = part.getLimit();
        if (type == UMSGPAT_PART_TYPE_REPLACE_NUMBER) {
            if (!inPlural) { return false; }
            flush();
            DirectPiece piece;
            piece.kind = DirectPiece::pluralNumber;
            into.pieces.push_back(std::move(piece));
            continue;
        }
        if (type != UMSGPAT_PART_TYPE_ARG_START) { continue; }  // SKIP_SYNTAX (a quoting apostrophe), INSERT_CHAR
        flush();
        const int32_t limit = pattern.getLimitPartIndex(i);
        const UMessagePatternArgType argumentType = part.getArgType();
        const MessagePattern::Part &namePart = pattern.getPart(i + 1);
        if (namePart.getType() != UMSGPAT_PART_TYPE_ARG_NAME) { return false; }
        const UnicodeString name = pattern.getSubstring(namePart);
        DirectPiece piece;
        for (size_t n = 0; n < names.size(); ++n) {
            if (names[n] == name) { piece.argument = static_cast<int32_t>(n); }
        }
        // Inside a plural, MessageFormat formats the plural's own argument specially when named again.
        if (piece.argument < 0 || (inPlural && piece.argument == pluralArgument)) { return false; }
        switch (argumentType) {
        case UMSGPAT_ARG_TYPE_NONE: piece.kind = DirectPiece::simple; break;
        case UMSGPAT_ARG_TYPE_PLURAL:
        case UMSGPAT_ARG_TYPE_SELECTORDINAL: piece.kind = DirectPiece::plural; break;
        case UMSGPAT_ARG_TYPE_SELECT: piece.kind = DirectPiece::select; break;
        default: return false;
        }
        piece.ordinal = argumentType == UMSGPAT_ARG_TYPE_SELECTORDINAL;
        if (piece.kind != DirectPiece::simple) {
            int32_t j = i + 2;
            if (piece.kind == DirectPiece::plural && MessagePattern::Part::hasNumericValue(pattern.getPartType(j))) {
                piece.offset = pattern.getNumericValue(pattern.getPart(j));
                ++j;
            }
            while (j < limit) {
                const MessagePattern::Part &selector = pattern.getPart(j++);
                if (selector.getType() != UMSGPAT_PART_TYPE_ARG_SELECTOR) { return false; }
                DirectPiece::Case entry;
                pattern.getSubstring(selector).toUTF8String(entry.keyword);
                if (MessagePattern::Part::hasNumericValue(pattern.getPartType(j))) {
                    if (piece.kind != DirectPiece::plural) { return false; }
                    entry.explicitValue = true;
                    entry.value = pattern.getNumericValue(pattern.getPart(j));
                    ++j;
                }
                if (pattern.getPartType(j) != UMSGPAT_PART_TYPE_MSG_START) { return false; }
                const bool plural = piece.kind == DirectPiece::plural;
                if (!compileDirect(pattern, j, names, plural, plural ? piece.argument : -1, entry.message)) {
                    return false;
                }
                piece.cases.push_back(std::move(entry));
                j = pattern.getLimitPartIndex(j) + 1;
            }
        }
        into.pieces.push_back(std::move(piece));
        previous = pattern.getPart(limit).getLimit();
        i = limit;
    }
}

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

/// An amount in minor units formatted for a locale: with the calling thread's formatter when the locale has
/// shared tools (no lock, no decimal string), else with the process-wide cache of `formatMoney`.
bool formatMoneyIn(const LocaleTools *tools, const Locale &locale, int64_t minorUnits, const char *currency,
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

/// A number argument formatted once for a plural: its category and its `#` text come from the same
/// formatting, as in MessageFormat's PluralSelectorProvider.
struct FormattedPluralNumber {
    bool done = false;
    // Whole numbers below 2^53 (the usual case): formatted into `text` on the stack, and the plural rules
    // see them exactly as a double (no fraction digits, as the default format shows none).
    bool whole = false;
    int64_t value = 0;
    const SmallInteger *small = nullptr;  // 0 ..< 128: formatted once per locale; else `text`
    UnicodeString text;
    // Anything else: ICU's FormattedNumber, whose visible fraction digits the plural rules see.
    number::FormattedNumber formatted;
};

class DirectFormatter {
  public:
    /// `arguments` are the call's values, aligned with the message's argument names.
    DirectFormatter(const LocaleTools &tools, const cicu_argument *arguments, Utf8Writer &writer)
        : tools(tools), arguments(arguments), writer(writer) {}

    /// Writes `message`; false with `error` set when ICU fails, or with `error` still U_ZERO_ERROR when an
    /// argument's kind is one only MessageFormat handles (then the caller uses it, for the same result).
    bool write(const DirectMessage &message, const cicu_argument *pluralValue, FormattedPluralNumber *pluralNumber,
               double pluralOffset, UErrorCode &error) {
        for (const DirectPiece &piece : message.pieces) {
            switch (piece.kind) {
            case DirectPiece::literal: writer.append(piece.text.data(), piece.text.size()); break;
            case DirectPiece::pluralNumber:
                if (!formatPluralNumber(*pluralValue, pluralOffset, *pluralNumber, error)) { return false; }
                if (pluralNumber->small != nullptr) {
                    writer.append(pluralNumber->small->text.data(), pluralNumber->small->text.size());
                } else {
                    writer.append(pluralNumber->whole ? pluralNumber->text : pluralNumber->formatted.toTempString(error));
                }
                break;
            case DirectPiece::simple:
                if (!writeArgument(arguments[piece.argument], error)) { return false; }
                break;
            case DirectPiece::plural: {
                const cicu_argument &value = arguments[piece.argument];
                if (value.kind != CICU_ARGUMENT_INTEGER && value.kind != CICU_ARGUMENT_DOUBLE) { return false; }
                FormattedPluralNumber number;
                const DirectMessage *chosen = choosePlural(piece, value, number, error);
                if (chosen == nullptr || !write(*chosen, &value, &number, piece.offset, error)) { return false; }
                break;
            }
            case DirectPiece::select: {
                const cicu_argument &value = arguments[piece.argument];
                if (value.kind != CICU_ARGUMENT_TEXT) { return false; }
                const DirectMessage *chosen = findCase(piece, value.text, static_cast<size_t>(value.length));
                if (chosen == nullptr || !write(*chosen, nullptr, nullptr, 0, error)) { return false; }
                break;
            }
            }
            if (U_FAILURE(error)) { return false; }
        }
        return true;
    }

  private:
    const LocaleTools &tools;
    const cicu_argument *arguments;
    Utf8Writer &writer;

    /// Formats `value` with a number Format into a stack-buffered string and writes it.
    bool appendFormatted(const Format &format, const Formattable &value, UErrorCode &error) {
        UnicodeString text;
        FieldPosition position(FieldPosition::DONT_CARE);
        format.format(value, text, position, error);
        if (U_FAILURE(error)) { return false; }
        writer.append(text);
        return true;
    }

    /// `{name}`: text as is, numbers with the default number format, money with its currency formatter.
    bool writeArgument(const cicu_argument &value, UErrorCode &error) {
        switch (value.kind) {
        case CICU_ARGUMENT_TEXT: writer.append(value.text, static_cast<size_t>(value.length)); return true;
        case CICU_ARGUMENT_INTEGER:
            if (const SmallInteger *small = tools.small(value.integer)) {
                writer.append(small->text.data(), small->text.size());
                return true;
            }
            return appendFormatted(*tools.numbersAsFormat, Formattable(value.integer), error);
        case CICU_ARGUMENT_DOUBLE: return appendFormatted(*tools.numbersAsFormat, Formattable(value.number), error);
        case CICU_ARGUMENT_MONEY: {
            UnicodeString text;
            if (!formatMoneyIn(&tools, tools.locale, value.integer, value.text, text, error)) { return false; }
            writer.append(text);
            return true;
        }
        default: return false;  // decimal strings: MessageFormat
        }
    }

    /// The plural's number minus its offset, formatted once with the default number format.
    bool formatPluralNumber(const cicu_argument &value, double offset, FormattedPluralNumber &number, UErrorCode &error) {
        if (number.done) { return U_SUCCESS(error); }
        number.done = true;
        constexpr int64_t exactLimit = int64_t(1) << 53;
        if (value.kind == CICU_ARGUMENT_INTEGER && offset == static_cast<double>(static_cast<int64_t>(offset)) &&
            value.integer > -exactLimit && value.integer < exactLimit && offset > -exactLimit && offset < exactLimit) {
            number.whole = true;
            number.value = value.integer - static_cast<int64_t>(offset);
            number.small = tools.small(number.value);
            if (number.small == nullptr) {
                FieldPosition position(FieldPosition::DONT_CARE);
                tools.numbersAsFormat->format(Formattable(number.value), number.text, position, error);
            }
        } else if (value.kind == CICU_ARGUMENT_INTEGER && offset == 0) {
            number.formatted = tools.numbers->formatInt(value.integer, error);  // kept exact, as a Formattable would
        } else {
            const double base = value.kind == CICU_ARGUMENT_INTEGER ? static_cast<double>(value.integer) : value.number;
            number.formatted = tools.numbers->formatDouble(offset == 0 ? base : base - offset, error);
        }
        return U_SUCCESS(error);
    }

    /// PluralFormat::findSubMessage: an explicit `=N` equal to the number wins; else the first case of the
    /// category the rules select for the formatted number minus the offset; else the first `other`.
    const DirectMessage *choosePlural(const DirectPiece &piece, const cicu_argument &value, FormattedPluralNumber &number,
                                      UErrorCode &error) {
        const double exact = value.kind == CICU_ARGUMENT_INTEGER ? static_cast<double>(value.integer) : value.number;
        for (const auto &entry : piece.cases) {
            if (entry.explicitValue && entry.value == exact) { return &entry.message; }
        }
        if (!formatPluralNumber(value, piece.offset, number, error)) { return nullptr; }
        const DirectMessage *chosen;
        if (number.small != nullptr) {
            const PluralKeyword &keyword = piece.ordinal ? number.small->ordinal : number.small->cardinal;
            chosen = findCase(piece, keyword.bytes, keyword.length);
        } else {
            const PluralRules &rules = piece.ordinal ? *tools.ordinal : *tools.cardinal;
            const UnicodeString category =
                number.whole ? rules.select(static_cast<double>(number.value)) : rules.select(number.formatted, error);
            if (U_FAILURE(error)) { return nullptr; }
            const PluralKeyword keyword(category);
            chosen = findCase(piece, keyword.bytes, keyword.length);
        }
        if (chosen == nullptr) { error = U_INVALID_STATE_ERROR; }  // MessagePattern requires `other`
        return chosen;
    }

    /// PluralFormat's and SelectFormat's keyword match: the first case (not `=N`) whose keyword is these
    /// bytes, else the first `other`.
    static const DirectMessage *findCase(const DirectPiece &piece, const char *keyword, size_t length) {
        const DirectMessage *other = nullptr;
        for (const auto &entry : piece.cases) {
            if (entry.explicitValue) { continue; }
            if (entry.keyword.size() == length && std::memcmp(entry.keyword.data(), keyword, length) == 0) { return &entry.message; }
            if (other == nullptr && entry.keyword == "other") { other = &entry.message; }
        }
        return other;
    }
};

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

/// A MessageFormat clone used by one thread at a time.
struct Worker {
    std::unique_ptr<MessageFormat> format;
};

struct cicu_message_format {
    Locale locale;
    std::unique_ptr<MessageFormat> prototype;  // never formats, only cloned: it stays unmutated
    std::vector<std::string> names;
    std::vector<UnicodeString> unicodeNames;
    // The locale's shared tools (nullptr past their cap), and the direct form of the pattern when it
    // allows one (else nullptr and MessageFormat formats).
    const LocaleTools *tools = nullptr;
    std::unique_ptr<DirectMessage> direct;
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
    result->tools = sharedLocaleTools(result->locale);
    if (result->tools != nullptr) {
        auto direct = std::make_unique<DirectMessage>();
        if (compileDirect(structure, 0, result->unicodeNames, false, -1, *direct)) { result->direct = std::move(direct); }
    }
    setStatus(status, U_ZERO_ERROR);
    return result.release();
}

int32_t cicu_message_format_is_direct(const cicu_message_format *format) { return format->direct ? 1 : 0; }

void cicu_message_format_destroy(cicu_message_format *format) { delete format; }

int32_t cicu_message_format_argument_count(const cicu_message_format *format) {
    return static_cast<int32_t>(format->names.size());
}

const char *cicu_message_format_argument_name(const cicu_message_format *format, int32_t index) {
    if (index < 0 || static_cast<size_t>(index) >= format->names.size()) { return nullptr; }
    return format->names[static_cast<size_t>(index)].c_str();
}

/// MessageFormat::format, for patterns direct formatting does not cover, absent arguments, and tests.
static int32_t formatWithMessageFormat(cicu_message_format *format, const cicu_argument *arguments, int32_t count,
                                       char *out, int32_t capacity, cicu_status *status);

int32_t cicu_message_format_format(cicu_message_format *format, const cicu_argument *arguments, int32_t count,
                                   char *out, int32_t capacity, cicu_status *status) {
    const auto expected = static_cast<int32_t>(format->unicodeNames.size());
    if (format->direct && count == expected) {
        bool complete = true;
        for (int32_t i = 0; i < count; ++i) {
            complete = complete && arguments[i].kind != CICU_ARGUMENT_ABSENT && arguments[i].kind <= CICU_ARGUMENT_MONEY;
        }
        if (complete) {
            Utf8Writer writer{out, capacity};
            UErrorCode error = U_ZERO_ERROR;
            if (DirectFormatter(*format->tools, arguments, writer).write(*format->direct, nullptr, nullptr, 0, error)) {
                setStatus(status, U_ZERO_ERROR);
                return writer.length > INT32_MAX ? INT32_MAX : static_cast<int32_t>(writer.length);
            }
            if (U_FAILURE(error)) {
                setStatus(status, error);
                return 0;
            }
            // An argument kind only MessageFormat handles (or rejects): let it decide.
        }
    }
    return formatWithMessageFormat(format, arguments, count, out, capacity, status);
}

int32_t cicu_message_format_format_with_message_format(cicu_message_format *format, const cicu_argument *arguments,
                                                       int32_t count, char *out, int32_t capacity, cicu_status *status) {
    return formatWithMessageFormat(format, arguments, count, out, capacity, status);
}

static int32_t formatWithMessageFormat(cicu_message_format *format, const cicu_argument *arguments, int32_t count,
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
            if (!formatMoneyIn(format->tools, format->locale, argument.integer, argument.text, money, error)) {
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
    Worker *worker = format->borrow();
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
