/* libFuzzer harness for the export writers: load any bytes as a
 * blueprint and, when they load, write it in every format (csv in each of
 * its tables, pdf also tiled) through export_blueprint to /dev/null. A
 * writer that fails must say why. PDF and PNG (cairo and pango, most of a
 * run's time) are drawn for blueprints of up to 40 steps, the PNG at a
 * small scale: the drawing code is the same, and the fuzzer gets through
 * ten times the inputs. tests/fuzz replays saved inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/export.h"
#include "sbp/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Export bp in one format with options o; abort when it fails silently. */
static void export_one(const sbp_blueprint *bp, const char *format, const export_opts *o)
{
	char err[512] = "";
	if (!export_blueprint(bp, format, o, "/dev/null", err, sizeof err) && !err[0]) {
		fprintf(stderr, "fuzz_export: %s failed without saying why\n", format);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sbp_limits lim;
	sbp_diags d;

	sbp_limits_default(&lim);
	lim.max_steps = 2000; /* keep each run short: every format runs */
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer((const char *)data, size, &lim, &d);
	diags_free(&d);
	if (!bp)
		return 0;
	bool draw = bp->steps.n <= 40;
	for (size_t i = 0; export_formats[i]; i++) {
		export_opts o = {0};
		const char *f = export_formats[i];
		o.source_name = "fuzz.yaml";
		if (!strcmp(f, "pdf") || !strcmp(f, "png")) {
			if (!draw)
				continue;
			o.scale = 0.25;
		}
		export_one(bp, f, &o);
	}
	static const char *const tables[] = {"standards", "flows"};
	for (size_t i = 0; i < 2; i++) {
		export_opts o = {0};
		o.what = tables[i];
		export_one(bp, "csv", &o);
	}
	if (draw) {
		export_opts tiled = {0};
		tiled.tile = true;
		tiled.paper = "a4";
		export_one(bp, "pdf", &tiled);
	}
	blueprint_free(bp);
	return 0;
}
