/* Helpers for the data-safety tests: scratch directories, whole-file
 * reads and writes, and running a check as an unprivileged user. */
#ifndef SBP_TESTS_TUTIL_H
#define SBP_TESTS_TUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The unprivileged user the tests become when they run as root. */
#define TU_NOBODY 65534

/* A new scratch directory (mode 0777 so an unprivileged child may use it).
 * Caller frees with tu_dir_free, which removes it and all it holds. */
char *tu_dir_new(void);
void tu_dir_free(char *dir);
/* dir/name. Caller frees. */
char *tu_path(const char *dir, const char *name);
/* Write text to path (mode 0644 when created); read a whole file (NULL
 * when absent). Caller frees. */
void tu_write(const char *path, const char *text);
char *tu_read(const char *path);
/* Number of entries in dir besides . and .. */
int tu_count(const char *dir);

/* Run fn(arg) in a child process as an unprivileged user (uid and gid
 * TU_NOBODY when we are root; ourselves otherwise). Returns fn's result,
 * or -1 when the child could not drop privileges (skip the test). */
int tu_as_user(int (*fn)(void *), void *arg);

/* In a forked child: die with the parent (a failed assertion in the
 * parent must not leave it running and holding the test's output open),
 * and in any case within two minutes. */
void tu_child_guard(void);
/* Fork a child that sleeps until killed; tu_child_end kills and reaps it. */
pid_t tu_child_start(void);
void tu_child_end(pid_t pid);

#endif
