/* Tests of the escaping every export applies to text from the file:
 * XML/HTML, Markdown, CSV with the formula guard, DOT and Mermaid
 * strings, and the cleaning of control, bidi and invalid bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "export_internal.h"

typedef void (*esc_fn)(sbp_buf *, const char *);

/* Run one escaper on s and compare with want. */
static void expect(esc_fn fn, const char *s, const char *want)
{
	sbp_buf b;
	buf_init(&b);
	fn(&b, s);
	assert_string_equal(b.data ? b.data : "", want);
	buf_free(&b);
}

/* XML text and attribute escaping via esc_xml_str. */
static void xml_text(sbp_buf *b, const char *s) { esc_xml_str(b, s, false); }
static void xml_attr(sbp_buf *b, const char *s) { esc_xml_str(b, s, true); }

/* XML: entities, quotes only in attributes, ]]> harmless, controls and
 * bidi made visible, invalid bytes escaped. */
static void test_xml(void **state)
{
	(void)state;
	expect(xml_text, "<script>a & b</script>", "&lt;script&gt;a &amp; b&lt;/script&gt;");
	expect(xml_text, "x ]]> y \"q\"", "x ]]&gt; y \"q\"");
	expect(xml_attr, "\"q\" 'a'\nb", "&quot;q&quot; &#39;a&#39;&#10;b");
	expect(xml_text, "esc\x1b[31m bell\a", "esc\\x1B[31m bell\\x07");
	expect(xml_text, "bidi \xE2\x80\xAEgnp", "bidi \\u{202E}gnp");
	expect(xml_text, "bad \xFF byte", "bad \\xFF byte");
	expect(xml_text, "中文 😀", "中文 😀");
}

/* Markdown: pipes and markup literal, newlines as <br>, a leading list
 * or heading mark neutralised. */
static void test_md(void **state)
{
	(void)state;
	expect(esc_md, "a | b", "a \\| b");
	expect(esc_md, "*x* _y_ `z` [l](u) <b>", "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) &lt;b&gt;");
	expect(esc_md, "one\ntwo", "one<br>two");
	expect(esc_md, "- item", "\\- item");
	expect(esc_md, "# h", "\\# h");
}

/* CSV: quoting per RFC 4180, formula starts neutralised. */
static void test_csv(void **state)
{
	(void)state;
	expect(esc_csv, "plain", "plain");
	expect(esc_csv, "a,b", "\"a,b\"");
	expect(esc_csv, "say \"hi\"", "\"say \"\"hi\"\"\"");
	expect(esc_csv, "two\nlines", "\"two\r\nlines\"");
	expect(esc_csv, "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
	expect(esc_csv, "+1", "\"'+1\"");
	expect(esc_csv, "-1", "\"'-1\"");
	expect(esc_csv, "@SUM(A1)", "\"'@SUM(A1)\"");
	expect(esc_csv, "\tx", "\"'\tx\"");
	expect(esc_csv, "'=x", "\"''=x\"");  /* own apostrophe before a formula */
	expect(esc_csv, "'plain", "'plain");
	expect(esc_csv, "zero\u200bwidth", "zero\u200bwidth"); /* kept exactly */
	expect(esc_csv, "a=b", "a=b");
	expect(esc_csv, NULL, "");
}

/* DOT: quotes and backslashes escaped, newlines as \n. */
static void test_dot(void **state)
{
	(void)state;
	expect(esc_dot, "say \"hi\" \\n", "say \\\"hi\\\" \\\\n");
	expect(esc_dot, "a\nb {c} <d>", "a\\nb {c} <d>");
	expect(esc_dot, "esc\x1b", "esc\\\\x1B");
}

/* Mermaid: entity codes for quotes, markup and syntax characters. */
static void test_mermaid(void **state)
{
	(void)state;
	expect(esc_mermaid, "say \"hi\"", "say #quot;hi#quot;");
	expect(esc_mermaid, "<b>a|b</b>", "#lt;b#gt;a#124;b#lt;/b#gt;");
	expect(esc_mermaid, "end; %% x", "end#59; #37;#37; x");
	expect(esc_mermaid, "[x] {y} (z) #", "#91;x#93; #123;y#125; #40;z#41; #35;");
	expect(esc_mermaid, "a\nb", "a b");
}

/* esc_clean: the same pointer back when nothing changes. */
static void test_clean(void **state)
{
	(void)state;
	sbp_buf tmp;
	size_t n;
	const char *s = "nothing to do 中文";

	buf_init(&tmp);
	assert_ptr_equal(esc_clean(&tmp, s, strlen(s), &n, false), s);
	assert_int_equal(n, strlen(s));
	const char *t = esc_clean(&tmp, "a\tb\nc", 5, &n, false);
	assert_string_equal(t, "a b c");
	t = esc_clean(&tmp, "a\tb\nc", 5, &n, true);
	assert_string_equal(t, "a\tb\nc");
	buf_free(&tmp);
}

/* Run the tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xml),
		cmocka_unit_test(test_md),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_dot),
		cmocka_unit_test(test_mermaid),
		cmocka_unit_test(test_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
