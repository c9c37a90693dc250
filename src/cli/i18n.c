/* Binds sbp's message catalog (gettext): the installed locale directory,
 * or the build tree's when the program runs from its build directory (so
 * `build/sbp` speaks the locale's language without `meson install`);
 * SBP_LOCALEDIR overrides both. */
#include <libintl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sbp/cli.h"

#ifndef SBP_LOCALEDIR
#define SBP_LOCALEDIR "/usr/local/share/locale"
#endif

/* True when the running program is the one in the build directory. */
static bool running_from_build(void)
{
#ifdef SBP_BUILD_EXE
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return false;
	self[n] = '\0';
	return !strcmp(self, SBP_BUILD_EXE);
#else
	return false;
#endif
}

void cli_i18n_init(void)
{
	const char *dir = getenv("SBP_LOCALEDIR");
	if (!dir || !*dir) {
		dir = SBP_LOCALEDIR;
#ifdef SBP_BUILD_LOCALEDIR
		if (running_from_build())
			dir = SBP_BUILD_LOCALEDIR;
#endif
	}
	bindtextdomain("sbp", dir);
	/* sbp writes UTF-8 everywhere (files, exports, the terminal) */
	bind_textdomain_codeset("sbp", "UTF-8");
	textdomain("sbp");
}
