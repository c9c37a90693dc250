/* Data safety on shared servers (SPEC section 5): lock files, recovery
 * files, and noticing a file changed on disk by someone else. No curses:
 * the editor calls these, and tests call them directly. */
#ifndef SBP_SAFETY_H
#define SBP_SAFETY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* ".NAME.sbp-lock" and ".NAME.sbp-recover" next to path. Caller frees. */
char *lock_path_for(const char *path);
char *recover_path_for(const char *path);

typedef struct sbp_lock_info {
	char user[64];
	char host[256];
	long pid;
	time_t since;
} sbp_lock_info;

typedef enum lock_result {
	LOCK_ACQUIRED,      /* ours now (a stale lock was taken over) */
	LOCK_HELD,          /* another live process holds it; *other says who */
	LOCK_UNAVAILABLE,   /* cannot create it (read-only directory...): go on unlocked */
} lock_result;

/* Take the lock of path. force takes it even when held (edit anyway). */
lock_result lock_acquire(const char *path, bool force, sbp_lock_info *other);
/* Remove our lock (only if it is still ours). */
void lock_release(const char *path);

typedef struct sbp_recover_info {
	time_t when;      /* when it was written */
	size_t changes;   /* edits it holds beyond the saved file */
	char where[4096]; /* the recovery file's path */
} sbp_recover_info;

/* Write the recovery file of path (next to it, or under
 * $XDG_STATE_HOME/sbp/recover/ when the directory is not writable).
 * path NULL (untitled) uses the state directory. Atomic. */
bool recover_write(const char *path, const char *data, size_t len,
		   size_t changes, char *err, size_t errlen);
/* Is there a recovery file for path? Fills info. */
bool recover_find(const char *path, sbp_recover_info *info);
/* The recovery file's blueprint text (without its header). Caller frees. */
char *recover_read(const char *path, size_t *len);
void recover_remove(const char *path);

/* What a file looked like when we loaded or saved it. */
typedef struct file_stamp {
	bool exists;
	long long size;
	struct timespec mtime;
	uint64_t hash; /* of the content */
} file_stamp;

/* Take the stamp of the file at path now. */
void file_stamp_take(const char *path, file_stamp *st);
/* Stamp of data we are about to write or just read. */
void file_stamp_of(const char *data, size_t len, file_stamp *st);
/* Has the file at path changed since st was taken (size, mtime, hash)? */
bool file_stamp_changed(const char *path, const file_stamp *st);

#endif
