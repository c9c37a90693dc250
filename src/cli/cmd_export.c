/* sbp export: write a blueprint in another format. */
#include <stdio.h>
#include <string.h>

#include "sbp/cli.h"

int cmd_export(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "sbp export: not available in this build yet\n");
	return 2;
}
