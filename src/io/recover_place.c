/* Where the recovery files of a blueprint live: next to it, or in the
 * state directory ($XDG_STATE_HOME/sbp/recover, created 0700, used only
 * when it is a directory of ours), and which names there are theirs. */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safety_internal.h"
#include "sbp/util.h"

/* Create dir and its missing parents, each with mode. */
static bool mkdir_p(const char *dir, mode_t mode)
{
	char *p = xstrdup(dir);
	bool ok = true;

	for (char *s = p + 1; ok; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, mode) != 0 && errno != EEXIST)
			ok = false;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return ok;
}

/* The state directory for recovery files, created when create is set.
 * NULL when there is none we may use (not ours, not a directory). */
static char *state_dir(bool create)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	char *dir;
	struct stat st;

	if (xdg && xdg[0] == '/') {
		dir = xasprintf("%s/sbp/recover", xdg);
	} else {
		if (!home || home[0] != '/') {
			struct passwd *pw = getpwuid(geteuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (!home || home[0] != '/')
			return NULL;
		dir = xasprintf("%s/.local/state/sbp/recover", home);
	}
	if (create)
		(void)mkdir_p(dir, 0700);
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* Free what p holds. */
void place_free(place *p)
{
	free(p->dir);
	free(p->prefix);
	p->dir = p->prefix = NULL;
}

/* Next to the file path names (after following trusted symlinks). */
bool place_beside(const char *path, place *p)
{
	char *target = safety_resolve(path, NULL);

	if (!target)
		target = xstrdup(path);
	p->dir = safety_dir_of(target);
	p->prefix = xasprintf(".%s%s", safety_base_of(target), RECOVER_SUFFIX);
	p->end = "";
	free(target);
	return true;
}

/* In the state directory: NAME-HASH.yaml, HASH of the absolute path; for
 * an untitled blueprint, untitled-PID.yaml. */
bool place_state(const char *path, bool create, place *p)
{
	char *dir = state_dir(create);

	if (!dir)
		return false;
	p->dir = dir;
	p->end = ".yaml";
	if (!path) {
		p->prefix = xstrdup("untitled");
		return true;
	}
	char *target = safety_resolve(path, NULL);
	if (!target)
		target = xstrdup(path);
	char *parent = safety_dir_of(target);
	char real[PATH_MAX], cwd[PATH_MAX];
	char *abs;
	if (realpath(parent, real))
		abs = xasprintf("%s/%s", real, safety_base_of(target));
	else if (target[0] != '/' && getcwd(cwd, sizeof cwd))
		abs = xasprintf("%s/%s", cwd, target);
	else
		abs = xstrdup(target);
	uint64_t h = safety_hash(SAFETY_HASH_INIT, abs, strlen(abs));
	p->prefix = xasprintf("%.100s-%016llx", safety_base_of(target),
			      (unsigned long long)h);
	free(abs);
	free(parent);
	free(target);
	return true;
}

/* Is name one of the recovery files of place p? */
bool place_has(const place *p, const char *name)
{
	size_t pl = strlen(p->prefix), el = strlen(p->end), n = strlen(name);

	if (n < pl + el || strncmp(name, p->prefix, pl) != 0 ||
	    strcmp(name + n - el, p->end) != 0)
		return false;
	if (n == pl + el)
		return strcmp(p->prefix, "untitled") != 0; /* untitled-PID only */
	return name[pl] == '-' && n > pl + el + 1;
}

