/*
** slab.c — slabs of frame slots (see slab.h). A slab is one block from the
** runtime's allocator: its header, then its slots. A class's slabs double
** in size up to CL_SLAB_BYTES, so that a program with few frames keeps
** little and one with a million spends a few hundredths of a byte per
** frame on slab headers and the page map.
*/
#include <string.h>

#include "frame.h"

#define CL_SLAB_PAGE_BITS 16         /* page map granularity: 64 KiB */
#define CL_SLAB_BYTES (256u * 1024)  /* a slab's slots, at most */
#define CL_SLAB_FIRST 8              /* slots of a class's first slab */

struct cl_Slab {
  cl_Slab *next;               /* cl_Slabs.all */
  char *base;                  /* the first slot */
  size_t slot, state_offset;
  size_t nslots, carved;       /* slots, and slots handed out once or more */
  size_t bytes;                /* the block, header included */
  int cls;                     /* index of its class */
};

#define HEADER cl_align(sizeof(cl_Slab))

static size_t page_slot(const cl_Slabs *S, uintptr_t page) {
  return (size_t)((page * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & (S->map_size - 1);
}

static void map_put(cl_Slabs *S, uintptr_t page, cl_Slab *s) {
  size_t i = page_slot(S, page);
  while (S->map[i].page != 0) i = (i + 1) & (S->map_size - 1);
  S->map[i].page = page;
  S->map[i].slab = s;
  S->map_count++;
}

/* room for n more pages in the map (its load stays at most 1/2) */
static int map_reserve(cl_Runtime *R, cl_Slabs *S, size_t n) {
  size_t size = S->map_size ? S->map_size : 64;
  while ((S->map_count + n) * 2 > size) size *= 2;
  if (size == S->map_size) return 1;
  cl_SlabPage *old = S->map, *map = (cl_SlabPage *)cl_alloc(R, size * sizeof *map);
  size_t oldsize = S->map_size;
  if (map == NULL) return 0;
  memset(map, 0, size * sizeof *map);
  S->map = map;
  S->map_size = size;
  S->map_count = 0;
  for (size_t i = 0; i < oldsize; i++)
    if (old[i].page != 0) map_put(S, old[i].page, old[i].slab);
  cl_free(R, old, oldsize * sizeof *old);
  return 1;
}

static cl_Slab *slab_of(const cl_Slabs *S, const void *p) {
  uintptr_t page = (uintptr_t)p >> CL_SLAB_PAGE_BITS;
  const char *c = (const char *)p;
  if (S->map_size == 0) return NULL;
  for (size_t i = page_slot(S, page); S->map[i].page != 0;
       i = (i + 1) & (S->map_size - 1)) {
    cl_Slab *s = S->map[i].slab;
    if (S->map[i].page == page && c >= s->base && c < s->base + s->carved * s->slot)
      return s;
  }
  return NULL;
}

static cl_SlabClass *find_class(cl_Runtime *R, cl_Slabs *S, size_t size,
                                size_t state_offset) {
  cl_SlabClass *k;
  for (int i = 0; i < S->nclasses; i++)
    if (S->classes[i].slot == size && S->classes[i].state_offset == state_offset)
      return &S->classes[S->last = i];
  if (S->nclasses == S->classes_size) {
    int n = S->classes_size ? S->classes_size * 2 : 4;
    cl_SlabClass *c = (cl_SlabClass *)cl_alloc(R, (size_t)n * sizeof *c);
    if (c == NULL) return NULL;
    if (S->nclasses) memcpy(c, S->classes, (size_t)S->nclasses * sizeof *c);
    cl_free(R, S->classes, (size_t)S->classes_size * sizeof *c);
    S->classes = c;
    S->classes_size = n;
  }
  k = &S->classes[S->last = S->nclasses++];
  memset(k, 0, sizeof *k);
  k->slot = size;
  k->state_offset = state_offset;
  k->next_slots = CL_SLAB_FIRST;
  return k;
}

/* the class of frames of size bytes with their state at state_offset,
   made if new (NULL: no memory for it); the one last used is tried first */
static inline cl_SlabClass *class_of(cl_Runtime *R, cl_Slabs *S, size_t size,
                                     size_t state_offset) {
  cl_SlabClass *k;
  if (S->nclasses > 0 && (k = &S->classes[S->last])->slot == size &&
      k->state_offset == state_offset)
    return k;
  return find_class(R, S, size, state_offset);
}

static cl_Slab *new_slab(cl_Runtime *R, cl_Slabs *S, cl_SlabClass *k) {
  size_t most = CL_SLAB_BYTES / k->slot;
  size_t n = k->next_slots < most ? k->next_slots
           : most > CL_SLAB_FIRST ? most : CL_SLAB_FIRST;
  if (k->slot > (SIZE_MAX - HEADER) / n) return NULL;   /* no such block */
  size_t bytes = HEADER + n * k->slot;
  cl_Slab *s = (cl_Slab *)cl_alloc(R, bytes);
  if (s == NULL) return NULL;
  s->base = (char *)s + HEADER;
  uintptr_t first = (uintptr_t)s->base >> CL_SLAB_PAGE_BITS;
  uintptr_t last = ((uintptr_t)s->base + n * k->slot - 1) >> CL_SLAB_PAGE_BITS;
  if (!map_reserve(R, S, (size_t)(last - first + 1))) {
    cl_free(R, s, bytes);
    return NULL;
  }
  for (uintptr_t page = first; page <= last; page++) map_put(S, page, s);
  s->slot = k->slot;
  s->state_offset = k->state_offset;
  s->nslots = n;
  s->carved = 0;
  s->bytes = bytes;
  s->cls = (int)(k - S->classes);
  s->next = S->all;
  S->all = s;
  k->current = s;
  k->next_slots = n * 2;
  return s;
}

void *cl_slab_alloc(cl_Runtime *R, size_t size, size_t state_offset) {
  cl_Slabs *S = &R->slabs;       /* slots aligned as the frames they hold */
  cl_SlabClass *k;
  if (state_offset > UINT_MAX) return NULL;    /* a handle's slot holds it */
  if ((k = class_of(R, S, cl_align(size), state_offset)) == NULL) return NULL;
  if (k->free != NULL) return cl_slab_pop(S, k, size);   /* the last freed first */
  cl_Slab *s = k->current;
  if ((s == NULL || s->carved == s->nslots) && (s = new_slab(R, S, k)) == NULL)
    return NULL;
  S->live++;
  return s->base + s->carved++ * s->slot;
}

void cl_slab_free(cl_Runtime *R, void *h, cl_FrameState *st) {
  cl_Slabs *S = &R->slabs;
  cl_slab_push(S, &S->classes[slab_of(S, h)->cls], h, st);
}

cl_FrameState *cl_slab_find(const cl_Slabs *S, const void *p, int *in_slab) {
  const cl_Slab *s = slab_of(S, p);
  cl_FrameState *st;
  *in_slab = s != NULL;
  if (s == NULL || (size_t)((const char *)p - s->base) % s->slot != 0) return NULL;
  st = (cl_FrameState *)((char *)p + s->state_offset);
  return st->co != NULL ? st : NULL;
}

void cl_slab_each(const cl_Slabs *S, void (*fn)(cl_FrameState *st, void *ud),
                  void *ud) {
  for (const cl_Slab *s = S->all; s != NULL; s = s->next)
    for (size_t i = 0; i < s->carved; i++) {
      cl_FrameState *st = (cl_FrameState *)(s->base + i * s->slot + s->state_offset);
      if (st->co != NULL) fn(st, ud);
    }
}

void cl_slabs_free(cl_Runtime *R, cl_Slabs *S) {
  while (S->all != NULL) {
    cl_Slab *s = S->all;
    size_t bytes = s->bytes;
    S->all = s->next;
    take_unpoisoned(S->watched, s->base, s->nslots * s->slot);  /* the header never was */
    cl_free(R, s, bytes);
  }
  cl_free(R, S->map, S->map_size * sizeof *S->map);
  cl_free(R, S->classes, (size_t)S->classes_size * sizeof *S->classes);
  memset(S, 0, sizeof *S);
}
