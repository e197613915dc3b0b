// Direct formatting: an engine, not an adapter. It mirrors ICU's MessageFormat::format for a subset of
// patterns, because MessageFormat::format walks its parsed pattern on every call, looks each argument up by
// name, copies every value into Formattables, formats a plural's number twice (once to a string, once to a
// decimal quantity for the plural rules) and builds the whole message in UTF-16 before it is converted to
// UTF-8.
//
// For patterns made only of literal text, `{name}`, `plural`/`selectordinal` (with `#`, `=N` and
// `offset:`) and `select`, the same work is precompiled here: the literal text is stored as UTF-8, and a
// call formats each number once with MessageFormat's own default number format (the DecimalFormat that
// `NumberFormat::createInstance` gives, used through its `LocalizedNumberFormatter`) and selects with the
// same `PluralRules`, following `MessageFormat::format`, `PluralFormat::findSubMessage` and
// `SelectFormat::findSubMessage` (ICU 72) step by step. Anything else (typed arguments such as
// `{n, number}`, `choice`, numbered arguments, a number argument named inside its own plural) keeps
// MessageFormat.
//
// Since it follows ICU's internals rather than its API, DirectFormattingTests hold it to MessageFormat byte
// for byte on every catalog message, and it is compiled in only for the ICU versions those tests have
// passed on (CICU_DIRECT_FORMATTING, in CICUInternal.hpp).
#include "DirectFormatting.hpp"

#if CICU_DIRECT_FORMATTING

#include <unicode/fieldpos.h>
#include <unicode/fmtable.h>
#include <unicode/messagepattern.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>

#include <cstring>
#include <string>
#include <vector>

using namespace icu;
using namespace cicu;

bool cicu::compileDirect(const MessagePattern &pattern, int32_t start, const std::vector<UnicodeString> &names,
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

bool DirectMessage::writesAlways(int32_t index) const {
    for (const auto &piece : pieces) {
        if (piece.kind == DirectPiece::simple && piece.argument == index) { return true; }
    }
    return false;
}

namespace {

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

bool cicu::formatDirect(const LocaleTools &tools, const DirectMessage &message, const cicu_argument *arguments,
                        Utf8Writer &writer, UErrorCode &error) {
    return DirectFormatter(tools, arguments, writer).write(message, nullptr, nullptr, 0, error);
}

#endif  // CICU_DIRECT_FORMATTING
