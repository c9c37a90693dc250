/* A string-keyed hash table (open addressing, linear probing).
 * Keys are borrowed: the table does not copy or free them, so a key must
 * live as long as its entry (ids live in the objects they name). */
#ifndef SBP_HMAP_H
#define SBP_HMAP_H

#include <stddef.h>
#include <stdbool.h>

typedef struct hmap_entry {
	const char *key;
	void *value;
	size_t hash;
} hmap_entry;

typedef struct hmap {
	hmap_entry *slots;
	size_t cap;   /* power of two, or 0 */
	size_t count; /* live entries */
	size_t used;  /* live + tombstones */
} hmap;

void hmap_init(hmap *m);
void hmap_free(hmap *m);
/* The value stored under key, or NULL. */
void *hmap_get(const hmap *m, const char *key);
/* Store value under key. Returns false (and changes nothing) when the key
 * is already present. */
bool hmap_put(hmap *m, const char *key, void *value);
/* Replace or insert. */
void hmap_set(hmap *m, const char *key, void *value);
/* Make room for n entries without growing again. */
void hmap_reserve(hmap *m, size_t n);
/* Start loading the memory a look-up of key will touch first, so that a
 * look-up a little later does not wait for it. */
void hmap_prefetch(const hmap *m, const char *key);
/* Remove key; returns its value or NULL. */
void *hmap_del(hmap *m, const char *key);

#endif
