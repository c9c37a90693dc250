/* The quick-entry goal of issue 14: building a 25-step blueprint with
 * flows, standards, fail and wait points from an untitled editor costs at
 * most about 6 keys of overhead per step on average (keys pressed minus
 * characters of text typed). Every key goes through editor_feed as a user
 * would press it; moving the selection counts one key per h/j/k/l. The
 * figure is a count, so it is asserted (and printed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "sbp/utf8.h"

typedef struct counter {
	editor *ed;
	size_t keys; /* every key pressed */
	size_t text; /* of which: characters of the user's own text */
} counter;

/* Keys that are not text, in editor_feed notation: each token is one. */
static void K(counter *c, const char *keys)
{
	for (const char *p = keys; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e > p) {
			char tok[32];
			snprintf(tok, sizeof tok, "%.*s", (int)(e - p), p);
			if (tok[0] == '<') {
				editor_feed(c->ed, tok);
				c->keys++;
			} else {
				for (const char *q = tok; *q; q++) {
					char one[2] = { *q, 0 };
					editor_feed(c->ed, one);
					c->keys++;
				}
			}
		}
		p = e;
	}
}

/* The user's text, typed character by character. */
static void T(counter *c, const char *text)
{
	for (size_t i = 0; text[i];) {
		uint32_t cp;
		i += utf8_decode(text + i, strlen(text + i), &cp);
		editor_key(c->ed, (ed_key)cp);
		c->keys++;
		c->text++;
	}
}

/* A step by its text. */
static sbp_step *by_text(editor *ed, const char *text)
{
	for (size_t i = 0; i < ed->bp->steps.n; i++)
		if (!strcmp(ed->bp->steps.items[i]->text, text))
			return ed->bp->steps.items[i];
	fail_msg("no step \"%s\"", text);
	return NULL;
}

/* Walk to a step with h/j/k/l, as a user would. */
static void go(counter *c, const char *text)
{
	editor *ed = c->ed;
	sbp_step *s = by_text(ed, text);
	while (ed->col > s->column->idx)
		K(c, "h");
	while (ed->col < s->column->idx)
		K(c, "l");
	for (int guard = 0; editor_step(ed) != s && guard < 50; guard++) {
		bool down = ed->lane < s->lane->idx ||
			    (ed->lane == s->lane->idx && editor_step(ed) &&
			     blueprint_step_index(ed->bp, editor_step(ed)) <
				     blueprint_step_index(ed->bp, s));
		K(c, down ? "j" : "k");
	}
	assert_ptr_equal(editor_step(ed), s);
}

/* One card of quick entry, then Enter or Tab. */
static void card(counter *c, const char *text, const char *then)
{
	T(c, text);
	K(c, then);
}

static void test_build_25_steps(void **state)
{
	(void)state;
	char dir[] = "/tmp/sbp-overhead-XXXXXX";
	assert_non_null(mkdtemp(dir));
	setenv("XDG_STATE_HOME", dir, 1);
	counter c = { editor_new(NULL), 0, 0 };
	editor *ed = c.ed;
	editor_start_untitled(ed);

	/* name the three columns an untitled blueprint starts with */
	K(&c, "C"); T(&c, "Book"); K(&c, "<Enter> l");
	K(&c, "C"); T(&c, "Arrive"); K(&c, "<Enter> l");
	K(&c, "C"); T(&c, "Wait"); K(&c, "<Enter> 0 j");

	/* quick entry, column by column: Tab goes down a lane with a flow,
	 * Enter to the next column; after the last, a new column's name */
	K(&c, "a");
	card(&c, "Call the clinic", "<Tab>");
	card(&c, "Receptionist books a slot", "<Tab>");
	card(&c, "Calendar updated", "<Enter>");
	card(&c, "Arrive at the clinic", "<Tab>");
	card(&c, "Greet and check in", "<Tab>");
	card(&c, "Pull the patient file", "<Tab>");
	card(&c, "Patient records system", "<Enter>");
	card(&c, "Wait in the lobby", "<Tab>");
	card(&c, "Call the patient in", "<Tab>");
	card(&c, "Prepare the room", "<Enter>");
	card(&c, "Exam", "<Enter>"); /* the new column's name */
	card(&c, "Describe the pain", "<Tab>");
	card(&c, "Dentist examines", "<Tab>");
	card(&c, "Take x-rays", "<Tab>");
	card(&c, "Imaging system", "<Enter>");
	card(&c, "Treat", "<Enter>");
	card(&c, "Receive treatment", "<Tab>");
	card(&c, "Dentist treats", "<Tab>");
	card(&c, "Nurse prepares tools", "<Enter>");
	card(&c, "Pay", "<Enter>");
	card(&c, "Pay the bill", "<Tab>");
	card(&c, "Take payment", "<Tab>");
	card(&c, "Send the invoice", "<Tab>");
	card(&c, "Billing system", "<Enter>");
	card(&c, "Follow-up", "<Enter>");
	card(&c, "Book the next check-up", "<Tab>");
	card(&c, "Reminder call", "<Tab>");
	card(&c, "Schedule the recall", "<Tab>");
	card(&c, "Reminder service", "<Enter>");
	K(&c, "<Enter>"); /* no eighth column: done */
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_int_equal(ed->bp->steps.n, 25);
	assert_int_equal(ed->bp->columns.n, 7);
	assert_int_equal(ed->bp->flows.n, 18);

	/* two flows along the customer's journey: c, walk to the target, Enter */
	go(&c, "Call the clinic");
	K(&c, "c l <Enter>");
	go(&c, "Pay the bill");
	K(&c, "c l <Enter>");
	assert_int_equal(ed->bp->flows.n, 20);

	/* standards for five encounters: s, a new one's name, kind, dimension */
	static const char *const std[][4] = {
		{ "Receptionist books a slot", "Book within a minute", "", "3" },
		{ "Greet and check in", "Greet by name", "s", "5" },
		{ "Call the patient in", "Seen on time", "", "2" },
		{ "Dentist examines", "Explain every finding", "s", "4" },
		{ "Take payment", "Itemised bill", "", "2" },
	};
	for (size_t i = 0; i < 5; i++) {
		go(&c, std[i][0]);
		K(&c, "s");
		T(&c, std[i][1]);
		K(&c, "<Enter>");
		T(&c, std[i][2]); /* empty keeps hard */
		K(&c, "<Enter>");
		T(&c, std[i][3]);
		K(&c, "<Enter>");
		assert_int_equal(ed->mode, MODE_NORMAL);
		assert_int_equal(by_text(ed, std[i][0])->stds.n, 1);
	}

	/* three fail points: text, severity, recovery */
	static const char *const fails[][4] = {
		{ "Receptionist books a slot", "Double booking", "4", "Offer the next free slot" },
		{ "Pull the patient file", "File missing", "3", "Ask the history again" },
		{ "Take payment", "Card declined", "2", "Send an invoice" },
	};
	for (size_t i = 0; i < 3; i++) {
		go(&c, fails[i][0]);
		K(&c, "f");
		T(&c, fails[i][1]);
		K(&c, "<Enter>");
		T(&c, fails[i][2]);
		K(&c, "<Enter>");
		T(&c, fails[i][3]);
		K(&c, "<Enter>");
		assert_non_null(by_text(ed, fails[i][0])->fail);
	}

	/* three wait points: text, expected and tolerable minutes */
	static const char *const waits[][4] = {
		{ "Call the clinic", "On hold", "2", "5" },
		{ "Wait in the lobby", "Lobby wait", "10", "20" },
		{ "Pay the bill", "Queue at the desk", "3", "8" },
	};
	for (size_t i = 0; i < 3; i++) {
		go(&c, waits[i][0]);
		K(&c, "w");
		T(&c, waits[i][1]);
		K(&c, "<Enter>");
		T(&c, waits[i][2]);
		K(&c, "<Enter>");
		T(&c, waits[i][3]);
		K(&c, "<Enter>");
		assert_non_null(by_text(ed, waits[i][0])->wait);
	}

	/* save */
	char path[64];
	snprintf(path, sizeof path, "%s/dental.yaml", dir);
	K(&c, ": w <Space>");
	T(&c, path);
	K(&c, "<Enter>");
	assert_false(editor_modified(ed));

	size_t overhead = c.keys - c.text;
	double per_step = (double)overhead / (double)ed->bp->steps.n;
	print_message("keys %zu, text %zu, overhead %zu: %.2f keys per step "
		      "over %zu steps\n", c.keys, c.text, overhead, per_step,
		      ed->bp->steps.n);
	assert_true(per_step <= 6.0);

	/* the file is a real blueprint */
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_file(path, NULL, &d);
	assert_non_null(bp);
	assert_int_equal(bp->steps.n, 25);
	assert_int_equal(bp->flows.n, 20);
	assert_int_equal(bp->standards.n, 5);
	blueprint_free(bp);
	diags_free(&d);
	editor_free(ed);
	unlink(path);
	char *rm = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(rm), 0);
	free(rm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_25_steps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
