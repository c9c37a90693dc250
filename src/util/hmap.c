/* String-keyed hash table: open addressing with linear probing, FNV-1a
 * hashes, tombstones on delete, growth at 70% load. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/hmap.h"
#include "sbp/util.h"

static const char TOMBSTONE[] = "";

static size_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (size_t)(h ^ (h >> 29));
}

void hmap_init(hmap *m)
{
	memset(m, 0, sizeof *m);
}

void hmap_free(hmap *m)
{
	free(m->slots);
	hmap_init(m);
}

/* Slot holding key, or NULL. */
static hmap_entry *find(const hmap *m, const char *key, size_t h)
{
	if (!m->cap)
		return NULL;
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		hmap_entry *e = &m->slots[i];
		if (!e->key)
			return NULL;
		if (e->key != TOMBSTONE && e->hash == h && strcmp(e->key, key) == 0)
			return e;
	}
}

static void rehash(hmap *m, size_t cap)
{
	hmap_entry *old = m->slots;
	size_t oldcap = m->cap;

	m->slots = xcalloc_table(cap, sizeof *m->slots);
	m->cap = cap;
	m->used = m->count;
	for (size_t i = 0; i < oldcap; i++) {
		hmap_entry *e = &old[i];
		if (!e->key || e->key == TOMBSTONE)
			continue;
		size_t j = e->hash & (cap - 1);
		while (m->slots[j].key)
			j = (j + 1) & (cap - 1);
		m->slots[j] = *e;
	}
	free(old);
}

void hmap_reserve(hmap *m, size_t n)
{
	size_t cap = 16;
	while (cap * 7 <= n * 10 + 10)
		cap *= 2;
	if (cap > m->cap)
		rehash(m, cap);
}

void *hmap_get(const hmap *m, const char *key)
{
	hmap_entry *e = find(m, key, hash_str(key));
	return e ? e->value : NULL;
}

void hmap_prefetch(const hmap *m, const char *key)
{
	if (m->cap)
		__builtin_prefetch(&m->slots[hash_str(key) & (m->cap - 1)]);
}

/* Insert a key known to be absent. */
static void insert_new(hmap *m, const char *key, void *value, size_t h)
{
	if ((m->used + 1) * 10 >= m->cap * 7)
		rehash(m, m->cap ? (m->count * 2 >= m->cap ? m->cap * 2 : m->cap) : 16);
	size_t mask = m->cap - 1;
	size_t i = h & mask;
	while (m->slots[i].key && m->slots[i].key != TOMBSTONE)
		i = (i + 1) & mask;
	if (!m->slots[i].key)
		m->used++;
	m->slots[i].key = key;
	m->slots[i].value = value;
	m->slots[i].hash = h;
	m->count++;
}

bool hmap_put(hmap *m, const char *key, void *value)
{
	size_t h = hash_str(key);
	if (find(m, key, h))
		return false;
	insert_new(m, key, value, h);
	return true;
}

void hmap_set(hmap *m, const char *key, void *value)
{
	size_t h = hash_str(key);
	hmap_entry *e = find(m, key, h);
	if (e) {
		e->key = key;
		e->value = value;
		return;
	}
	insert_new(m, key, value, h);
}

void *hmap_del(hmap *m, const char *key)
{
	hmap_entry *e = find(m, key, hash_str(key));
	if (!e)
		return NULL;
	void *v = e->value;
	e->key = TOMBSTONE;
	e->value = NULL;
	m->count--;
	return v;
}
