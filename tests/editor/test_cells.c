/* The logical layout (src/layout/cells.c) and the grid built on it: only
 * occupied cells are indexed, so 30,000 lanes x 30,000 columns cost what
 * their few steps cost; edits keep the index equal to a fresh build; the
 * loader's lane and column limits give a clear message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/cells.h"
#include "sbp/editor_grid.h"
#include "sbp/io.h"

/* A blueprint of nl lanes and nc columns with a step in the first cell,
 * one in the last and one in the middle (ids s0, s1, s2). */
static char *wide_yaml(size_t nl, size_t nc)
{
	sbp_buf b;
	buf_init(&b);
	buf_puts(&b, "sbp: 1\ncolumns:\n");
	for (size_t c = 0; c < nc; c++)
		buf_printf(&b, "  - {id: c%zu, name: C%zu}\n", c, c);
	buf_puts(&b, "lanes:\n");
	for (size_t l = 0; l < nl; l++)
		buf_printf(&b, "  - {id: l%zu, name: L%zu, zone: support}\n", l, l);
	buf_printf(&b, "steps:\n  - {id: s0, lane: l0, column: c0, text: first}\n"
		       "  - {id: s1, lane: l%zu, column: c%zu, text: last}\n"
		       "  - {id: s2, lane: l%zu, column: c%zu, text: middle}\n",
		   nl - 1, nc - 1, nl / 2, nc / 2);
	return b.data;
}

/* 30,000 x 30,000: three occupied cells, looked up where they are. */
static void test_sparse_huge(void **state)
{
	(void)state;
	char *y = wide_yaml(30000, 30000);
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(y, strlen(y), NULL, &d);
	assert_non_null(bp);
	ed_grid g;
	grid_init(&g);
	grid_build(&g, bp);
	assert_int_equal(g.cells.ncells, 3);
	assert_int_equal(grid_cell_count(&g, 0, 0), 1);
	assert_int_equal(grid_cell_count(&g, 29999, 29999), 1);
	assert_int_equal(grid_cell_count(&g, 15000, 15000), 1);
	assert_int_equal(grid_cell_count(&g, 15000, 14999), 0);
	assert_string_equal(grid_cell_step(&g, 29999, 29999, 0)->id, "s1");
	assert_null(grid_cell_step(&g, 1, 1, 0));
	size_t a, e;
	cells_lane(&g.cells, 15000, &a, &e);
	assert_int_equal(e - a, 1);
	cells_lane(&g.cells, 15001, &a, &e);
	assert_int_equal(e - a, 0);
	grid_free(&g);
	blueprint_free(bp);
	diags_free(&d);
	free(y);
}

/* Inserting and removing keeps the index equal to a fresh build; a cell
 * comes with its first step and goes with its last. */
static void test_insert_remove(void **state)
{
	(void)state;
	char *y = wide_yaml(5, 7);
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(y, strlen(y), NULL, &d);
	assert_non_null(bp);
	sbp_cells c, fresh;
	cells_init(&c);
	cells_init(&fresh);
	cells_build(&c, bp);
	sbp_step *s2 = blueprint_step(bp, "s2");
	cells_remove(&c, 2, 3, 0);
	assert_int_equal(c.ncells, 2);
	assert_int_equal(cells_count(&c, 2, 3), 0);
	s2->column = bp->columns.items[1];
	cells_insert(&c, 2, 1, 0, s2);
	cells_build(&fresh, bp);
	assert_true(cells_equal(&c, &fresh));
	cells_insert(&c, 0, 0, 1, s2); /* a second step in a cell */
	assert_int_equal(cells_count(&c, 0, 0), 2);
	assert_ptr_equal(cells_step(&c, 0, 0, 1), s2);
	cells_remove(&c, 0, 0, 1);
	assert_true(cells_equal(&c, &fresh));
	cells_free(&c);
	cells_free(&fresh);
	blueprint_free(bp);
	diags_free(&d);
	free(y);
}

/* Past the lane or column limit the loader says so, with the limit. */
static void test_limits(void **state)
{
	(void)state;
	char *y = wide_yaml(20, 30);
	sbp_limits lim;
	sbp_limits_default(&lim);
	lim.max_lanes = 10;
	sbp_diags d;
	diags_init(&d);
	assert_null(sbp_load_buffer(y, strlen(y), &lim, &d));
	assert_true(d.n > 0);
	assert_non_null(strstr(d.items[0].message, "more lanes than the limit of 10"));
	diags_free(&d);
	diags_init(&d);
	sbp_limits_default(&lim);
	lim.max_columns = 25;
	assert_null(sbp_load_buffer(y, strlen(y), &lim, &d));
	assert_non_null(strstr(d.items[0].message, "more columns than the limit of 25"));
	diags_free(&d);
	free(y);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sparse_huge),
		cmocka_unit_test(test_insert_remove),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
