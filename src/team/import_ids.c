/* What both import shapes need: zones from names in English or Chinese,
 * ids made from text, and keeping new ids unique. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sbp/import.h"
#include "sbp/util.h"

/* Names people give each zone in a workshop, besides the zone's id and
 * label: the seeds' Chinese terms and the usual English short forms. */
static const struct {
	sbp_zone zone;
	const char *name;
} zone_names[] = {
	{ZONE_EVIDENCE, "有形展示"}, {ZONE_EVIDENCE, "physical evidence"},
	{ZONE_EVIDENCE, "evidence"}, {ZONE_EVIDENCE, "props"},
	{ZONE_CUSTOMER, "顾客行为"}, {ZONE_CUSTOMER, "customer"},
	{ZONE_CUSTOMER, "customers"}, {ZONE_CUSTOMER, "customer actions"},
	{ZONE_CUSTOMER, "顾客"},
	{ZONE_ONSTAGE, "前台接触员工行为"}, {ZONE_ONSTAGE, "onstage"},
	{ZONE_ONSTAGE, "on stage"}, {ZONE_ONSTAGE, "on-stage"},
	{ZONE_ONSTAGE, "front stage"}, {ZONE_ONSTAGE, "frontstage"},
	{ZONE_ONSTAGE, "onstage contact actions"}, {ZONE_ONSTAGE, "onstage actions"},
	{ZONE_ONSTAGE, "前台"},
	{ZONE_BACKSTAGE, "后台接触员工行为"}, {ZONE_BACKSTAGE, "backstage"},
	{ZONE_BACKSTAGE, "back stage"}, {ZONE_BACKSTAGE, "back-stage"},
	{ZONE_BACKSTAGE, "backstage contact actions"}, {ZONE_BACKSTAGE, "backstage actions"},
	{ZONE_BACKSTAGE, "后台"},
	{ZONE_SUPPORT, "支持过程"}, {ZONE_SUPPORT, "support"},
	{ZONE_SUPPORT, "support processes"}, {ZONE_SUPPORT, "support process"},
	{ZONE_SUPPORT, "支持"},
};

/* s without leading and trailing blanks, compared case-blind (ASCII). */
static bool same_name(const char *s, const char *name)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == strlen(name) && !strncasecmp(s, name, n);
}

/* A zone from a name. */
bool import_zone_from_name(const char *name, sbp_zone *out)
{
	for (int z = 0; z < ZONE_COUNT; z++)
		if (same_name(name, zone_id((sbp_zone)z)) || same_name(name, zone_label((sbp_zone)z))) {
			*out = (sbp_zone)z;
			return true;
		}
	for (size_t i = 0; i < sizeof zone_names / sizeof *zone_names; i++)
		if (same_name(name, zone_names[i].name)) {
			*out = zone_names[i].zone;
			return true;
		}
	return false;
}

/* An id made from text: its ASCII words, lowercased and joined by '-',
 * whole words only within max bytes (a first word longer than that is
 * cut). The editor makes ids from text the same way. */
char *import_slug(const char *text, size_t max)
{
	char *out = xmalloc(max + 1);
	sbp_slug(text, max, out);
	if (!*out) {
		free(out);
		return NULL;
	}
	return out;
}

void import_ids_init(import_ids *ids)
{
	memset(ids, 0, sizeof *ids);
	hmap_init(&ids->used);
}

void import_ids_free(import_ids *ids)
{
	hmap_free(&ids->used);
	for (size_t i = 0; i < ids->n; i++)
		free(ids->owned[i]);
	free(ids->owned);
	memset(ids, 0, sizeof *ids);
}

bool import_ids_has(const import_ids *ids, const char *id)
{
	return hmap_get(&ids->used, id) != NULL;
}

/* Take id as it is. */
bool import_ids_take(import_ids *ids, const char *id)
{
	if (import_ids_has(ids, id))
		return false;
	xgrow(&ids->owned, &ids->cap, ids->n + 1, sizeof *ids->owned);
	char *s = ids->owned[ids->n++] = xstrdup(id);
	hmap_put(&ids->used, s, s);
	return true;
}

/* A unique id from base. */
const char *import_ids_unique(import_ids *ids, const char *base)
{
	if (import_ids_take(ids, base))
		return ids->owned[ids->n - 1];
	for (unsigned k = 2;; k++) {
		char *s = xasprintf("%s-%u", base, k);
		bool ok = import_ids_take(ids, s);
		free(s);
		if (ok)
			return ids->owned[ids->n - 1];
	}
}
