/* Helpers shared by the data-safety files of src/io (atomic.c, lock.c,
 * recover.c, session.c, stamp.c). Not a public interface. */
#ifndef SBP_SAFETY_INTERNAL_H
#define SBP_SAFETY_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

/* How atomic_write_ex replaces a file. */
typedef struct atomic_opts {
	int mode;      /* permission bits of the new file; -1 keeps the old
			  file's (or 0666 & ~umask for a new file) */
	bool follow;   /* follow a symlink to the file it points at (true), or
			  replace the name itself (false: lock and recovery
			  files, which must never write through a planted link) */
	bool in_place; /* allow writing in place to keep hard links and owner */
	bool fresh;    /* always a new file of ours (lock and recovery files):
			  never the old file's owner, and its name is replaced
			  even when the old file is not ours to write */
} atomic_opts;

/* atomic_write with options. */
bool atomic_write_ex(const char *path, const char *data, size_t len,
		     const atomic_opts *o, char *err, size_t errlen);

/* Rewrite target (a regular file we may write) in place, keeping its
 * inode, links, owner and mode: copy it to a safety copy in the same
 * directory first, and put it back when writing fails. When the directory
 * takes no safety copy and memory_ok is set, the old content is kept in
 * memory only and *not_atomic is set. shown is the name used in messages
 * (inplace.c). */
bool inplace_write(const char *target, const char *shown, const char *data,
		   size_t len, bool memory_ok, bool *not_atomic, char *err,
		   size_t errlen);

/* Plain words for an errno value met while saving. */
const char *safety_plain_error(int e);

/* Follow symlinks of the last component of path (up to 40 hops) to the
 * file they point at, which need not exist. NULL with errno ELOOP on a
 * loop, or EACCES at a link that safety_link_trusted refuses (its name
 * then in *refused when refused is not NULL; caller frees). Caller frees. */
char *safety_resolve(const char *path, char **refused);

/* May we follow the symbolic link link (lstat in lst)? Not when another
 * user owns it in a directory that others may write (sticky, world- or
 * group-writable), unless that user owns the directory: the kernel's
 * protected_symlinks rule, widened to group-writable shared directories. */
bool safety_link_trusted(const char *link, const struct stat *lst);

/* Who a session is: what lock and recovery files record. */
typedef struct safety_session {
	char user[64];
	char host[256];
	long pid;
	unsigned long long start; /* process start, clock ticks after boot */
} safety_session;

/* This process (session.c). */
void safety_self(safety_session *me);
/* Was s written by this process? */
bool safety_session_is_self(const safety_session *s);
/* Does the session s (which wrote at since) still run? One on another
 * host is assumed to. */
bool safety_session_alive(const safety_session *s, time_t since);
/* Does process pid (started at start ticks, 0 unknown) still run? A
 * zombie, or a pid reused by a process started after since, is gone. */
bool safety_pid_alive(long pid, unsigned long long start, time_t since);
/* State letter and start ticks of /proc/PID/stat. */
bool safety_proc_stat(long pid, char *state, unsigned long long *start);
/* Copy s to out as one header word (no blanks, controls or '='). */
void safety_copy_word(char *out, size_t n, const char *s);
/* The name of user uid. */
void safety_user_name(unsigned uid, char *out, size_t n);

/* The directory part of path ("." when there is none). Caller frees. */
char *safety_dir_of(const char *path);
/* The last component of path. Points into path. */
const char *safety_base_of(const char *path);

/* "DIR/.NAME" + suffix next to the file that path names (after following
 * symlinks). Caller frees. */
char *safety_sibling(const char *path, const char *suffix);

/* 64-bit FNV-1a hash of len bytes, continuing from h (start with
 * SAFETY_HASH_INIT). */
#define SAFETY_HASH_INIT 0xcbf29ce484222325ULL
uint64_t safety_hash(uint64_t h, const void *data, size_t len);

/* What ends the name of a recovery file next to its blueprint. */
#define RECOVER_SUFFIX ".sbp-recover"

/* Where the recovery files of a blueprint may be (recover_place.c): a
 * directory, the start of their names, and what ends them (a name is
 * prefix + end, or prefix + "-SESSION" + end). */
typedef struct place {
	char *dir;
	char *prefix;
	const char *end;
} place;

/* Next to the file path names (after following trusted symlinks). */
bool place_beside(const char *path, place *p);
/* In the state directory (created when create is set): NAME-HASH.yaml,
 * or untitled-PID.yaml for path NULL. false when there is none to use. */
bool place_state(const char *path, bool create, place *p);
/* Is name one of the recovery files of place p? */
bool place_has(const place *p, const char *name);
void place_free(place *p);

#endif
