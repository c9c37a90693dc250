/* The table of whole export texts (terms_text.c), read by term_tr(). */
#ifndef SBP_TERMS_INTERNAL_H
#define SBP_TERMS_INTERNAL_H

#include <stddef.h>

extern const char *const term_texts[][2];
extern const size_t term_ntexts;

#endif
