/* The benchmark's floor: read a YAML file into memory (as sbp does), then
 * parse it with libyaml's event API and throw the events away. Only the
 * parse is timed. Prints "SECONDS EVENTS BYTES" on one line; exits 1 when
 * the file cannot be read or parsed.
 *
 * `bench-floor --exec RESULT CMD ARG...` runs CMD instead and writes
 * "SECONDS MAXRSS_KB STATUS" to the file RESULT: wall time from fork to
 * reaping, and the peak RSS of CMD alone. bench/run measures sbp through
 * it because a child forked from Python inherits Python's RSS as its
 * starting peak (the kernel keeps the larger of the peaks before and after
 * exec), while this small program's is about 1 MB. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

/* Read the whole of path into a buffer the caller frees. */
static unsigned char *slurp(const char *path, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	unsigned char *p;
	size_t n = 0;

	if (fd < 0 || fstat(fd, &st) != 0) {
		perror(path);
		return NULL;
	}
	p = malloc((size_t)st.st_size + 1);
	if (!p) {
		perror("malloc");
		close(fd);
		return NULL;
	}
	while (n < (size_t)st.st_size) {
		ssize_t r = read(fd, p + n, (size_t)st.st_size - n);
		if (r <= 0) {
			perror(path);
			free(p);
			close(fd);
			return NULL;
		}
		n += (size_t)r;
	}
	close(fd);
	p[n] = '\0';
	*len = n;
	return p;
}

/* Seconds on the monotonic clock. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run argv[0] with its arguments, wait for it, and write the figures to
 * the file result. */
static int exec_measure(const char *result, char **argv)
{
	struct rusage ru;
	int status;
	double t0 = now();
	pid_t pid = fork();

	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("wait4");
		return 1;
	}
	double t1 = now();
	FILE *f = fopen(result, "w");
	if (!f) {
		perror(result);
		return 1;
	}
	fprintf(f, "%.6f %ld %d\n", t1 - t0, ru.ru_maxrss,
		WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return fclose(f) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	size_t len, events = 0;
	unsigned char *data;
	double t0, t1;
	int ok = 1;

	if (argc >= 4 && strcmp(argv[1], "--exec") == 0)
		return exec_measure(argv[2], argv + 3);
	if (argc != 2) {
		fprintf(stderr, "usage: bench-floor FILE\n"
				"       bench-floor --exec RESULT CMD [ARG...]\n");
		return 2;
	}
	data = slurp(argv[1], &len);
	if (!data)
		return 1;

	t0 = now();
	if (!yaml_parser_initialize(&parser)) {
		fprintf(stderr, "bench-floor: cannot initialize libyaml\n");
		return 1;
	}
	yaml_parser_set_input_string(&parser, data, len);
	for (;;) {
		if (!yaml_parser_parse(&parser, &ev)) {
			fprintf(stderr, "%s:%zu:%zu: %s\n", argv[1],
				parser.problem_mark.line + 1,
				parser.problem_mark.column + 1,
				parser.problem ? parser.problem : "parse error");
			ok = 0;
			break;
		}
		events++;
		int done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (done)
			break;
	}
	yaml_parser_delete(&parser);
	t1 = now();

	free(data);
	if (!ok)
		return 1;
	printf("%.6f %zu %zu\n", t1 - t0, events, len);
	return 0;
}
