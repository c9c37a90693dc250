/* libFuzzer harness: load any bytes as a blueprint; when they load, run
 * every lint rule, print the diagnostics, save the canonical YAML and the
 * JSON, and reload the YAML: it must load again, say the same counts, and
 * save to the very same bytes (SPEC section 2: canonical output is
 * deterministic). Any failure aborts, which libFuzzer reports as a crash.
 * tests/fuzz/replay.c runs the same function over saved inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/check.h"
#include "sbp/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Print why the round trip failed, with the texts, and abort. */
static void fail(const char *why, const sbp_buf *a, const sbp_buf *b,
		 const sbp_diags *d)
{
	fprintf(stderr, "fuzz_load: %s\n", why);
	for (size_t i = 0; d && i < d->n; i++)
		fprintf(stderr, "  %d:%d: %s [%s]\n", d->items[i].line,
			d->items[i].col, d->items[i].message,
			d->items[i].rule ? d->items[i].rule : "");
	if (a)
		fprintf(stderr, "--- first save (%zu bytes)\n%s\n", a->len, a->data);
	if (b)
		fprintf(stderr, "--- second save (%zu bytes)\n%s\n", b->len, b->data);
	abort();
}

/* Print every diagnostic somewhere harmless, as `sbp check` would. */
static void print_diags(const sbp_diags *d)
{
	static FILE *sink;

	if (!sink && !(sink = fopen("/dev/null", "w")))
		return;
	for (size_t i = 0; i < d->n; i++)
		diag_print(sink, "fuzz.yaml", &d->items[i], true);
}

/* The counts must survive a save and a reload. */
static bool same_summary(const sbp_summary *a, const sbp_summary *b)
{
	return a->steps == b->steps && a->encounters == b->encounters &&
	       a->unstandardized == b->unstandardized &&
	       a->fail_points == b->fail_points &&
	       a->wait_points == b->wait_points && a->standards == b->standards;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sbp_limits lim;
	sbp_diags d, c, d2;
	sbp_summary sum, sum2;
	sbp_buf out, out2, json;

	sbp_limits_default(&lim);
	lim.max_steps = 20000; /* keep each run short */
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer((const char *)data, size, &lim, &d);
	print_diags(&d);
	if (!bp) {
		if (d.errors == 0)
			fail("load failed without an error", NULL, NULL, &d);
		diags_free(&d);
		return 0;
	}
	diags_init(&c);
	check_blueprint(bp, &c, &sum);
	print_diags(&c);
	buf_init(&out);
	sbp_save_yaml(bp, &out);
	buf_init(&json);
	sbp_node *doc = sbp_to_node(bp);
	json_emit(doc, &json, true);
	node_free(doc);

	diags_init(&d2);
	sbp_blueprint *bp2 = sbp_load_buffer(out.data, out.len, &lim, &d2);
	if (!bp2)
		fail("the saved text does not load again", &out, NULL, &d2);
	check_summary(bp2, &sum2);
	if (!same_summary(&sum, &sum2))
		fail("the counts changed after a save and a reload", &out, NULL, NULL);
	buf_init(&out2);
	sbp_save_yaml(bp2, &out2);
	if (out.len != out2.len || memcmp(out.data, out2.data, out.len) != 0)
		fail("saving the reloaded blueprint gives other bytes", &out, &out2, NULL);

	buf_free(&out2);
	blueprint_free(bp2);
	diags_free(&d2);
	buf_free(&json);
	buf_free(&out);
	diags_free(&c);
	blueprint_free(bp);
	diags_free(&d);
	return 0;
}
