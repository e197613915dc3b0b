// What CICU's translation units share, in C++. It lives outside `include/` so that no <unicode/*.h> ever
// reaches Swift: the public CICU.h stays plain C with opaque handles.
#ifndef CICU_INTERNAL_HPP
#define CICU_INTERNAL_HPP

#include "CICU.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>
#include <unicode/uvernum.h>

#include <cstdint>
#include <cstring>
#include <string>

// Direct formatting (DirectFormatting.hpp) follows MessageFormat::format's internals, so it is compiled in
// only for the ICU major versions the DirectFormattingTests have passed on; for any other version every
// message goes through MessageFormat. To add a version: extend this condition, build against that ICU and
// run `swift test`; keep the version only if DirectFormattingTests (both paths, byte for byte, on every
// catalog message) pass.
#define CICU_DIRECT_FORMATTING (U_ICU_VERSION_MAJOR_NUM == 72)

namespace cicu {

// MARK: Status and strings (Strings.cpp)

inline void setStatus(cicu_status *status, UErrorCode code, int32_t offset = -1) {
    if (status != nullptr) {
        status->code = static_cast<int32_t>(code);
        status->offset = offset;
    }
}

/// Copies UTF-8 into a caller buffer (NUL-terminated when it fits) and returns the full length.
int32_t copyOut(const std::string &text, char *out, int32_t capacity);
int32_t copyOut(const icu::UnicodeString &text, char *out, int32_t capacity);

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
    void append(const icu::UnicodeString &text) {
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

// MARK: Locales (Locales.cpp)

/// Strict BCP 47 parsing: ICU's `forLanguageTag` rejects anything that is not well-formed.
bool localeFromTag(const char *tag, icu::Locale &locale);

/// The same for a C entry point that reports failure: sets `U_ILLEGAL_ARGUMENT_ERROR` in `status`.
bool localeFromTag(const char *tag, icu::Locale &locale, cicu_status *status);

// MARK: Numbers and money (Money.cpp)

/// ICU's fraction digits for an ISO 4217 code, or -1 if ICU does not know the code.
int32_t fractionDigits(const char *code);

/// An amount in minor units formatted for a locale with the currency's digits, exactly (no floating
/// point), through a process-wide cache of currency formatters.
bool formatMoney(const icu::Locale &locale, int64_t minorUnits, const char *currency, icu::UnicodeString &result,
                 UErrorCode &error);

}  // namespace cicu

#endif
