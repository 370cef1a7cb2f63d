/*
** registry.h — the live frames of a runtime: an open-addressing hash map
** from frame address to its state, so any handle can be checked.
*/
#ifndef CL_REGISTRY_H
#define CL_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

struct cl_Runtime;
struct cl_FrameState;

typedef struct cl_RegistrySlot {
  const void *key;                   /* frame address; NULL: empty */
  struct cl_FrameState *state;
} cl_RegistrySlot;

#define CL_REGISTRY_CACHED 8         /* lookups remembered (a power of two) */

typedef struct cl_Registry {
  cl_RegistrySlot *slots;
  size_t size;                       /* a power of two, or 0 */
  size_t count;
  /* a direct-mapped cache of recent lookups: the frames one operation
     touches (a task, its awaiter, its continuation) each keep their entry */
  cl_RegistrySlot cached[CL_REGISTRY_CACHED];
} cl_Registry;

/* frames are at least 32 bytes apart: bits above those pick the entry */
#define cl_registry_cached(g, key) \
  (&(g)->cached[((uintptr_t)(key) >> 5) & (CL_REGISTRY_CACHED - 1)])

int cl_registry_add(struct cl_Runtime *R, cl_Registry *g, const void *key,
                    struct cl_FrameState *st);        /* 0: out of memory */
struct cl_FrameState *cl_registry_find(cl_Registry *g, const void *key);

/* the state of the live frame at key, or NULL */
static inline struct cl_FrameState *cl_registry_get(cl_Registry *g, const void *key) {
  const cl_RegistrySlot *c = cl_registry_cached(g, key);
  if (key == c->key && key != NULL) return c->state;
  return cl_registry_find(g, key);
}
void cl_registry_remove(cl_Registry *g, const void *key);
void cl_registry_free(struct cl_Runtime *R, cl_Registry *g);

#endif
