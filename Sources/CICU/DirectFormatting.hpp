// Direct formatting: an engine that mirrors ICU's MessageFormat::format for a subset of patterns (see
// DirectFormatting.cpp). This header is what the engine's two files share and what the MessageFormat
// adapter calls; all of it exists only where CICU_DIRECT_FORMATTING holds.
#ifndef CICU_DIRECT_FORMATTING_HPP
#define CICU_DIRECT_FORMATTING_HPP

#include "CICUInternal.hpp"

#if CICU_DIRECT_FORMATTING

#include <unicode/format.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/numberformatter.h>
#include <unicode/numfmt.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace cicu {

// MARK: Per-locale tools (DirectFormattingTools.cpp)

/// A plural keyword as the rules give it for a number (`one`, `few`, ...), or `other` when the rules'
/// answer does not fit (categories are ASCII words of at most 5 letters).
struct PluralKeyword {
    char bytes[8] = {'o', 't', 'h', 'e', 'r'};
    size_t length = 5;

    explicit PluralKeyword(const icu::UnicodeString &category) {
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
    icu::Locale locale;
    std::unique_ptr<icu::NumberFormat> numberFormat;  // MessageFormat::getDefaultNumberFormat's equivalent
    const icu::number::LocalizedNumberFormatter *numbers = nullptr;  // owned by numberFormat
    // The same formatter as a Format: its format() keeps ICU's intermediate data on the stack.
    std::unique_ptr<icu::Format> numbersAsFormat;
    std::unique_ptr<icu::PluralRules> cardinal;
    std::unique_ptr<icu::PluralRules> ordinal;
    // 0 ..< smallIntegerCount, formatted and classified once (with the formatter and rules above).
    static constexpr int64_t smallIntegerCount = 128;
    std::vector<SmallInteger> smallIntegers;

    const SmallInteger *small(int64_t value) const {
        return value >= 0 && value < smallIntegerCount ? &smallIntegers[static_cast<size_t>(value)] : nullptr;
    }
};

/// The shared tools for a locale, or nullptr (then MessageFormat is used). At most 256 locales are kept
/// (`kMaximumSharedLocales`): room for the shipped catalog (50+ locales and the pseudo-locales), locales
/// that brands add and those validation requests name, while a stream of requests naming ever new locales
/// cannot grow it without bound.
constexpr size_t kMaximumSharedLocales = 256;
const LocaleTools *sharedLocaleTools(const icu::Locale &locale);
const LocaleTools *sharedLocaleTools(const icu::Locale &locale);

/// An amount in minor units formatted for a locale: with the calling thread's formatter when the locale has
/// shared tools (no lock, no decimal string), else with the process-wide cache of `formatMoney`.
bool formatMoneyIn(const LocaleTools *tools, const icu::Locale &locale, int64_t minorUnits, const char *currency,
                   icu::UnicodeString &result, UErrorCode &error);

// MARK: Compiled messages and formatting (DirectFormatting.cpp)

struct DirectPiece;

/// A message or sub-message as a sequence of pieces.
struct DirectMessage {
    std::vector<DirectPiece> pieces;

    /// Whether argument `index` is written at the top level (outside every plural and select), hence
    /// formatted on every call.
    bool writesAlways(int32_t index) const;
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
bool compileDirect(const icu::MessagePattern &pattern, int32_t start, const std::vector<icu::UnicodeString> &names,
                   bool inPlural, int32_t pluralArgument, DirectMessage &into);

/// Writes `message` with `arguments` (the call's values, aligned with the message's argument names).
/// False with `error` set when ICU fails, or with `error` still U_ZERO_ERROR when an argument's kind is one
/// only MessageFormat handles (then the caller uses it, for the same result).
bool formatDirect(const LocaleTools &tools, const DirectMessage &message, const cicu_argument *arguments,
                  Utf8Writer &writer, UErrorCode &error);

}  // namespace cicu

#endif  // CICU_DIRECT_FORMATTING

#endif
