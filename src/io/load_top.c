/* The YAML loader's entry points: the document and its top-level keys. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "load_internal.h"
#include "sbp/check.h"
#include "sbp/i18n.h"

/* The integer value of a plain scalar, or -1 when it is not one. */
static long plain_integer(const loader *ld)
{
	if (!ld_is_scalar(ld) || ld->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return -1;
	const char *s = (const char *)ld->ev.data.scalar.value;
	char *end;
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
		return -1;
	return strtol(s, &end, 10);
}

/* sbp: VERSION. Returns false when the version is not one we read. */
static bool read_version(loader *ld)
{
	sbp_pos p = ld_pos(ld);
	long v = plain_integer(ld);
	ld->version_seen = true;
	if (v < 1) {
		ld_error(ld, RULE_VERSION, p, _("sbp must be the format version, 1"));
		ld_skip(ld);
		return true;
	}
	if (v > 1) {
		diags_clear(ld->diags);
		ld_error(ld, RULE_VERSION, p,
			 _("this file is in sbp format version %ld; this sbp %s reads "
			 "version 1 only: upgrade sbp to open it"),
			 v, SBP_VERSION);
		ld->fatal = true;
		return false;
	}
	ld->bp->version = 1;
	return true;
}

/* ignore: [rule, ...] */
static void read_ignore(loader *ld)
{
	ld->bp->ignore_pos = ld_pos(ld);
	if (!ld_seq_begin(ld, "ignore"))
		return;
	while (ld_seq_next(ld)) {
		sbp_pos p = ld_pos(ld);
		char *rule = NULL;
		if (!ld_string(ld, _("ignored rule"), &rule) || !rule)
			continue;
		char *q = diag_quote(rule, 40);
		if (!check_rule_known(rule))
			ld_warn(ld, RULE_UNKNOWN_KEY, p,
				_("unknown rule '%s' in ignore (kept, for a newer sbp)"), q);
		else if (check_rule_is_error(rule))
			ld_warn(ld, RULE_UNKNOWN_KEY, p,
				_("'%s' is an error and cannot be ignored"), q);
		free(q);
		VEC_PUSH(ld->bp->ignore, rule);
	}
}

/* lang: en | zh */
static void read_lang(loader *ld)
{
	sbp_pos p = ld_pos(ld);
	char *s = NULL;
	if (!ld_string(ld, "lang", &s) || !s)
		return;
	if (!strcmp(s, "en")) {
		ld->bp->lang = LANG_EN;
	} else if (!strcmp(s, "zh")) {
		ld->bp->lang = LANG_ZH;
	} else {
		char *q = diag_quote(s, 30);
		ld_error(ld, RULE_SCHEMA, p, _("lang '%s' is not one of en, zh"), q);
		free(q);
	}
	free(s);
}

/* A top-level list whose items are read by item(). */
static void read_list(loader *ld, const char *what, void (*item)(loader *))
{
	if (!ld_seq_begin(ld, what))
		return;
	while (ld_seq_next(ld))
		item(ld);
}

/* The top-level mapping. */
static void read_top(loader *ld)
{
	keyset ks = {0};
	const char *key;
	sbp_pos kp;

	while (ld_map_next(ld, &ks, &key, &kp)) {
		if (key_is(key, "sbp")) {
			if (!read_version(ld))
				break;
		} else if (key_is(key, "title")) {
			ld_string(ld, "title", &ld->bp->title);
		} else if (key_is(key, "description")) {
			ld_string(ld, "description", &ld->bp->description);
		} else if (key_is(key, "ignore")) {
			read_ignore(ld);
		} else if (key_is(key, "columns")) {
			read_list(ld, "columns", ld_column);
		} else if (key_is(key, "lanes")) {
			ld->lanes_seen = true;
			read_list(ld, "lanes", ld_lane);
		} else if (key_is(key, "standards")) {
			read_list(ld, "standards", ld_standard);
		} else if (key_is(key, "steps")) {
			read_list(ld, "steps", ld_step);
		} else if (key_is(key, "flows")) {
			read_list(ld, "flows", ld_flow);
		} else if (key_is(key, "measurements")) {
			read_list(ld, "measurements", ld_measurement);
		} else if (key_is(key, "lang")) {
			read_lang(ld);
		} else {
			extras_add(&ld->bp->extras, key, ld_node(ld), kp);
		}
	}
	keyset_free(&ks);
}

/* The stream: exactly one document whose root is a mapping. */
static void read_stream(loader *ld)
{
	if (!ld_next(ld) || ld->ev.type != YAML_STREAM_START_EVENT)
		return;
	if (!ld_next(ld))
		return;
	if (ld->ev.type == YAML_STREAM_END_EVENT) {
		ld_error(ld, RULE_SCHEMA, ld_pos(ld),
			 _("the file is empty; a blueprint starts with 'sbp: 1'"));
		return;
	}
	if (!ld_next(ld)) /* past DOCUMENT_START */
		return;
	if (ld->ev.type != YAML_MAPPING_START_EVENT) {
		ld_error(ld, RULE_SCHEMA, ld_pos(ld),
			 _("a blueprint is a mapping of keys (sbp, title, steps...)"));
		ld_skip(ld);
	} else {
		read_top(ld);
	}
	if (ld->fatal || !ld_next(ld)) /* DOCUMENT_END */
		return;
	if (!ld_next(ld))
		return;
	if (ld->ev.type == YAML_DOCUMENT_START_EVENT)
		ld_error(ld, RULE_SYNTAX, ld_pos(ld),
			 _("only one blueprint per file (found a second YAML document)"));
}

/* Read the blueprint from the parser, whose input is set up; size is the
 * input's size when known (0 if not), to size the step index once. */
static sbp_blueprint *load(loader *ld, size_t size)
{
	yaml_parser_set_encoding(&ld->parser, YAML_UTF8_ENCODING);
	ld->bp = blueprint_new();
	/* The model takes about three times the file's size. */
	heap_prepare(size * 3);
	/* A step takes about 150 bytes of YAML or more: size the step index
	 * once rather than growing it over and over while reading (a file of
	 * smaller steps grows it once or twice). */
	hmap_reserve(&ld->bp->step_ids, size / 150);

	read_stream(ld);
	if (ld->have_ev)
		yaml_event_delete(&ld->ev);
	yaml_parser_delete(&ld->parser);

	if (!ld->fatal) {
		if (!ld->version_seen)
			diags_add(ld->diags, SBP_ERROR, RULE_VERSION, 1, 1, NULL,
				  _("missing 'sbp: 1' (the format version) at the top"));
		if (!ld->lanes_seen)
			blueprint_add_default_lanes(ld->bp);
		ld_resolve(ld);
	}
	ld_pending_free(ld);
	free(ld->owned);
	if (ld->failed || !ld->version_seen) {
		blueprint_free(ld->bp);
		return NULL;
	}
	return ld->bp;
}

/* Set up a loader; false (with an error) when the parser cannot start. */
static bool loader_init(loader *ld, const sbp_limits *lim, sbp_diags *diags)
{
	memset(ld, 0, sizeof *ld);
	ld->fd = -1;
	if (lim)
		ld->lim = *lim;
	else
		sbp_limits_default(&ld->lim);
	ld->diags = diags;
	if (!yaml_parser_initialize(&ld->parser)) {
		diags_add(diags, SBP_ERROR, RULE_LIMIT, 0, 0, NULL,
			  _("cannot start the YAML parser (out of memory)"));
		return false;
	}
	return true;
}

sbp_blueprint *sbp_load_buffer(const char *data, size_t len, const sbp_limits *lim,
			       sbp_diags *diags)
{
	loader ld;
	size_t max = lim ? lim->max_file_size : SBP_DEFAULT_MAX_FILE_SIZE;

	if (len > max) {
		diags_add(diags, SBP_ERROR, RULE_LIMIT, 0, 0, NULL,
			  _("file of %zu bytes is larger than the limit of %zu bytes"), len, max);
		return NULL;
	}
	if (!loader_init(&ld, lim, diags))
		return NULL;
	size_t bom = ld_bom_len(data, len); /* a Windows editor's BOM */
	data += bom;
	len -= bom;
	ld.data = data;
	ld.len = len;
	yaml_parser_set_input_string(&ld.parser, (const unsigned char *)data, len);
	return load(&ld, len);
}

/* libyaml's read handler for a streamed file: counts what it reads and
 * fails past the size limit. */
static int read_chunk(void *data, unsigned char *buf, size_t size, size_t *got)
{
	loader *ld = data;
	ssize_t n;
	do
		n = read(ld->fd, buf, size);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return 0;
	ld->read_total += (size_t)n;
	if (ld->read_total > ld->lim.max_file_size) {
		ld->too_big = true;
		return 0;
	}
	*got = (size_t)n;
	return 1;
}

sbp_blueprint *sbp_load_file(const char *path, const sbp_limits *lim, sbp_diags *diags)
{
	sbp_limits def;
	char *data;
	size_t len;

	if (!lim) {
		sbp_limits_default(&def);
		lim = &def;
	}
	if (strcmp(path, "-") != 0) {
		/* Stream the file through libyaml: the whole text is never held
		 * in memory next to the blueprint. */
		struct stat st;
		int fd = file_open_regular(path, &st);
		if (fd >= 0) {
			if ((unsigned long long)st.st_size > lim->max_file_size) {
				close(fd);
				diags_add(diags, SBP_ERROR, RULE_LIMIT, 0, 0, NULL,
					  _("file is larger than the limit of %zu bytes (see --max-size)"),
					  lim->max_file_size);
				return NULL;
			}
			loader ld;
			if (!loader_init(&ld, lim, diags)) {
				close(fd);
				return NULL;
			}
			char head[3];
			if (pread(fd, head, 3, 0) == 3 && ld_bom_len(head, 3))
				lseek(fd, 3, SEEK_SET); /* a Windows editor's BOM */
			ld.fd = fd;
			ld.path = path;
			yaml_parser_set_input(&ld.parser, read_chunk, &ld);
			sbp_blueprint *bp = load(&ld, (size_t)st.st_size);
			close(fd);
			return bp;
		}
		if (fd >= 0)
			close(fd);
	}
	if (!read_file(path, lim->max_file_size, &data, &len)) {
		if (errno == EFBIG)
			diags_add(diags, SBP_ERROR, RULE_LIMIT, 0, 0, NULL,
				  _("file is larger than the limit of %zu bytes (see --max-size)"),
				  lim->max_file_size);
		else
			diags_add(diags, SBP_ERROR, NULL, 0, 0, NULL, _("cannot read: %s"),
				  file_strerror(errno));
		return NULL;
	}
	sbp_blueprint *bp = sbp_load_buffer(data, len, lim, diags);
	free(data);
	return bp;
}
