/*
** slab.h — the memory of the frames the runtime allocates itself (promise
** types with neither operator_new nor operator_delete): slabs of equal
** slots, kept until the runtime closes. A slot's state can therefore be
** read through any handle, even a stale one, so these frames need no
** registry entry: a page map finds the slab of an address, and the slot's
** state says whether a frame lives there. Internal to core/.
*/
#ifndef CL_SLAB_H
#define CL_SLAB_H

#include <stddef.h>
#include <stdint.h>

struct cl_Runtime;
struct cl_FrameState;
typedef struct cl_Slab cl_Slab;

typedef struct cl_SlabClass {  /* slots of one size and layout */
  size_t slot;                 /* bytes per slot: the frame's size */
  size_t state_offset;         /* where its state is in a slot */
  struct cl_FrameState *free;  /* freed slots, last freed first, linked
                                  through their state's await_result */
  cl_Slab *current;            /* the slab new slots are carved from */
  size_t next_slots;           /* slots of the class's next slab */
} cl_SlabClass;

typedef struct cl_SlabPage {   /* page map entry: a slab overlaps page */
  uintptr_t page;              /* address >> CL_SLAB_PAGE_BITS; 0: empty */
  cl_Slab *slab;
} cl_SlabPage;

typedef struct cl_Slabs {
  cl_SlabClass *classes;
  int nclasses, classes_size, last;   /* last: the class last used */
  cl_SlabPage *map;            /* open addressing, a page once per slab */
  size_t map_size, map_count;
  cl_Slab *all;                /* every slab, newest first */
  size_t live;                 /* frames alive in slabs */
  int watched;                 /* valgrind watches kept memory (poison.h) */
} cl_Slabs;

/* a slot for a frame of size bytes with its state at state_offset (at
   most UINT_MAX: cl_Handle.slot); NULL when out of memory. Not zeroed.
   (frame.h's cl_slab_take does the usual case inline) */
void *cl_slab_alloc(struct cl_Runtime *R, size_t size, size_t state_offset);
/* frame h (state st) is gone: its slot is kept for the next frame, its
   state readable (no frame: co is NULL), the rest of it poisoned until
   the next frame takes it (frame.h's cl_slab_give: the usual case) */
void cl_slab_free(struct cl_Runtime *R, void *h, struct cl_FrameState *st);
/* the state of the live frame at p; *in_slab: p lies in a slab at all */
struct cl_FrameState *cl_slab_find(const cl_Slabs *S, const void *p, int *in_slab);
/* fn(st, ud) for the state of each frame alive in slabs */
void cl_slab_each(const cl_Slabs *S, void (*fn)(struct cl_FrameState *st, void *ud),
                  void *ud);
void cl_slabs_free(struct cl_Runtime *R, cl_Slabs *S);

#endif
