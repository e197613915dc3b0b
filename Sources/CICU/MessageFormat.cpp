// MessageFormat with named arguments: ICU's MessageFormat behind an opaque handle, safe to call from many
// threads (MessageFormat::format mutates lazy caches, so each call borrows a clone from a pool). Where
// direct formatting is compiled in, the messages it covers go through that engine instead; MessageFormat
// formats everything else and is the reference the engine is tested against.
#include "CICUInternal.hpp"
#include "DirectFormatting.hpp"

#include <unicode/bytestream.h>
#include <unicode/fmtable.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/parseerr.h>
#include <unicode/unistr.h>

#include <atomic>
#include <climits>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

using namespace icu;
using namespace cicu;

extern "C" {

/// A MessageFormat clone used by one thread at a time.
struct Worker {
    std::unique_ptr<MessageFormat> format;
};

struct cicu_message_format {
    // The locale: the shared tools' copy where there are tools, else this message's own (an icu::Locale is
    // 224 bytes; a catalog with brands holds thousands of messages).
    std::unique_ptr<Locale> ownLocale;
    // Never formats, only cloned: it stays unmutated. Where direct formatting covers the pattern, the
    // prototype is dropped after the pattern is checked and rebuilt on first need (MessageFormat is the
    // fallback and the tests' reference): a catalog's messages then cost their direct form only, which
    // matters with many locales and brands.
    std::unique_ptr<MessageFormat> prototype;
    UnicodeString patternText;
    std::once_flag rebuilt;
    std::vector<std::string> names;
    std::vector<UnicodeString> unicodeNames;
#if CICU_DIRECT_FORMATTING
    // The locale's shared tools (nullptr past their cap), and the direct form of the pattern when it
    // allows one (else nullptr and MessageFormat formats).
    const LocaleTools *tools = nullptr;
    std::unique_ptr<DirectMessage> direct;
#endif
    // MessageFormat::format mutates lazy caches, so each call borrows a worker of its own. A few lock-free
    // slots serve the common case (one worker per core); the mutex-guarded list takes any overflow.
    static constexpr int kSlots = 4;
    std::atomic<Worker *> slots[kSlots] = {};
    std::mutex lock;
    std::vector<Worker *> idle;

    const Locale &locale() const {
#if CICU_DIRECT_FORMATTING
        if (tools != nullptr) { return tools->locale; }
#endif
        return *ownLocale;
    }

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
        std::call_once(rebuilt, [this] {
            if (prototype) { return; }
            UErrorCode error = U_ZERO_ERROR;
            UParseError parseError{};
            prototype = std::make_unique<MessageFormat>(patternText, locale(), parseError, error);  // built before: cannot fail
        });
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
    Locale locale;
    if (!localeFromTag(tag, locale, status)) { return nullptr; }
    UnicodeString text = UnicodeString::fromUTF8(StringPiece(pattern, length));
    UErrorCode error = U_ZERO_ERROR;
    UParseError parseError{};
    parseError.offset = -1;
    result->prototype = std::make_unique<MessageFormat>(text, locale, parseError, error);
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
#if CICU_DIRECT_FORMATTING
    result->tools = sharedLocaleTools(locale);
    if (result->tools != nullptr) {
        auto direct = std::make_unique<DirectMessage>();
        if (compileDirect(structure, 0, result->unicodeNames, false, -1, *direct)) { result->direct = std::move(direct); }
    }
    if (result->direct) {
        result->patternText = text;
        result->prototype.reset();
    }
    if (result->tools == nullptr) { result->ownLocale = std::make_unique<Locale>(locale); }
#else
    result->ownLocale = std::make_unique<Locale>(locale);
#endif
    setStatus(status, U_ZERO_ERROR);
    return result.release();
}

int32_t cicu_message_format_is_direct(const cicu_message_format *format) {
#if CICU_DIRECT_FORMATTING
    return format->direct ? 1 : 0;
#else
    (void)format;
    return 0;
#endif
}

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
#if CICU_DIRECT_FORMATTING
    const auto expected = static_cast<int32_t>(format->unicodeNames.size());
    if (format->direct && count == expected) {
        bool complete = true;
        for (int32_t i = 0; i < count; ++i) {
            complete = complete && arguments[i].kind != CICU_ARGUMENT_ABSENT && arguments[i].kind <= CICU_ARGUMENT_MONEY;
            // MessageFormat formats every money argument before the message, so an unknown currency
            // fails even where its branch is not taken; direct formatting formats lazily, so it checks
            // the same up front for money it does not always write (found by the differential fuzz
            // target, FUZZING.md). Money written at the top level fails in formatting anyway.
            if (arguments[i].kind == CICU_ARGUMENT_MONEY && !format->direct->writesAlways(i)
                && cicu_currency_fraction_digits(arguments[i].text) < 0) {
                setStatus(status, U_ILLEGAL_ARGUMENT_ERROR);
                return 0;
            }
        }
        if (complete) {
            Utf8Writer writer{out, capacity};
            UErrorCode error = U_ZERO_ERROR;
            if (formatDirect(*format->tools, *format->direct, arguments, writer, error)) {
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
#endif
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
#if CICU_DIRECT_FORMATTING
            const bool formatted = formatMoneyIn(format->tools, format->locale(), argument.integer, argument.text, money, error);
#else  // no per-locale tools, hence no per-thread money formatters: the process-wide ones
            const bool formatted = formatMoney(format->locale(), argument.integer, argument.text, money, error);
#endif
            if (!formatted) {
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

}  // extern "C"
