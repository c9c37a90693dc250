/* File stamps: what a file looked like when it was loaded or saved (size,
 * modification time, a 64-bit FNV-1a hash of the content), so that a
 * change made on disk by someone else is noticed before it is overwritten.
 * The hash decides: another writer may keep the size and put the old
 * modification time back, and a touch that changes nothing loses nothing. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safety_internal.h"
#include "sbp/safety.h"

/* 64-bit FNV-1a over len bytes, continuing from h. */
uint64_t safety_hash(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Hash the content of fd from its start, and count its bytes. */
static bool hash_fd(int fd, uint64_t *hash, long long *size)
{
	char buf[65536];
	uint64_t h = SAFETY_HASH_INIT;
	long long n = 0;

	for (;;) {
		ssize_t r = read(fd, buf, sizeof buf);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (r == 0)
			break;
		h = safety_hash(h, buf, (size_t)r);
		n += r;
	}
	*hash = h;
	*size = n;
	return true;
}

void file_stamp_take(const char *path, file_stamp *st)
{
	struct stat sb;
	int fd;

	memset(st, 0, sizeof *st);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		return;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    !hash_fd(fd, &st->hash, &st->size)) {
		close(fd);
		return;
	}
	close(fd);
	st->exists = true;
	st->mtime = sb.st_mtim;
}

void file_stamp_of(const char *data, size_t len, file_stamp *st)
{
	memset(st, 0, sizeof *st);
	st->exists = true;
	st->size = (long long)len;
	st->hash = safety_hash(SAFETY_HASH_INIT, data, len);
}

bool file_stamp_changed(const char *path, const file_stamp *st)
{
	file_stamp now;

	file_stamp_take(path, &now);
	if (now.exists != st->exists)
		return true;
	if (!now.exists)
		return false;
	return now.size != st->size || now.hash != st->hash;
}
