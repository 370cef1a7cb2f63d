/*
** registry.c — open addressing with linear probing and backward-shift
** deletion, keyed by address. The hash keeps the addresses of one memory
** page in neighbouring slots (so frames allocated together share cache
** lines of the table) and scatters the pages.
*/
#include <stdint.h>
#include <string.h>

#include "frame.h"

#define PAGE_BITS 12     /* frames of one 4 KiB page: consecutive slots */
#define SLOT_BITS 6      /* one slot per 64 bytes of a page; frames are larger */

static size_t slot_of(const cl_Registry *g, const void *key) {
  uintptr_t a = (uintptr_t)key;
  uint64_t page = (uint64_t)(a >> PAGE_BITS) * UINT64_C(0x9E3779B97F4A7C15);
  size_t within = (a >> SLOT_BITS) & ((1u << (PAGE_BITS - SLOT_BITS)) - 1);
  return ((size_t)(page >> 32) + within) & (g->size - 1);
}

static void put(cl_Registry *g, const void *key, void *value) {
  size_t i = slot_of(g, key);
  while (g->slots[i].key != NULL) i = (i + 1) & (g->size - 1);
  g->slots[i].key = key;
  g->slots[i].value = value;
}

static int grow(cl_Runtime *R, cl_Registry *g) {
  size_t oldsize = g->size, newsize = oldsize ? oldsize * 2 : 64;
  cl_RegistrySlot *old = g->slots;
  cl_RegistrySlot *slots = (cl_RegistrySlot *)cl_alloc(R, newsize * sizeof *slots);
  if (slots == NULL) return 0;
  memset(slots, 0, newsize * sizeof *slots);
  g->slots = slots;
  g->size = newsize;
  for (size_t i = 0; i < oldsize; i++)
    if (old[i].key != NULL) put(g, old[i].key, old[i].value);
  cl_free(R, old, oldsize * sizeof *old);
  return 1;
}

int cl_registry_add(cl_Runtime *R, cl_Registry *g, const void *key,
                    void *value) {
  if ((g->count + 1) * 4 > g->size * 3 && !grow(R, g)) return 0;
  put(g, key, value);
  g->count++;
  return 1;
}

void *cl_registry_find(const cl_Registry *g, const void *key) {
  if (g->size == 0 || key == NULL) return NULL;
  for (size_t i = slot_of(g, key); g->slots[i].key != NULL;
       i = (i + 1) & (g->size - 1)) {
    if (g->slots[i].key == key) return g->slots[i].value;
  }
  return NULL;
}

void cl_registry_remove(cl_Registry *g, const void *key) {
  size_t mask = g->size - 1, i;
  if (g->size == 0) return;
  for (i = slot_of(g, key); g->slots[i].key != key; i = (i + 1) & mask)
    if (g->slots[i].key == NULL) return;
  g->count--;
  for (size_t j = (i + 1) & mask; g->slots[j].key != NULL; j = (j + 1) & mask) {
    size_t home = slot_of(g, g->slots[j].key);
    /* move j back into the hole at i unless its home lies in (i, j] */
    if (((j - home) & mask) >= ((j - i) & mask)) {
      g->slots[i] = g->slots[j];
      i = j;
    }
  }
  g->slots[i].key = NULL;
}

void cl_registry_free(cl_Runtime *R, cl_Registry *g) {
  cl_free(R, g->slots, g->size * sizeof *g->slots);
  memset(g, 0, sizeof *g);
}
