/*
** registry.h — an open-addressing hash map from an address to what lives
** there: the frames whose memory a promise type's operator_new gave, to
** their state, so that any address can be checked (the runtime's own
** frames are in slab.h); the live errors, so that a freed one is told.
*/
#ifndef CL_REGISTRY_H
#define CL_REGISTRY_H

#include <stddef.h>

struct cl_Runtime;

typedef struct cl_RegistrySlot {
  const void *key;                   /* an address; NULL: empty */
  void *value;                       /* what lives there */
} cl_RegistrySlot;

typedef struct cl_Registry {
  cl_RegistrySlot *slots;
  size_t size;                       /* a power of two, or 0 */
  size_t count;
} cl_Registry;

int cl_registry_add(struct cl_Runtime *R, cl_Registry *g, const void *key,
                    void *value);                     /* 0: out of memory */
/* the value at key, or NULL */
void *cl_registry_find(const cl_Registry *g, const void *key);
void cl_registry_remove(cl_Registry *g, const void *key);
void cl_registry_free(struct cl_Runtime *R, cl_Registry *g);

#endif
