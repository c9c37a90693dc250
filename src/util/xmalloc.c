/* Allocation that aborts on exhaustion, and the growable byte buffer. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/util.h"

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

static void die_oom(size_t n)
{
	fprintf(stderr, "sbp: out of memory (%zu bytes)\n", n);
	abort();
}

/* malloc that never returns NULL. */
void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

/* calloc that never returns NULL. */
void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom(n * size);
	return p;
}

/* realloc that never returns NULL. */
void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die_oom(n);
	return p;
}

/* strdup that never returns NULL. */
char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Copy n bytes of s and a terminating NUL. */
char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* printf into a new string. */
char *xasprintf(const char *fmt, ...)
{
	sbp_buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_steal(&b);
}

/* Grow an array so that it holds at least need elements. */
void xgrow(void *items_ptr, size_t *cap, size_t need, size_t elem)
{
	void **items = items_ptr;
	size_t c = *cap;

	if (need <= c)
		return;
	if (c < 2)
		c = 2; /* small lists (a step's standards) stay small */
	while (c < need)
		c *= 2;
	*items = xrealloc(*items, c * elem);
	*cap = c;
}

void buf_init(sbp_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_free(sbp_buf *b)
{
	free(b->data);
	buf_init(b);
}

/* Empty the buffer, keeping its memory. */
void buf_reset(sbp_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_reserve(sbp_buf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	size_t c = b->cap < 64 ? 64 : b->cap;
	while (c < b->len + n + 1)
		c *= 2;
	/* A large text made at once (a whole file) starts on huge pages. */
	b->data = b->data ? xrealloc(b->data, c) : xmalloc_large(c);
	b->cap = c;
}

void buf_add(sbp_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(sbp_buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_putc(sbp_buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_vprintf(sbp_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_printf(sbp_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *buf_steal(sbp_buf *b)
{
	char *p = b->data ? b->data : xstrdup("");
	buf_init(b);
	return p;
}

#define HUGE_PAGE ((uintptr_t)2 << 20)
/* Blocks at least this large are worth huge pages. */
#define HUGE_TABLE ((size_t)4 << 20)

void *xmalloc_large(size_t n)
{
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && defined(MADV_HUGEPAGE)
	if (n >= HUGE_TABLE) {
		size_t bytes = (n + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
		void *p = aligned_alloc(HUGE_PAGE, bytes);
		if (!p)
			die_oom(bytes);
		madvise(p, bytes, MADV_HUGEPAGE);
		return p;
	}
#endif
	return xmalloc(n);
}

void *xcalloc_table(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		die_oom(SIZE_MAX);
	void *p = xmalloc_large(n * size);
	memset(p, 0, n * size);
	return p;
}

/* Heap growth in steps of this many bytes while preparing (glibc takes
 * requests up to 32 MB from the heap rather than mapping them apart). */
#define HEAP_STEP ((size_t)16 << 20)
/* Below this, a load is small enough that page faults do not matter. */
#define HEAP_PREPARE_MIN ((size_t)8 << 20)

void heap_prepare(size_t bytes)
{
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && defined(MADV_HUGEPAGE)
	static size_t prepared;
	if (bytes < HEAP_PREPARE_MIN || bytes <= prepared)
		return;
	size_t n = (bytes + HEAP_STEP - 1) / HEAP_STEP;
	if (n > 64)
		n = 64; /* 1 GB: past that, 4 KB pages it is */
	void *blocks[64];
	char *lo = sbrk(0);
	if (lo == (void *)-1)
		return;
	/* Keep freed memory in the heap, and take these blocks from it. */
	mallopt(M_TRIM_THRESHOLD, (int)(2 * n * HEAP_STEP));
	mallopt(M_MMAP_THRESHOLD, (int)(HEAP_STEP * 2));
	/* No fast bins: with a large free top, every free next to it would
	 * sort all of them again (malloc_consolidate), 4% of a large load. */
	mallopt(M_MXFAST, 0);
	size_t got = 0;
	for (; got < n; got++)
		if (!(blocks[got] = malloc(HEAP_STEP - 64)))
			break;
	char *hi = sbrk(0);
	while (got > 0)
		free(blocks[--got]);
	uintptr_t a = ((uintptr_t)lo + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t b = (uintptr_t)hi & ~(HUGE_PAGE - 1);
	if (hi != (void *)-1 && b > a)
		madvise((void *)a, b - a, MADV_HUGEPAGE);
	prepared = bytes;
#else
	(void)bytes;
#endif
}
