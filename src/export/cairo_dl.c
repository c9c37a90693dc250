/* Loading cairo and pango at run time (cairo_dl.h): dlopen each library
 * by its soname, then dlsym every function of CAIRO_DL_FUNCS into cx. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "cairo_dl.h"

cairo_dl cx;

enum { LIB_CAIRO, LIB_GOBJECT, LIB_PANGO, LIB_PANGOCAIRO, LIB_COUNT };

/* The sonames of Debian 12 (and every distribution since cairo 1.2 and
 * pango 1.0), in load order: each after the ones it depends on. */
static const char *const sonames[LIB_COUNT] = {
	[LIB_CAIRO] = "libcairo.so.2",
	[LIB_GOBJECT] = "libgobject-2.0.so.0",
	[LIB_PANGO] = "libpango-1.0.so.0",
	[LIB_PANGOCAIRO] = "libpangocairo-1.0.so.0",
};

/* Look fn up in h into *slot; NULL on success, else why not. */
static const char *find(void *h, const char *fn, void *slot)
{
	void *p;

	dlerror();
	p = dlsym(h, fn);
	if (!p) {
		const char *why = dlerror();
		return why ? why : "a function is missing";
	}
	/* POSIX guarantees the conversion; memcpy keeps ISO C quiet about it */
	memcpy(slot, &p, sizeof p);
	return NULL;
}

/* Open the libraries and fill cx. The libraries stay loaded for the life
 * of the process (their font caches and type systems cannot be unloaded
 * safely), so this runs at most once successfully. */
bool cairo_dl_load(const char *what, char *err, size_t errlen)
{
	static bool loaded;
	void *h[LIB_COUNT] = {0};
	const char *why = NULL;

	if (loaded)
		return true;
	for (int i = 0; i < LIB_COUNT && !why; i++) {
		h[i] = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
		if (!h[i])
			why = dlerror();
	}
#define CAIRO_DL_FIND(lib, fn) \
	if (!why) \
		why = find(h[LIB_##lib], #fn, &cx.fn);
	CAIRO_DL_FUNCS(CAIRO_DL_FIND)
#undef CAIRO_DL_FIND
	if (why) {
		snprintf(err, errlen, "%s export needs libcairo2, libpango-1.0-0 and "
			 "libpangocairo-1.0-0: %s", what, why);
		memset(&cx, 0, sizeof cx);
		for (int i = LIB_COUNT - 1; i >= 0; i--)
			if (h[i])
				dlclose(h[i]);
		return false;
	}
	loaded = true;
	return true;
}
