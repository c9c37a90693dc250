/* The YAML loader's event layer: reads libyaml events one at a time,
 * refuses what the format forbids (aliases, anchors, tags, complex and
 * duplicate keys, control characters), bounds depth and scalar size, and
 * drives the top-level mapping. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load_internal.h"
#include "sbp/i18n.h"
#include "sbp/utf8.h"

void sbp_limits_default(sbp_limits *l)
{
	l->max_file_size = SBP_DEFAULT_MAX_FILE_SIZE;
	l->max_depth = SBP_DEFAULT_MAX_DEPTH;
	l->max_scalar = SBP_DEFAULT_MAX_SCALAR;
	l->max_steps = SBP_DEFAULT_MAX_STEPS;
	l->max_diags = SBP_DEFAULT_MAX_DIAGS;
	l->max_minutes = SBP_DEFAULT_MAX_MINUTES;
	l->max_lanes = SBP_DEFAULT_MAX_LANES;
	l->max_columns = SBP_DEFAULT_MAX_COLUMNS;
}

sbp_pos ld_pos(const loader *ld)
{
	sbp_pos p = {(int)ld->ev.start_mark.line + 1, (int)ld->ev.start_mark.column + 1};
	return p;
}

/* Add a diagnostic of the loader; past lim.max_diags, only count it (a
 * file of nothing but mistakes need not be listed to the end). */
static void ld_vadd(loader *ld, sbp_severity sev, const char *rule, sbp_pos pos,
		    const char *fmt, va_list ap)
{
	sbp_buf b;
	if (ld->lim.max_diags && ld->diags->n >= ld->lim.max_diags) {
		diags_drop(ld->diags, sev);
		return;
	}
	buf_init(&b);
	buf_vprintf(&b, fmt, ap);
	diags_add(ld->diags, sev, rule, pos.line, pos.col, NULL, "%s", b.data);
	buf_free(&b);
}

void ld_error(loader *ld, const char *rule, sbp_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ld_vadd(ld, SBP_ERROR, rule, pos, fmt, ap);
	va_end(ap);
	ld->failed = true;
}

void ld_warn(loader *ld, const char *rule, sbp_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ld_vadd(ld, SBP_WARNING, rule, pos, fmt, ap);
	va_end(ap);
}

void ld_blame_step(loader *ld, size_t first, const char *step)
{
	for (size_t i = first; i < ld->diags->n; i++)
		if (!ld->diags->items[i].step)
			ld->diags->items[i].step = xstrdup(step);
}

size_t ld_bom_len(const char *s, size_t len)
{
	return len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

/* Make the whole text available for working out an error's position: a
 * streamed file is read again (errors are rare; reading costs memory). */
static void need_text(loader *ld)
{
	if (ld->data || !ld->path)
		return;
	if (read_file(ld->path, ld->lim.max_file_size, &ld->owned, &ld->len)) {
		/* the parser never saw the byte-order mark: nor do positions */
		size_t bom = ld_bom_len(ld->owned, ld->len);
		ld->data = ld->owned + bom;
		ld->len -= bom;
	} else
		ld->len = 0;
}

/* Line and column (1-based, in characters) of a byte offset, counting
 * line breaks as YAML does: LF, CR, CR LF, NEL, LS and PS. */
static sbp_pos offset_pos(loader *ld, size_t off)
{
	sbp_pos p = {1, 1};
	need_text(ld);
	size_t i = 0;
	while (i < off && i < ld->len) {
		uint32_t cp;
		size_t n = utf8_decode(ld->data + i, ld->len - i, &cp);
		if (cp == '\r' && i + 1 < ld->len && ld->data[i + 1] == '\n') {
			i++; /* counted at the LF */
			continue;
		}
		if (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
			p.line++;
			p.col = 1;
		} else {
			p.col++;
		}
		i += n;
	}
	return p;
}

/* The byte at a 1-based line and column (in characters), or NULL. */
static const char *pos_byte(loader *ld, int line, int col)
{
	size_t i = 0;
	need_text(ld);
	for (int l = 1; l < line && i < ld->len; i++)
		if (ld->data[i] == '\n')
			l++;
	for (int c = 1; i < ld->len && ld->data[i] != '\n'; i++) {
		if (((unsigned char)ld->data[i] & 0xC0) == 0x80)
			continue;
		if (c++ == col)
			return ld->data + i;
	}
	return NULL;
}

/* The bytes of the character at a byte offset of the text, as "ED A0
 * 80" (one to four bytes, by the lead byte), into buf. */
static void bytes_at(loader *ld, size_t off, char *buf, size_t size)
{
	need_text(ld);
	buf[0] = '\0';
	if (off >= ld->len)
		return;
	unsigned char c = (unsigned char)ld->data[off];
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	size_t used = 0;
	for (size_t i = 0; i < n && off + i < ld->len && used + 4 < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%02X", i ? " " : "",
					 (unsigned char)ld->data[off + i]);
}

/* The reader's complaint about a character (a surrogate, a control
 * character, a noncharacter), naming its real bytes. */
static void reader_error(loader *ld, sbp_pos pos, const char *problem, size_t off,
			 unsigned value)
{
	char bytes[16];
	bytes_at(ld, off, bytes, sizeof bytes);
	if (value >= 0xD800 && value <= 0xDFFF)
		ld_error(ld, RULE_SYNTAX, pos,
			 _("%s (bytes %s encode U+%04X, a UTF-16 surrogate, which UTF-8 "
			 "text must not hold); save the file as UTF-8"),
			 problem, bytes, value);
	else if (bytes[0])
		ld_error(ld, RULE_SYNTAX, pos, _("%s (U+%04X, bytes %s)"), problem, value, bytes);
	else
		ld_error(ld, RULE_SYNTAX, pos, "%s (U+%04X)", problem, value);
}

/* Report the parser's own error and stop. */
static void parser_error(loader *ld)
{
	yaml_parser_t *p = &ld->parser;
	sbp_pos pos;
	const char *problem = p->problem ? p->problem : _("malformed YAML");

	if (p->error == YAML_READER_ERROR && ld->too_big) {
		ld_error(ld, RULE_LIMIT, (sbp_pos){0, 0},
			 _("file is larger than the limit of %zu bytes (see --max-size)"),
			 ld->lim.max_file_size);
	} else if (p->error == YAML_READER_ERROR && !strcmp(problem, _("input error"))) {
		ld_error(ld, NULL, (sbp_pos){0, 0}, _("cannot read: %s"), strerror(errno));
	} else if (p->error == YAML_READER_ERROR) {
		pos = offset_pos(ld, p->problem_offset);
		if (strstr(problem, "UTF-8") || strstr(problem, "utf-8"))
			ld_error(ld, RULE_SYNTAX, pos, _("invalid UTF-8 (%s); save the file as UTF-8"), problem);
		else
			reader_error(ld, pos, problem, p->problem_offset,
				     (unsigned)p->problem_value);
	} else if (p->error == YAML_MEMORY_ERROR) {
		pos = (sbp_pos){0, 0};
		ld_error(ld, RULE_LIMIT, pos, _("out of memory while parsing"));
	} else {
		pos = (sbp_pos){(int)p->problem_mark.line + 1, (int)p->problem_mark.column + 1};
		const char *at = pos_byte(ld, pos.line, pos.col);
		if (at && *at == '\t')
			ld_error(ld, RULE_SYNTAX, pos,
				 _("a tab character here: YAML indents with spaces, not tabs"));
		else if (p->context)
			ld_error(ld, RULE_SYNTAX, pos, "%s %s", problem, p->context);
		else
			ld_error(ld, RULE_SYNTAX, pos, "%s", problem);
	}
	ld->fatal = true;
}

/* Might the 8 bytes of w hold a byte that is not printable ASCII (below
 * 0x20, or 0x7F and up)? Never false when one does. */
static inline bool word_unusual(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	return ((w | (w + ones) | (w - 0x20 * ones)) & high) != 0;
}

/* The control character that starts at s[i] (UTF-8 text of len bytes),
 * or -1: C0 other than tab and newline, DEL, or C1 (0xC2 0x80-0x9F). */
static int control_at(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
		return c;
	if (c == 0xC2 && i + 1 < len) {
		unsigned char d = (unsigned char)s[i + 1];
		if (d >= 0x80 && d <= 0x9F)
			return d;
	}
	return -1;
}

/* Refuse a scalar holding NUL or control characters other than tab and
 * newline, or one longer than the limit. */
static bool check_scalar(loader *ld)
{
	const char *s = (const char *)ld->ev.data.scalar.value;
	size_t len = ld->ev.data.scalar.length;

	if (len > ld->lim.max_scalar) {
		ld_error(ld, RULE_LIMIT, ld_pos(ld),
			 _("text of %zu bytes is longer than the limit of %zu bytes"), len,
			 ld->lim.max_scalar);
		ld->fatal = true;
		return false;
	}
	/* libyaml has checked that the text is UTF-8, so a control character
	 * is a byte below 0x20 or 0x7F, or (C1) 0xC2 and 0x80-0x9F. */
	for (size_t i = 0; i < len;) {
		if (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!word_unusual(w)) { /* eight printable ASCII characters */
				i += 8;
				continue;
			}
		}
		int cp = control_at(s, len, i);
		if (cp >= 0) {
			ld_error(ld, RULE_SYNTAX, ld_pos(ld),
				 _("control character U+%04X is not allowed in text"), (unsigned)cp);
			return false;
		}
		i++;
	}
	return true;
}

bool ld_next(loader *ld)
{
	if (ld->have_ev) {
		yaml_event_delete(&ld->ev);
		ld->have_ev = false;
	}
	if (ld->fatal)
		return false;
	if (!yaml_parser_parse(&ld->parser, &ld->ev)) {
		parser_error(ld);
		return false;
	}
	ld->have_ev = true;
	yaml_event_t *e = &ld->ev;
	const yaml_char_t *anchor = NULL, *tag = NULL;
	switch (e->type) {
	case YAML_ALIAS_EVENT: {
		char *q = diag_quote((const char *)e->data.alias.anchor, 30);
		ld_error(ld, RULE_SYNTAX, ld_pos(ld), _("aliases (*%s) are not allowed"), q);
		free(q);
		ld->fatal = true;
		return false;
	}
	case YAML_SCALAR_EVENT:
		anchor = e->data.scalar.anchor;
		tag = e->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = e->data.sequence_start.anchor;
		tag = e->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = e->data.mapping_start.anchor;
		tag = e->data.mapping_start.tag;
		break;
	default:
		break;
	}
	if (anchor) {
		ld_error(ld, RULE_SYNTAX, ld_pos(ld), _("anchors (&) are not allowed"));
		ld->fatal = true;
		return false;
	}
	if (tag) {
		ld_error(ld, RULE_SYNTAX, ld_pos(ld), _("tags (!) are not allowed"));
		ld->fatal = true;
		return false;
	}
	if (e->type == YAML_SEQUENCE_START_EVENT || e->type == YAML_MAPPING_START_EVENT) {
		if (++ld->depth > ld->lim.max_depth) {
			ld_error(ld, RULE_LIMIT, ld_pos(ld),
				 _("nesting deeper than the limit of %d levels"),
				 ld->lim.max_depth);
			ld->fatal = true;
			return false;
		}
	} else if (e->type == YAML_SEQUENCE_END_EVENT || e->type == YAML_MAPPING_END_EVENT) {
		ld->depth--;
	} else if (e->type == YAML_SCALAR_EVENT) {
		if (!check_scalar(ld) && ld->fatal)
			return false;
	}
	return true;
}

bool ld_is_scalar(const loader *ld)
{
	return ld->have_ev && ld->ev.type == YAML_SCALAR_EVENT;
}

bool ld_is_null(const loader *ld)
{
	if (!ld_is_scalar(ld) || ld->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = (const char *)ld->ev.data.scalar.value;
	switch (ld->ev.data.scalar.length) {
	case 0: return true;
	case 1: return s[0] == '~';
	case 4: return !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
	default: return false;
	}
}

void ld_skip(loader *ld)
{
	if (!ld->have_ev)
		return;
	yaml_event_type_t t = ld->ev.type;
	if (t != YAML_SEQUENCE_START_EVENT && t != YAML_MAPPING_START_EVENT)
		return;
	int nest = 1;
	while (nest > 0 && ld_next(ld)) {
		t = ld->ev.type;
		if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT)
			nest++;
		else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT)
			nest--;
	}
}

void keyset_free(keyset *ks)
{
	for (size_t i = 0; i < ks->n; i++)
		free(ks->keys[i]);
	free(ks->keys);
	hmap_free(&ks->index);
	ks->keys = NULL;
	ks->n = ks->cap = ks->n_small = 0;
}

/* Add key to the set; false when it was already there. *stored is the
 * set's copy, valid until keyset_free. */
static bool keyset_add(keyset *ks, const char *key, size_t len, const char **stored)
{
	for (size_t i = 0; i < ks->n_small; i++)
		if (key_is(ks->small[i], key))
			return false;
	if (ks->n && hmap_get(&ks->index, key))
		return false;
	if (len < KEYSET_INLINE_LEN && ks->n_small < KEYSET_INLINE) {
		memcpy(ks->small[ks->n_small], key, len + 1);
		*stored = ks->small[ks->n_small++];
		return true;
	}
	xgrow(&ks->keys, &ks->cap, ks->n + 1, sizeof *ks->keys);
	char *k = xstrndup(key, len);
	ks->keys[ks->n++] = k;
	hmap_put(&ks->index, k, k);
	*stored = k;
	return true;
}

bool ld_map_next(loader *ld, keyset *ks, const char **key, sbp_pos *kpos)
{
	for (;;) {
		if (!ld_next(ld) || ld->ev.type == YAML_MAPPING_END_EVENT)
			return false;
		*kpos = ld_pos(ld);
		if (ld->ev.type != YAML_SCALAR_EVENT) {
			ld_error(ld, RULE_SYNTAX, *kpos, _("keys must be plain text, not a %s"),
				 ld->ev.type == YAML_MAPPING_START_EVENT ? "mapping"
									 : "sequence");
			ld_skip(ld);
			if (!ld_next(ld))
				return false;
			ld_skip(ld);
			continue;
		}
		const char *k = (const char *)ld->ev.data.scalar.value;
		if (ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    (ld_is_null(ld) || yaml_looks_typed(k, ld->ev.data.scalar.length))) {
			char *q = diag_quote(k, 40);
			ld_error(ld, RULE_SYNTAX, *kpos,
				 _("key '%s' is not text (a number, boolean or null): quote it"), q);
			free(q);
			if (!ld_next(ld))
				return false;
			ld_skip(ld);
			continue;
		}
		if (!keyset_add(ks, k, ld->ev.data.scalar.length, key)) {
			char *q = diag_quote(k, 40);
			ld_error(ld, RULE_SYNTAX, *kpos, _("duplicate key '%s'"), q);
			free(q);
			if (!ld_next(ld))
				return false;
			ld_skip(ld);
			continue;
		}
		return ld_next(ld);
	}
}

sbp_node *ld_node(loader *ld)
{
	sbp_pos pos = ld_pos(ld);
	sbp_node *n;

	if (++ld->nodes > SBP_MAX_NODES && !ld->fatal) {
		ld_error(ld, RULE_LIMIT, pos,
			 _("more than %d values under unknown keys; stopping here"), SBP_MAX_NODES);
		ld->fatal = true;
	}

	if (ld->ev.type == YAML_SCALAR_EVENT) {
		const char *s = (const char *)ld->ev.data.scalar.value;
		size_t len = ld->ev.data.scalar.length;
		bool plain = ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (ld_is_null(ld))
			n = node_new(NODE_NULL, NULL);
		else if (plain && yaml_looks_typed(s, len))
			n = node_new(NODE_RAW, s);
		else
			n = node_str(s);
	} else if (ld->ev.type == YAML_SEQUENCE_START_EVENT) {
		n = node_new(NODE_SEQ, NULL);
		while (ld_next(ld) && ld->ev.type != YAML_SEQUENCE_END_EVENT)
			node_push(n, ld_node(ld));
	} else if (ld->ev.type == YAML_MAPPING_START_EVENT) {
		keyset ks = {0};
		const char *key;
		sbp_pos kp;
		n = node_new(NODE_MAP, NULL);
		while (ld_map_next(ld, &ks, &key, &kp))
			node_set(n, key, ld_node(ld));
		keyset_free(&ks);
	} else {
		n = node_new(NODE_NULL, NULL);
	}
	n->line = pos.line;
	n->col = pos.col;
	return n;
}

/* Name of the current node's kind, for messages. */
static const char *node_kind_name(const loader *ld)
{
	switch (ld->ev.type) {
	case YAML_SEQUENCE_START_EVENT: return _("a list");
	case YAML_MAPPING_START_EVENT: return _("a mapping");
	default: return "text";
	}
}

bool ld_string(loader *ld, const char *what, char **out)
{
	if (!ld_is_scalar(ld)) {
		ld_error(ld, RULE_SCHEMA, ld_pos(ld), _("%s must be text, not %s"), what,
			 node_kind_name(ld));
		ld_skip(ld);
		return false;
	}
	set_string(out, ld_is_null(ld) ? NULL : (const char *)ld->ev.data.scalar.value);
	return true;
}

bool ld_number(loader *ld, const char *what, double *out)
{
	if (ld_is_scalar(ld) && ld_is_null(ld)) {
		*out = NAN;
		return true;
	}
	if (ld_is_scalar(ld) && ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		const char *s = (const char *)ld->ev.data.scalar.value;
		char *end;
		errno = 0;
		double v = strtod(s, &end);
		/* ERANGE for a tiny number (5e-324, 1e-400) is underflow to a
		 * denormal or zero: still a number; past DBL_MAX it is not. */
		bool range_ok = errno == 0 || (errno == ERANGE && fabs(v) <= DBL_MIN);
		if (*s && !*end && range_ok && isfinite(v) &&
		    strspn(s, "0123456789+-.eE") == strlen(s)) {
			*out = v;
			return true;
		}
	}
	if (ld_is_scalar(ld)) {
		char *q = diag_quote((const char *)ld->ev.data.scalar.value, 30);
		ld_error(ld, RULE_SCHEMA, ld_pos(ld), _("%s must be a number, not '%s'"), what, q);
		free(q);
	} else {
		ld_error(ld, RULE_SCHEMA, ld_pos(ld), _("%s must be a number, not %s"), what,
			 node_kind_name(ld));
		ld_skip(ld);
	}
	return false;
}

bool ld_bool(loader *ld, const char *what, bool *out)
{
	if (ld_is_scalar(ld) && ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		const char *s = (const char *)ld->ev.data.scalar.value;
		if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE")) {
			*out = true;
			return true;
		}
		if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE")) {
			*out = false;
			return true;
		}
	}
	ld_error(ld, RULE_SCHEMA, ld_pos(ld), _("%s must be true or false"), what);
	ld_skip(ld);
	return false;
}

bool ld_id(loader *ld, const char *what, char **out)
{
	sbp_pos pos = ld_pos(ld);
	char *s = NULL;
	if (!ld_string(ld, what, &s))
		return false;
	if (!s || !sbp_id_valid(s)) {
		char *q = diag_quote(s ? s : "", 40);
		ld_error(ld, RULE_SCHEMA, pos,
			 _("%s '%s' is not a valid id (1-64 letters, digits, '-', '_', '.')"),
			 what, q);
		free(q);
		free(s);
		return false;
	}
	free(*out);
	*out = s;
	return true;
}

bool ld_seq_begin(loader *ld, const char *what)
{
	if (ld->ev.type == YAML_SEQUENCE_START_EVENT)
		return true;
	if (!ld_is_null(ld))
		ld_error(ld, RULE_SCHEMA, ld_pos(ld), _("%s must be a list, not %s"), what,
			 node_kind_name(ld));
	ld_skip(ld);
	return false;
}

bool ld_seq_next(loader *ld)
{
	return ld_next(ld) && ld->ev.type != YAML_SEQUENCE_END_EVENT;
}

bool ld_map_begin(loader *ld, const char *what)
{
	if (ld->ev.type == YAML_MAPPING_START_EVENT)
		return true;
	ld_error(ld, RULE_SCHEMA, ld_pos(ld), _("%s must be a mapping (key: value), not %s"),
		 what, node_kind_name(ld));
	ld_skip(ld);
	return false;
}
