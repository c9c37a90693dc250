/* Helpers shared by the data-safety files of src/io (atomic.c, lock.c,
 * recover.c, stamp.c). Not a public interface. */
#ifndef SBP_SAFETY_INTERNAL_H
#define SBP_SAFETY_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* How atomic_write_ex replaces a file. */
typedef struct atomic_opts {
	int mode;      /* permission bits of the new file; -1 keeps the old
			  file's (or 0666 & ~umask for a new file) */
	bool follow;   /* follow a symlink to the file it points at (true), or
			  replace the name itself (false: lock and recovery
			  files, which must never write through a planted link) */
	bool in_place; /* allow writing in place to keep hard links and owner */
} atomic_opts;

/* atomic_write with options. */
bool atomic_write_ex(const char *path, const char *data, size_t len,
		     const atomic_opts *o, char *err, size_t errlen);

/* Rewrite target (a regular file we may write) in place, keeping its
 * inode, links, owner and mode: copy it to a safety copy in the same
 * directory first, and put it back when writing fails. shown is the name
 * used in messages (inplace.c). */
bool inplace_write(const char *target, const char *shown, const char *data,
		   size_t len, char *err, size_t errlen);

/* Plain words for an errno value met while saving. */
const char *safety_plain_error(int e);

/* Follow symlinks of the last component of path (up to 40 hops) to the
 * file they point at, which need not exist. NULL with errno ELOOP on a
 * loop. Caller frees. */
char *safety_resolve(const char *path);

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

#endif
