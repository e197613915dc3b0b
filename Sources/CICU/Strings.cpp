// Status and strings: ICU's error names, and UTF-8 copied out to caller buffers. Only adapts ICU.
#include "CICUInternal.hpp"

#include <unicode/utypes.h>

using namespace icu;

namespace cicu {

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

}  // namespace cicu

extern "C" {

const char *cicu_error_name(int32_t code) { return u_errorName(static_cast<UErrorCode>(code)); }

}  // extern "C"
