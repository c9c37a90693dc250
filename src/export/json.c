/* JSON export: the blueprint as data, the same tree the canonical YAML
 * writer emits (sbp_to_node), written as indented JSON. */
#include "export_internal.h"
#include "sbp/io.h"

/* Write the blueprint as indented JSON. */
bool export_json(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		 char *err, size_t errlen)
{
	(void)o;
	(void)err;
	(void)errlen;
	sbp_node *doc = sbp_to_node(bp);
	json_emit(doc, out, true);
	if (out->len == 0 || out->data[out->len - 1] != '\n')
		buf_putc(out, '\n');
	node_free(doc);
	return true;
}
