/* Translation of user-facing text through gettext (glibc's libintl).
 * _("text") translates now, N_("text") marks text translated later (in a
 * table), P_(one, many, n) picks the plural form. Rule ids, YAML and JSON
 * keys and the names of : commands are never translated. */
#ifndef SBP_I18N_H
#define SBP_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(one, many, n) ngettext((one), (many), (unsigned long)(n))

#endif
