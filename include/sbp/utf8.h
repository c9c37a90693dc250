/* UTF-8 decoding, display width and the one sanitizer that every text
 * from a file passes through before it reaches a terminal. */
#ifndef SBP_UTF8_H
#define SBP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbp/util.h"

/* Decode one code point from s (len > 0 bytes available). Returns the
 * bytes used (1 for an invalid sequence, with *cp = 0xFFFD). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Append the UTF-8 encoding of cp. */
void utf8_encode(sbp_buf *out, uint32_t cp);
/* Is s well-formed UTF-8 (no overlongs, no surrogates)? On false, *bad
 * is the byte offset of the first bad sequence. */
bool utf8_valid(const char *s, size_t len, size_t *bad);
/* Number of code points. */
size_t utf8_count(const char *s, size_t len);

/* Characters that must never reach a terminal raw: C0 and C1 controls,
 * DEL, bidirectional controls, zero-width characters, U+2028/2029,
 * U+FEFF. (Tab and newline are included: callers that keep them handle
 * them first.) */
bool cp_is_unsafe(uint32_t cp);
/* Display columns of one code point: 0 for combining marks, 2 for wide
 * East Asian characters and emoji, 1 otherwise. Locale independent. */
int cp_width(uint32_t cp);
/* Display columns of a string (unsafe characters counted as their escape). */
size_t utf8_width(const char *s, size_t len);

/* Append s with every unsafe character replaced by a visible escape:
 * \t \n \r, \xNN for other C0/C1 controls and DEL, \u{NNNN} for the rest;
 * invalid bytes become \xNN too. The result is safe to print. */
void sanitize(sbp_buf *out, const char *s, size_t len);

/* Append at most maxw display columns of sanitized s; when s does not fit,
 * the tail is cut at a character boundary (combining marks stay with their
 * base) and an ellipsis "…" is appended within maxw. Returns the columns
 * used. */
size_t sanitize_fit(sbp_buf *out, const char *s, size_t len, size_t maxw);

#endif
