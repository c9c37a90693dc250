/* Small utilities shared by every part: allocation that aborts on
 * exhaustion, a growable byte buffer, and number formatting. */
#ifndef SBP_UTIL_H
#define SBP_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <stdarg.h>

/* Allocators that print a message and abort when memory runs out. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* About to allocate some bytes in many small pieces (a large file being
 * loaded): grow the heap once by that much, and ask the kernel to back it
 * with transparent huge pages where it can. That saves most page faults
 * and TLB misses, a quarter of the time of loading a large file on a
 * virtual machine. From then on the process keeps malloc's settings for
 * large heaps (no fast bins, freed memory kept, blocks up to 32 MB taken
 * from the heap). Small sizes, repeat calls and non-glibc or sanitizer
 * builds do nothing. */
void heap_prepare(size_t bytes);
/* xmalloc for a large block (a whole file's text): huge pages where the
 * system has them, so that filling it takes a few page faults rather than
 * one per 4 KB. Freed (and resized) as usual. */
void *xmalloc_large(size_t n);
/* xcalloc for a large table read in random order (a hash index): huge
 * pages where the system has them, so that a look-up does not also miss
 * the TLB. Freed with free(). */
void *xcalloc_table(size_t n, size_t size);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *items (of elem bytes each) so it can hold need elements. */
void xgrow(void *items_ptr, size_t *cap, size_t need, size_t elem);

/* A growable byte buffer, always NUL-terminated. */
typedef struct sbp_buf {
	char *data;
	size_t len, cap;
} sbp_buf;

void buf_init(sbp_buf *b);
void buf_free(sbp_buf *b);
void buf_reset(sbp_buf *b);
/* Make room for n more bytes and the NUL. */
void buf_reserve(sbp_buf *b, size_t n);
void buf_add(sbp_buf *b, const char *s, size_t n);
void buf_puts(sbp_buf *b, const char *s);
void buf_putc(sbp_buf *b, char c);
void buf_printf(sbp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(sbp_buf *b, const char *fmt, va_list ap);
/* Take the buffer's memory; the buffer is left empty. Caller frees. */
char *buf_steal(sbp_buf *b);

/* Format a number the canonical way ("%.15g"; integers without a dot).
 * out must hold 32 bytes. */
void fmt_number(double v, char out[32]);

/* Read a whole file into memory (NUL-terminated). Returns false and sets
 * errno on failure; fails with EFBIG when it is larger than max bytes.
 * Caller frees *data. path "-" (or "/dev/stdin") reads stdin. Anything but
 * a regular file is refused at once, never opened blocking: errno is then
 * one of the SBP_E* values below (file_strerror words them). */
bool read_file(const char *path, size_t max, char **data, size_t *len);

/* errno values of files that are not regular files (beyond the system's). */
enum { SBP_EFIFO = 0x5b900, SBP_ESOCK, SBP_EDEV, SBP_ENOTREG };
/* Open path for reading without blocking (O_NONBLOCK, then cleared):
 * -1 with errno (EISDIR, SBP_E*) when it is not a regular file. */
int file_open_regular(const char *path, struct stat *st);
/* The errno value (EISDIR, SBP_E*) for a file of mode that is not a
 * regular file. */
int file_kind_error(mode_t mode);
/* strerror, with words for the SBP_E* values. */
const char *file_strerror(int e);

#endif
