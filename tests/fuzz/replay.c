/* Replays saved fuzzer inputs through the fuzz harness (fuzz/fuzz_load.c:
 * load, check, save, reload, save again): each file or directory named on
 * the command line (directories recursively). A crash or a failed round
 * trip aborts, so the test fails with the harness's message. */
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "sbp/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replayed;

/* nftw callback: feed one regular file to the harness. */
static int replay_one(const char *path, const struct stat *sb, int flag,
		      struct FTW *f)
{
	char *data;
	size_t len;

	(void)f;
	if (flag != FTW_F || !S_ISREG(sb->st_mode))
		return 0;
	if (!read_file(path, (size_t)64 << 20, &data, &len)) {
		perror(path);
		return 1;
	}
	fprintf(stderr, "replay %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	replayed++;
	return 0;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (nftw(argv[i], replay_one, 16, FTW_PHYS) != 0)
			return 1;
	}
	printf("%d inputs replayed\n", replayed);
	return 0;
}
