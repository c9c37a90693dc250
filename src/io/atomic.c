/* Atomic replacement of a file: a temporary file in the same directory,
 * fsync, rename over the target, fsync of the directory. Symlinks are
 * followed and kept, except one planted by another user in a shared
 * directory; a file with several hard links, or whose owner we cannot give
 * to a new file, is rewritten in place behind a safety copy (inplace.c),
 * and so is a file we may write in a directory we may not (then with the
 * old content kept in memory: not atomic, and the caller is told). A
 * character device (-o /dev/null) is written as it is. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safety_internal.h"
#include "sbp/io.h"
#include "sbp/i18n.h"

/* Plain words for the errors a save meets. */
const char *safety_plain_error(int e)
{
	switch (e) {
	case ENOSPC: return "the disk is full";
	case EDQUOT: return "your disk quota is used up";
	case EFBIG: return "the file is larger than allowed (file size limit)";
	case EROFS: return "the file system is read-only";
	case EACCES:
	case EPERM: return "permission denied";
	case EIO: return "an input/output error occurred";
	case ELOOP: return "too many levels of symbolic links";
	case ENAMETOOLONG: return "the file name is too long";
	case ENOENT: return "the directory does not exist";
	case ENOTDIR: return "a part of the path is not a directory";
	default: return strerror(e);
	}
}

/* Follow symlinks of the last component of path to the file they name. */
char *safety_resolve(const char *path, char **refused)
{
	char *cur = xstrdup(path);

	for (int hops = 0;; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0) {
			if (errno == ENOENT)
				return cur; /* a new file, or a dangling link's target */
			free(cur);
			return NULL; /* cannot tell what it is: do not guess */
		}
		if (!S_ISLNK(st.st_mode))
			return cur;
		if (!safety_link_trusted(cur, &st)) {
			if (refused)
				*refused = cur;
			else
				free(cur);
			errno = EACCES;
			return NULL;
		}
		if (hops >= 40) {
			free(cur);
			errno = ELOOP;
			return NULL;
		}
		size_t cap = (size_t)st.st_size > 0 ? (size_t)st.st_size + 1 : 256;
		char *link = xmalloc(cap);
		ssize_t n;
		while ((n = readlink(cur, link, cap)) >= 0 && (size_t)n >= cap) {
			cap *= 2;
			link = xrealloc(link, cap);
		}
		if (n <= 0) {
			free(link);
			return cur; /* changed under us: let the caller's open fail */
		}
		link[n] = '\0';
		char *next;
		const char *slash = strrchr(cur, '/');
		if (link[0] == '/' || !slash)
			next = xstrdup(link);
		else
			next = xasprintf("%.*s/%s", (int)(slash - cur), cur, link);
		free(link);
		free(cur);
		cur = next;
	}
}

/* The directory part of path. */
char *safety_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* The last component of path. */
const char *safety_base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* "DIR/.NAME" + suffix next to the file path names. */
char *safety_sibling(const char *path, const char *suffix)
{
	char *target = safety_resolve(path, NULL);
	char *out;

	if (!target)
		target = xstrdup(path);
	const char *slash = strrchr(target, '/');
	if (slash)
		out = xasprintf("%.*s/.%s%s", (int)(slash - target), target,
				slash + 1, suffix);
	else
		out = xasprintf(".%s%s", target, suffix);
	free(target);
	return out;
}

/* Write all of data to fd. */
static bool write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (n == 0) {
			errno = EIO;
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* Ignore SIGXFSZ once, so that a file size limit gives EFBIG, not death. */
static void ignore_sigxfsz(void)
{
	static bool done;
	struct sigaction sa;

	if (done)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGXFSZ, &sa, NULL);
	done = true;
}

/* Fill err with "why[ (detail)]: cannot save NAME; <what happened>": the
 * reason first, so a narrow status line never cuts it off. */
static void say_failed(char *err, size_t errlen, const char *shown, int e,
		       const char *detail, bool existed)
{
	snprintf(err, errlen, "%s%s%s%s: cannot save %s; %s", safety_plain_error(e),
		 detail ? " (" : "", detail ? detail : "", detail ? ")" : "", shown,
		 existed ? "the file on disk is unchanged" : "nothing was written");
}

/* Fill err: a link of another user in a shared directory is not followed. */
static void say_refused(char *err, size_t errlen, const char *shown,
			const char *link)
{
	struct stat st;
	char owner[64];

	snprintf(owner, sizeof owner, "%s", _("another user"));
	if (lstat(link, &st) == 0)
		safety_user_name((unsigned)st.st_uid, owner, sizeof owner);
	snprintf(err, errlen, _("cannot save %s: %s is a symbolic link of %s in a "
		 "directory others may write, and sbp does not follow such links; "
		 "nothing was written"), shown, link, owner);
}

/* Write data to the character device path (/dev/null...) as it is. */
static bool write_device(const char *path, const char *shown, const char *data,
			 size_t len, char *err, size_t errlen);

/* Flush the directory entry of a rename to disk (errors are ignored: the
 * new file is complete and in place by now). */
static void sync_dir(const char *dir)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
}

/* Give the temporary file fd the old file's owner, group and mode (or the
 * requested mode). false when they cannot all be given. */
static bool copy_attributes(int fd, const struct stat *old, int mode)
{
	if (old) {
		struct stat now;
		if (fstat(fd, &now) != 0)
			return false;
		if ((now.st_uid != old->st_uid || now.st_gid != old->st_gid) &&
		    fchown(fd, old->st_uid, old->st_gid) != 0)
			return false;
	}
	mode_t m;
	if (mode >= 0) {
		m = (mode_t)mode;
	} else if (old) {
		m = old->st_mode & 07777;
	} else {
		mode_t um = umask(022);
		umask(um);
		m = 0666 & ~um;
	}
	return fchmod(fd, m) == 0;
}

/* The name of a temporary file next to target: ".NAME.sbp-tmpXXXXXX",
 * with NAME shortened so the whole stays within NAME_MAX. */
static char *temp_name(const char *dir, const char *base, const char *what)
{
	return xasprintf("%s/.%.200s.%sXXXXXX", dir, base, what);
}

bool atomic_write_ex(const char *path, const char *data, size_t len,
		     const atomic_opts *o, char *err, size_t errlen)
{
	struct stat st;
	bool existed, ok = false, not_atomic = false;
	int fd = -1, e;
	char *target, *dir = NULL, *tmp = NULL, *refused = NULL;

	ignore_sigxfsz();
	if (errlen)
		err[0] = '\0';
	target = o->follow ? safety_resolve(path, &refused) : xstrdup(path);
	if (!target) {
		if (refused)
			say_refused(err, errlen, path, refused);
		else
			say_failed(err, errlen, path, errno, NULL, true);
		free(refused);
		return false;
	}
	existed = lstat(target, &st) == 0;
	if (!existed && errno != ENOENT) {
		say_failed(err, errlen, path, errno, NULL, true);
		goto done;
	}
	if (existed && (S_ISLNK(st.st_mode) || (o->fresh && !S_ISREG(st.st_mode))))
		existed = false; /* not following: the link itself is replaced */
	if (existed && S_ISCHR(st.st_mode) && o->follow) {
		ok = write_device(target, path, data, len, err, errlen);
		goto done;
	}
	if (existed && !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, _("%s: cannot save %s; nothing was written"),
			 file_strerror(file_kind_error(st.st_mode)), path);
		goto done;
	}
	/* A file we may not write is not replaced behind its owner's back
	 * (a lock or recovery file is replaced by name: the directory's
	 * permission is what counts, and the new file is ours). */
	if (existed && !o->fresh &&
	    faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0) {
		say_failed(err, errlen, path, errno, NULL, true);
		goto done;
	}
	if (existed && o->in_place && st.st_nlink > 1) {
		ok = inplace_write(target, path, data, len, false, NULL, err, errlen);
		goto done;
	}
	dir = safety_dir_of(target);
	tmp = temp_name(dir, safety_base_of(target), "sbp-tmp");
	fd = mkstemp(tmp);
	if (fd < 0) {
		e = errno;
		free(tmp);
		tmp = NULL;
		if (existed && o->in_place && (e == EACCES || e == EPERM)) {
			/* A file we may write in a directory we may not: write
			 * in place, the old content kept in memory (as vim). */
			ok = inplace_write(target, path, data, len, true, &not_atomic,
					   err, errlen);
			goto done;
		}
		char *detail = xasprintf("cannot create a file in %s", dir);
		say_failed(err, errlen, path, e, detail, existed);
		free(detail);
		goto done;
	}
	if (!copy_attributes(fd, existed && !o->fresh ? &st : NULL, o->mode)) {
		e = errno;
		close(fd);
		fd = -1;
		unlink(tmp);
		if (existed && o->in_place) {
			/* A rename would give the file away to us or change its
			 * mode: write in place, which keeps both. */
			ok = inplace_write(target, path, data, len, false, NULL, err,
					   errlen);
		} else {
			say_failed(err, errlen, path, e, "cannot set the permissions",
				   existed);
		}
		goto done;
	}
	if (!write_all(fd, data, len) || fsync(fd) != 0) {
		say_failed(err, errlen, path, errno, NULL, existed);
		goto fail;
	}
	e = close(fd);
	fd = -1;
	if (e != 0) {
		say_failed(err, errlen, path, errno, NULL, existed);
		goto fail;
	}
	if (rename(tmp, target) != 0) {
		say_failed(err, errlen, path, errno, NULL, existed);
		goto fail;
	}
	sync_dir(dir);
	ok = true;
	goto done;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
done:
	if (ok && not_atomic)
		snprintf(err, errlen, _("the save was not atomic: the directory of %s is "
			 "not writable, so the file was rewritten in place (a crash while "
			 "writing could have cut it short)"), path);
	free(tmp);
	free(dir);
	free(target);
	return ok;
}

static bool write_device(const char *path, const char *shown, const char *data,
			 size_t len, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	if (fd < 0 || !write_all(fd, data, len)) {
		say_failed(err, errlen, shown, errno, NULL, false);
		if (fd >= 0)
			close(fd);
		return false;
	}
	if (close(fd) != 0) {
		say_failed(err, errlen, shown, errno, NULL, false);
		return false;
	}
	return true;
}

bool atomic_write(const char *path, const char *data, size_t len, char *err,
		  size_t errlen)
{
	atomic_opts o = { .mode = -1, .follow = true, .in_place = true };

	return atomic_write_ex(path, data, len, &o, err, errlen);
}
