/* Placeholder for the editor until src/tui lands. */
#include <stdio.h>

#include "sbp/cli.h"

int tui_main(const char *path, const sbp_limits *lim)
{
	(void)lim;
	fprintf(stderr, "sbp: the editor is not built yet (%s)\n", path ? path : "new");
	return 2;
}
