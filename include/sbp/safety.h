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
	unsigned long long start; /* process start, clock ticks after boot */
	time_t since;
	unsigned uid;   /* owner of the lock file */
	bool gone;      /* a stale lock: its process is gone (or a zombie) */
	int error;      /* why the lock could not be made or taken over */
} sbp_lock_info;

typedef enum lock_result {
	LOCK_ACQUIRED,      /* ours now (a stale lock was taken over) */
	LOCK_HELD,          /* another live process holds it; *other says who */
	LOCK_UNAVAILABLE,   /* cannot create it (read-only directory...): go on unlocked */
} lock_result;

/* Take the lock of path. force takes it even when held (edit anyway).
 * other says who holds it (LOCK_HELD), whose stale lock was taken over
 * (LOCK_ACQUIRED with other->gone) or could not be (LOCK_UNAVAILABLE with
 * other->gone), and other->error why it is unavailable. */
lock_result lock_acquire(const char *path, bool force, sbp_lock_info *other);
/* Remove our lock (only if it is still ours). */
void lock_release(const char *path);

/* What a file looked like when we loaded or saved it. */
typedef struct file_stamp {
	bool exists;
	long long size;
	struct timespec mtime;
	uint64_t hash; /* of the content */
} file_stamp;

/* One recovery file found for a blueprint. */
typedef struct sbp_recover_info {
	time_t when;      /* when it was written */
	size_t changes;   /* edits it holds beyond the saved file */
	char where[4096]; /* the recovery file's path */
	/* The session that wrote it (pid 0 for files of older versions). */
	char user[64];
	char host[256];
	long pid;
	unsigned long long start; /* process start, clock ticks after boot */
	bool mine;        /* written by this process */
	bool alive;       /* written by another session that still runs */
	bool has_base;    /* base is known */
	file_stamp base;  /* the file on disk it was based on */
} sbp_recover_info;

/* Write the recovery file of path for this session (next to it, or under
 * $XDG_STATE_HOME/sbp/recover/ when the directory is not writable; path
 * NULL (untitled) uses the state directory). base is the stamp of the file
 * the work is based on (NULL: unknown). The first session of a file
 * writes ".NAME.sbp-recover", another one ".NAME.sbp-recover-PID"; a file
 * another user owns or another session wrote is never replaced or
 * removed. The file is always a new one of ours, mode 0600, renamed into
 * place. */
bool recover_write(const char *path, const char *data, size_t len,
		   size_t changes, const file_stamp *base, char *err,
		   size_t errlen);
/* The recovery files of path that we may read (ours, regular files),
 * newest first: up to max in out. Returns how many there are. */
size_t recover_list(const char *path, sbp_recover_info *out, size_t max);
/* The newest recovery file of path. */
bool recover_find(const char *path, sbp_recover_info *info);
/* The blueprint text (without its header) of the newest recovery file of
 * path / of the recovery file where. Caller frees. */
char *recover_read(const char *path, size_t *len);
char *recover_read_file(const char *where, size_t *len);
/* Make the recovery file where (of a session that is gone) this
 * session's: later writes replace it and a save removes it. */
bool recover_adopt(const char *where);
/* Remove this session's recovery files of path (never another's). */
void recover_remove(const char *path);
/* Remove the recovery file where on the user's word (ours only). */
bool recover_discard(const char *where);

/* Does path avoid symbolic links that sbp does not follow (another
 * user's link in a directory others may write, as the kernel's
 * protected_symlinks)? false with a message in err. */
bool safety_links_trusted(const char *path, char *err, size_t errlen);

/* Take the stamp of the file at path now. */
void file_stamp_take(const char *path, file_stamp *st);
/* Stamp of data we are about to write or just read. */
void file_stamp_of(const char *data, size_t len, file_stamp *st);
/* Has the file at path changed since st was taken (size, mtime, hash)? */
bool file_stamp_changed(const char *path, const file_stamp *st);

#endif
