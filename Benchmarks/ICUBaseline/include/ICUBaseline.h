// The physical limit for the library benchmark: ICU4C formatting a message on a warm formatter, in a
// tight C++ loop, with the same pattern, locale and arguments the library resolves to.
#ifndef ICU_BASELINE_H
#define ICU_BASELINE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct icu_baseline icu_baseline;

/// A warm MessageFormat for `pattern` in `locale`, plus, when `currency` is not NULL, a warm
/// LocalizedNumberFormatter for that currency (the best ICU path for money: format the amount once
/// with a cached formatter, pass it as a string argument).
icu_baseline *icu_baseline_create(const char *locale, const char *pattern, const char *argument_name,
                                  const char *currency);
void icu_baseline_destroy(icu_baseline *baseline);

/// Formats `iterations` times, to UTF-8 as a service would send it. The argument is `integer` as a number,
/// or, with a currency, `integer` minor units formatted as money; no argument when `argument_name` was NULL.
/// Returns the elapsed nanoseconds; `checksum` receives the summed output lengths (keeps the work alive).
int64_t icu_baseline_run(icu_baseline *baseline, int64_t iterations, int64_t integer, int64_t *checksum);

/// Formats once and writes the UTF-8 result (for checking that both sides produce the same text).
int32_t icu_baseline_format_once(icu_baseline *baseline, int64_t integer, char *out, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
