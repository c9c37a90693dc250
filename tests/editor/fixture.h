/* Shared set-up of the editor tests: a small blueprint in a private
 * directory, and helpers to compare the blueprint before and after. */
#ifndef SBP_TEST_EDITOR_FIXTURE_H
#define SBP_TEST_EDITOR_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "sbp/editor.h"

/* The test blueprint: columns c1 c2 c3, default lanes, steps a (customer,
 * c1), b and b2 (onstage, c1; b has standard s1), c (onstage, c2), d
 * (backstage, c2); one flow a -> b. Flagged: b2 and c. */
extern const char fixture_yaml[];

typedef struct fixture {
	char dir[64];
	char path[128];
	editor *ed;
} fixture;

/* Write yaml (fixture_yaml when NULL) to a file in a new directory and
 * open it; *state is the fixture. */
fixture *fixture_open(const char *yaml);
void fixture_close(fixture *f);
int fixture_setup(void **state);
int fixture_teardown(void **state);
/* The blueprint's canonical YAML. Caller frees. */
char *fixture_yaml_of(editor *ed);
/* Write text to a file in the fixture's directory; returns its path
 * (static buffer). */
const char *fixture_file(fixture *f, const char *name, const char *text);

#endif
