/* The default file an export writes: the blueprint's file name without
 * .yaml or .yml, plus the format's extension. Shared by `sbp export` and
 * the editor's :export. */
#include <string.h>

#include "sbp/export.h"

/* The usual file extension of a format. */
const char *export_format_ext(const char *format)
{
	if (!strcmp(format, "mermaid"))
		return "mmd";
	return format;
}

/* in without .yaml/.yml, plus the table name for csv tables other than
 * steps, plus the extension. Caller frees. */
char *export_default_path(const char *in, const char *format, const char *what)
{
	size_t n = strlen(in);
	const char *dot = strrchr(in, '.');
	const char *slash = strrchr(in, '/');

	if (dot && (!slash || dot > slash) &&
	    (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml")))
		n = (size_t)(dot - in);
	if (what && strcmp(what, "steps") && strcmp(what, "all"))
		return xasprintf("%.*s.%s.%s", (int)n, in, what, export_format_ext(format));
	return xasprintf("%.*s.%s", (int)n, in, export_format_ext(format));
}
