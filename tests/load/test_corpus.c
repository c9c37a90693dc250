/* Every file of the hostile corpus in tests/data is refused with the
 * expected rule, line and column, within the time and memory bounds,
 * without crashing or leaking (run under ASan/UBSan in CI). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/check.h"
#include "sbp/io.h"

/* The first error of a file, after loading and (if it loads) checking. */
static const sbp_diag *first_error(sbp_diags *d)
{
	diags_sort(d);
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].severity == SBP_ERROR)
			return &d->items[i];
	return NULL;
}

static void test_corpus(void **state)
{
	(void)state;
	const char *src = getenv("SRCDIR");
	assert_non_null(src);
	char *manifest = xasprintf("%s/tests/data/expected.tsv", src);
	FILE *f = fopen(manifest, "r");
	assert_non_null(f);
	char line[1024];
	int files = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char name[512], rule[64];
		int ln, col;
		assert_int_equal(sscanf(line, "%511s %63s %d %d", name, rule, &ln, &col), 4);
		char *path = xasprintf("%s/tests/data/%s", src, name);
		sbp_diags d;
		diags_init(&d);
		sbp_blueprint *bp = sbp_load_file(path, NULL, &d);
		if (bp)
			check_blueprint(bp, &d, NULL);
		const sbp_diag *e = first_error(&d);
		if (!e || strcmp(e->rule ? e->rule : "", rule) || e->line != ln || e->col != col)
			fail_msg("%s: expected %s at %d:%d, got %s at %d:%d", name, rule, ln, col,
				 e ? e->rule : "(no error)", e ? e->line : 0, e ? e->col : 0);
		/* A loader error means no blueprint; only check rules leave one. */
		if (strcmp(rule, "zone-order") != 0)
			assert_null(bp);
		blueprint_free(bp);
		diags_free(&d);
		free(path);
		files++;
	}
	fclose(f);
	free(manifest);
	assert_true(files >= 25);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
