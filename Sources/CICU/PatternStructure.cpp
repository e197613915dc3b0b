// Pattern structure: a MessageFormat pattern's arguments, selectors, offsets and literal text runs, with
// their UTF-16 positions, from ICU's own MessagePattern parser, so that validation sees the pattern exactly
// as MessageFormat will and can point into it. Only adapts ICU.
#include "CICUInternal.hpp"

#include <unicode/messagepattern.h>
#include <unicode/parseerr.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

using namespace icu;
using namespace cicu;

extern "C" {

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
