/*
** registry.h — the live frames whose memory a promise type's operator_new
** gave: an open-addressing hash map from frame address to its state, so
** any handle can be checked (the runtime's own frames are in slab.h).
*/
#ifndef CL_REGISTRY_H
#define CL_REGISTRY_H

#include <stddef.h>

struct cl_Runtime;
struct cl_FrameState;

typedef struct cl_RegistrySlot {
  const void *key;                   /* frame address; NULL: empty */
  struct cl_FrameState *state;
} cl_RegistrySlot;

typedef struct cl_Registry {
  cl_RegistrySlot *slots;
  size_t size;                       /* a power of two, or 0 */
  size_t count;
} cl_Registry;

int cl_registry_add(struct cl_Runtime *R, cl_Registry *g, const void *key,
                    struct cl_FrameState *st);        /* 0: out of memory */
/* the state of the live frame at key, or NULL */
struct cl_FrameState *cl_registry_find(const cl_Registry *g, const void *key);
void cl_registry_remove(cl_Registry *g, const void *key);
void cl_registry_free(struct cl_Runtime *R, cl_Registry *g);

#endif
