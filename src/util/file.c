/* Reading whole files and formatting numbers the canonical way. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sbp/i18n.h"
#include "sbp/util.h"
#include "sbp/i18n.h"

/* Canonical spelling of a number: integers without a dot, else %.15g. */
void fmt_number(double v, char out[32])
{
	if (isnan(v)) {
		snprintf(out, 32, ".nan");
		return;
	}
	if (isinf(v)) {
		snprintf(out, 32, v > 0 ? ".inf" : "-.inf");
		return;
	}
	if (v == 0)
		v = 0; /* no "-0" */
	/* The shortest of 15 to 17 digits that reads back as the same number. */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(out, 32, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	/* YAML 1.1 readers take 1e+20 for a string: give the mantissa a dot. */
	char *e = strchr(out, 'e');
	if (e && !memchr(out, '.', (size_t)(e - out))) {
		size_t n = strlen(out);
		if (n + 2 < 32) {
			memmove(e + 2, e, n - (size_t)(e - out) + 1);
			e[0] = '.';
			e[1] = '0';
		}
	}
}

/* Read from fd until end of file, failing with EFBIG past max bytes. */
static bool read_fd(int fd, size_t max, char **data, size_t *len)
{
	struct stat st;
	size_t cap = 65536, n = 0;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((unsigned long long)st.st_size > max) {
			errno = EFBIG;
			return false;
		}
		/* The text, a byte more so that the read that finds the end
		 * does not grow the buffer, and the NUL. */
		cap = (size_t)st.st_size + 2;
	}
	char *p = xmalloc_large(cap);
	for (;;) {
		if (n + 1 >= cap) {
			if (cap > max + 1) {
				free(p);
				errno = EFBIG;
				return false;
			}
			cap *= 2;
			p = xrealloc(p, cap);
		}
		ssize_t r = read(fd, p + n, cap - n - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(p);
			errno = e;
			return false;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max) {
			free(p);
			errno = EFBIG;
			return false;
		}
	}
	p[n] = '\0';
	*data = p;
	*len = n;
	return true;
}

/* The errno value that says what kind of non-regular file mode is. */
int file_kind_error(mode_t mode)
{
	if (S_ISDIR(mode))
		return EISDIR;
	if (S_ISFIFO(mode))
		return SBP_EFIFO;
	if (S_ISSOCK(mode))
		return SBP_ESOCK;
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return SBP_EDEV;
	return SBP_ENOTREG;
}

int file_open_regular(const char *path, struct stat *st)
{
	/* O_NONBLOCK: opening a FIFO nobody writes to must not hang. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat sb;

	if (!st)
		st = &sb;
	if (fd < 0)
		return -1;
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
		int e = S_ISREG(st->st_mode) ? errno : file_kind_error(st->st_mode);
		close(fd);
		errno = e;
		return -1;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

const char *file_strerror(int e)
{
	switch (e) {
	case SBP_EFIFO: return _("it is a named pipe (FIFO), not a regular file");
	case SBP_ESOCK: return _("it is a socket, not a regular file");
	case SBP_EDEV: return _("it is a device, not a regular file");
	case SBP_ENOTREG: return _("it is not a regular file");
	case EISDIR: return _("it is a directory, not a regular file");
	default: return strerror(e);
	}
}

bool read_file(const char *path, size_t max, char **data, size_t *len)
{
	if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdin") == 0)
		return read_fd(0, max, data, len);
	int fd = file_open_regular(path, NULL);
	if (fd < 0)
		return false;
	bool ok = read_fd(fd, max, data, len);
	int e = errno;
	close(fd);
	errno = e;
	return ok;
}
