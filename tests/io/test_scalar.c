/* Tests of YAML scalar quoting: a table of strings, whether each may be
 * written plain in block and flow context, and a libyaml read-back of
 * every written form as a value and as a key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <yaml.h>

#include "sbp/io.h"

/* P: plain; Q: quoted (single or double). */
enum { P = 1, Q = 0 };

typedef struct scalar_case {
	const char *s;
	size_t len;
	int block, flow; /* P or Q in each context */
} scalar_case;

#define C(str, b, f) { str, sizeof str - 1, b, f }

static const scalar_case cases[] = {
	C("hello", P, P),
	C("Check guest in", P, P),
	C("Greet guest and take bags", P, P),
	C("it's", P, P),
	C("a#b", P, P),
	C("50%", P, P),
	C("a-b", P, P),
	C("d-1", P, P),
	C("s1", P, P),
	C("e1", Q, Q), C("ex1", P, P),
	C("add_bed", P, P),
	C("1st floor", P, P),
	C("x-owner", P, P),
	C("a - b", P, P),
	C("a?b", P, Q),
	C("办理入住", P, P),
	C("顾客到达酒店，等待前台", P, P),
	C("日本語テキスト", P, P),
	C("café crème", P, P),
	C("🙂 smile", P, P),
	C("a:b", P, Q),
	C("http://example.com/x", P, Q),
	C("a,b", P, Q),
	C("a[b", P, Q),
	C("a]b", P, Q),
	C("a{b", P, Q),
	C("a}b", P, Q),
	C("", Q, Q),
	C("~", Q, Q), C("null", Q, Q), C("Null", Q, Q), C("NULL", Q, Q),
	C("y", Q, Q), C("Y", Q, Q), C("yes", Q, Q), C("Yes", Q, Q),
	C("YES", Q, Q), C("n", Q, Q), C("N", Q, Q), C("no", Q, Q),
	C("No", Q, Q), C("NO", Q, Q), C("true", Q, Q), C("True", Q, Q),
	C("TRUE", Q, Q), C("false", Q, Q), C("False", Q, Q),
	C("FALSE", Q, Q), C("on", Q, Q), C("On", Q, Q), C("ON", Q, Q),
	C("off", Q, Q), C("Off", Q, Q), C("OFF", Q, Q), C("tRuE", Q, Q),
	C("0755", Q, Q), C("1e3", Q, Q), C("1_000", Q, Q), C("0x1F", Q, Q),
	C("0b101", Q, Q), C("0o17", Q, Q), C(".inf", Q, Q),
	C("-.INF", Q, Q), C("+.inf", Q, Q), C(".NaN", Q, Q),
	C("12:30", Q, Q), C("190:20:30.15", Q, Q), C("2024-01-05", Q, Q),
	C("2024-01-05T10:00:00Z", Q, Q), C("2024-01-05 10:00", Q, Q),
	C("+1", Q, Q), C(".5", Q, Q), C("1.", Q, Q), C("42", Q, Q),
	C("3.14", Q, Q), C("-1", Q, Q), C("1e+10", Q, Q), C("._", Q, Q),
	C("0xdeadBEEF", Q, Q), C("4", Q, Q),
	C("<<", Q, Q), C("=", Q, Q),
	C("-x", Q, Q), C("- x", Q, Q), C("-", Q, Q), C("---", Q, Q),
	C("?x", Q, Q), C("? x", Q, Q), C(":x", Q, Q), C(",x", Q, Q),
	C("[x", Q, Q), C("]x", Q, Q), C("{x", Q, Q), C("}x", Q, Q),
	C("#x", Q, Q), C("&x", Q, Q), C("*x", Q, Q), C("!x", Q, Q),
	C("|x", Q, Q), C(">x", Q, Q), C("'x", Q, Q), C("\"x", Q, Q),
	C("%x", Q, Q), C("@x", Q, Q), C("`x", Q, Q), C(" x", Q, Q),
	C("...", Q, Q), C("...and then", Q, Q),
	C("x ", Q, Q), C("x:", Q, Q), C("a: b", Q, Q), C("a #b", Q, Q),
	C("It's: fine", Q, Q), C("'", Q, Q), C("\"", Q, Q),
	C("a\tb", Q, Q), C("line1\nline2", Q, Q), C("\n", Q, Q),
	C("trailing\n", Q, Q), C("cr\rlf", Q, Q), C("bell\a", Q, Q),
	C("nul\0byte", Q, Q), C("esc\x1b[31m", Q, Q), C("del\x7f", Q, Q),
	C("c1\xc2\x80", Q, Q), C("nel\xc2\x85", Q, Q),
	C("ls\xe2\x80\xa8", Q, Q), C("ps\xe2\x80\xa9", Q, Q),
	C("bom\xef\xbb\xbf", Q, Q), C("\xef\xbb\xbf" "bom", Q, Q),
	C("zwsp\xe2\x80\x8b", Q, Q), C("rlo\xe2\x80\xae", Q, Q),
	C("nonchar\xef\xbf\xbe", Q, Q), C("astral \xf0\x9f\x98\x80", P, P),
	C("quote\"back\\slash\nnl", Q, Q), C("中文: 冒号", Q, Q),
	C("中文\n第二行", Q, Q), C("\\", P, P), C("a\\nb", P, P),
};

#define N_CASES (sizeof cases / sizeof *cases)

/* Parse text with libyaml and return a copy of the scalar number nth
 * (0-based) in *val / *vlen with its style; fails the test on a parse
 * error. */
static void parse_scalar(const char *text, int nth, char **val, size_t *vlen,
			 yaml_scalar_style_t *style)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;
	int seen = 0;

	*val = NULL;
	assert_true(yaml_parser_initialize(&parser));
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
				     strlen(text));
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev))
			fail_msg("libyaml: %s in <%s>", parser.problem, text);
		if (ev.type == YAML_SCALAR_EVENT && seen++ == nth) {
			*vlen = ev.data.scalar.length;
			*val = test_malloc(*vlen + 1);
			memcpy(*val, ev.data.scalar.value, *vlen + 1);
			*style = ev.data.scalar.style;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	assert_non_null(*val);
}

/* Parse pre w post (or pre w mid w post), and check that scalar nth
 * reads back as the case's string, plain exactly when expected. */
static void check_read_back(const scalar_case *c, const char *w, bool plain,
			    const char *pre, const char *mid, const char *post,
			    int nth)
{
	sbp_buf doc;
	char *val;
	size_t vlen;
	yaml_scalar_style_t style;

	buf_init(&doc);
	buf_puts(&doc, pre);
	if (mid) {
		buf_puts(&doc, w);
		buf_puts(&doc, mid);
	}
	buf_puts(&doc, w);
	buf_puts(&doc, post);
	parse_scalar(doc.data, nth, &val, &vlen, &style);
	if (vlen != c->len || memcmp(val, c->s, vlen) != 0)
		fail_msg("<%s> read back as <%s>", doc.data, val);
	if (plain)
		assert_int_equal(style, YAML_PLAIN_SCALAR_STYLE);
	else
		assert_int_not_equal(style, YAML_PLAIN_SCALAR_STYLE);
	test_free(val);
	buf_free(&doc);
}

/* Every case: plain as expected in both contexts, read back exactly as a
 * block value, a block key, a flow sequence item and flow key and value. */
static void test_scalar_table(void **state)
{
	(void)state;
	assert_true(N_CASES >= 60);
	for (size_t i = 0; i < N_CASES; i++) {
		const scalar_case *c = &cases[i];
		sbp_buf w;

		for (int flow = 0; flow <= 1; flow++) {
			int want = flow ? c->flow : c->block;
			if (yaml_plain_ok(c->s, c->len, flow) != (want == P))
				fail_msg("case %zu <%s> flow=%d: plain_ok wrong",
					 i, c->s, flow);
			buf_init(&w);
			yaml_put_string(&w, c->s, c->len, flow);
			assert_int_equal(strlen(w.data), w.len);
			if (flow) {
				check_read_back(c, w.data, want, "[", NULL,
						"]\n", 0);
				check_read_back(c, w.data, want, "{", ": ",
						"}\n", 1);
				check_read_back(c, w.data, want, "{", ": ",
						"}\n", 0);
			} else {
				check_read_back(c, w.data, want, "k: ", NULL,
						"\n", 1);
				check_read_back(c, w.data, want, "", NULL,
						": v\n", 0);
				check_read_back(c, w.data, want, "- ", NULL,
						"\n", 0);
			}
			buf_free(&w);
		}
	}
}

/* The exact quoted forms: single quotes unless an escape is needed. */
static void test_scalar_forms(void **state)
{
	static const struct {
		const char *in;
		size_t len;
		const char *out;
	} forms[] = {
		{ "", 0, "''" },
		{ "yes", 3, "'yes'" },
		{ "It's: fine", 10, "'It''s: fine'" },
		{ "a\nb", 3, "\"a\\nb\"" },
		{ "a\tb", 3, "\"a\\tb\"" },
		{ "q\"b\\\n", 5, "\"q\\\"b\\\\\\n\"" },
		{ "\x01\x7f", 2, "\"\\x01\\x7F\"" },
		{ "a\0b", 3, "\"a\\x00b\"" },
		{ "\xc2\x85", 2, "\"\\N\"" },
		{ "\xe2\x80\xa8\xe2\x80\xa9", 6, "\"\\L\\P\"" },
		{ "\xef\xbb\xbfx", 4, "\"\\uFEFFx\"" },
		{ "中\n文", 7, "\"中\\n文\"" },
		{ "办理入住", 12, "办理入住" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		sbp_buf w;

		buf_init(&w);
		yaml_put_string(&w, forms[i].in, forms[i].len, false);
		assert_string_equal(w.data, forms[i].out);
		buf_free(&w);
	}
}

/* Bytes that are not UTF-8 still give a valid double-quoted scalar. */
static void test_scalar_invalid_utf8(void **state)
{
	sbp_buf w;
	char *val;
	size_t vlen;
	yaml_scalar_style_t style;

	(void)state;
	buf_init(&w);
	buf_puts(&w, "k: ");
	yaml_put_string(&w, "a\xff\xc3", 3, false);
	buf_putc(&w, '\n');
	assert_string_equal(w.data, "k: \"a\\xFF\\xC3\"\n");
	parse_scalar(w.data, 1, &val, &vlen, &style);
	assert_string_equal(val, "a\xc3\xbf\xc3\x83"); /* as U+00FF U+00C3 */
	test_free(val);
	buf_free(&w);
}

/* yaml_looks_typed alone, on both sides of the line. */
static void test_scalar_typed(void **state)
{
	static const char *const typed[] = {
		"", "~", "NULL", "Yes", "off", "0", "-0", "+12", "1_0", "0x_1",
		"1:2", "1.5e-3", "-.inf", ".NAN", "2001-12-14t21:59:43.10-05:00",
		"<<", "=", "0o7", "+0b1", ".", "+.", "...", "e5", "E+1",
	};
	static const char *const untyped[] = {
		"yess", "nope", "a1", "ex1", "d-1", "x1:2", "1st", "inf", "nan",
		"e", "e+", "+", "_", "1 2", "12-30 ok", "<", "==", "cafe",
	};

	(void)state;
	for (size_t i = 0; i < sizeof typed / sizeof *typed; i++)
		if (!yaml_looks_typed(typed[i], strlen(typed[i])))
			fail_msg("<%s> should look typed", typed[i]);
	for (size_t i = 0; i < sizeof untyped / sizeof *untyped; i++)
		if (yaml_looks_typed(untyped[i], strlen(untyped[i])))
			fail_msg("<%s> should not look typed", untyped[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalar_table),
		cmocka_unit_test(test_scalar_forms),
		cmocka_unit_test(test_scalar_invalid_utf8),
		cmocka_unit_test(test_scalar_typed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
