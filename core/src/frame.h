/*
** frame.h — the coroutine frame: layout, runtime state, and the runtime
** structure that owns frames. Internal to core/.
*/
#ifndef CL_FRAME_H
#define CL_FRAME_H

#include <limits.h>
#include <string.h>

#include "corolab.h"
#include "poison.h"
#include "registry.h"
#include "slab.h"

/* the preconditions corolab.h states ("must not be NULL"): in a build with
   COROLAB_APICHECK, a broken one prints msg and aborts (also with NDEBUG),
   as Lua's api_check does with LUA_USE_APICHECK */
#ifdef COROLAB_APICHECK
void cl_api_fail(const char *msg, const char *file, int line);
#define cl_api_check(c, msg) ((c) ? (void)0 : cl_api_fail((msg), __FILE__, __LINE__))
#else
#define cl_api_check(c, msg) ((void)0)
#endif

#define CL_ALIGN 16u
#define cl_align(n) (((n) + (CL_ALIGN - 1)) & ~(size_t)(CL_ALIGN - 1))

/* the frame's head, as g++ and clang lay it out (corolab.h,
   CL_FRAME_PROMISE_OFFSET): resume fn at +0 (null once the coroutine is
   suspended at its final suspend point), destroy fn at +8, the promise at
   +16 */
struct cl_Frame {
  void (*resume_fn)(cl_Step *s);
  void (*destroy_fn)(cl_Runtime *R, cl_Handle h, void *locals, int scope);
};
_Static_assert(offsetof(struct cl_Frame, destroy_fn) == CL_FRAME_DESTROY_OFFSET &&
               sizeof(struct cl_Frame) == CL_FRAME_PROMISE_OFFSET,
               "the frame's head is corolab.h's");

/* the runtime's state for a frame, after the promise; kept small: the
   co_await's other temporaries with destructors, rare, live in R->spills */
typedef struct cl_FrameState {
  const cl_Coroutine *co;
  void *await_result;          /* where the pending await_resume writes */
  cl_Awaitable awaiter;        /* the pending co_await's awaiter; ops NULL: none */
  unsigned id;                 /* never given twice; 0 once the frame is
                                  freed (what a handle is checked against) */
  int index;                   /* suspend index */
  unsigned char state;         /* cl_State */
  unsigned char initial_await_resume_called;
  unsigned char await;         /* the pending co_await: its AwaitKind and
                                  its awaiter's AwaitStage (await.h) */
  unsigned char locals_alive;  /* the body has started and not yet ended */
  unsigned char scope;         /* the body's last CL_SCOPE marker */
  unsigned char promise_alive; /* between the promise's constructor and the
                                  end of its destructor */
  unsigned char spilled;       /* R->spills holds temporaries of this frame */
  unsigned char pinned;        /* how many pins (below) hold this frame */
  /* (scope, stored at every step, shares no word read at once with
     spilled and pinned, read after it: a wider load of a byte just stored
     waits for the store) */
} cl_FrameState;

/* A pin: the driver's hold on a frame it has suspended and handed to user
   code (observers, await_suspend). It lives on the driver's C stack, never
   in the frame, so it outlives the frame: a resume or destroy of the frame
   meanwhile marks it, and the driver reads the mark instead of the frame. */
enum { CL_PIN_RESUMED = 1, CL_PIN_DESTROYED = 2 };

typedef struct cl_Pin {
  struct cl_Pin *outer;
  const cl_Frame *frame;
  unsigned id;
  unsigned char left;          /* CL_PIN_RESUMED | CL_PIN_DESTROYED */
} cl_Pin;

typedef struct Observer { cl_Observer fn; void *ud; int id; } Observer;

typedef struct Spill {         /* temporaries of a co_await besides its awaiter */
  struct Spill *next;
  const struct cl_FrameState *st;
  int n;
  cl_Awaitable temps[2];       /* operand, await_transform's result */
  unsigned char stages[2];     /* their AwaitStage */
} Spill;

typedef struct Grave {         /* a recently destroyed frame, for messages */
  cl_Frame *frame;
  unsigned id;
  char name[52];               /* a copy: the coroutine may die with it */
} Grave;

#define CL_GRAVES 32
#define CL_CACHED_FRAMES 8     /* freed frame blocks kept for reuse */

typedef struct CachedBlock { void *block; size_t size; } CachedBlock;

struct cl_Error {
  struct cl_Error *prev, *next;  /* the runtime's live errors */
  cl_ErrorKind kind;
  void *payload;
  cl_PayloadFree release;
  char message[];
};

#define CL_LOOKED 8            /* frame lookups remembered (a power of two) */

struct cl_Runtime {
  cl_Alloc alloc;
  void *alloc_ud;
  void *userdata;
  cl_Slabs slabs;              /* the frames it allocates itself */
  cl_Registry frames;          /* the frames operator_new gave */
  /* a direct-mapped cache of recent lookups: the frames one operation
     touches (a task, its awaiter, its continuation) each keep theirs */
  cl_RegistrySlot looked[CL_LOOKED];
  unsigned next_id;
  unsigned long events;        /* emitted so far (cl_Event.serial) */
  int depth;                   /* nesting of resumes, calls and destroys */
  int task_path;               /* cl_task_type's own path may be taken
                                  (driver.c; COROLAB_NO_FASTPATH: not) */
  int nesting_limit;           /* the most depth may reach */
  cl_Pin *pins;                /* the innermost pin */
  cl_Handle running;           /* innermost running frame (may have been
                                  destroyed since); null: none */
  Observer *observers;
  int nobservers, observers_size, next_observer;
  cl_LeakReporter leak_report;
  void *leak_ud;
  cl_ErrorReporter error_report;
  void *error_ud;
  Spill *spills;
  Grave graves[CL_GRAVES];
  uint64_t frames_freed;       /* ever; graves keeps the last CL_GRAVES */
  uint64_t ready_calls;        /* of await_ready (cl_await_ready_calls) */
  CachedBlock cache[CL_CACHED_FRAMES];   /* last freed first */
  int ncached;
  struct cl_Frame noop;        /* noop_coroutine()'s frame */
  struct cl_Error *oom;        /* preallocated "out of memory" */
  struct cl_Error *errors;     /* the others alive, newest first, freed at
                                  close */
  cl_Registry live_errors;     /* the same by address, so that freeing one
                                  that is not alive is told without reading it */
};

static inline size_t cl_state_offset(const cl_PromiseType *pt) {
  return CL_FRAME_PROMISE_OFFSET + cl_align(pt->size);
}

static inline size_t cl_frame_size(const cl_Coroutine *co) {
  return cl_state_offset(co->promise_type) + cl_align(sizeof(struct cl_FrameState)) +
         co->locals_size;
}

#define cl_frame_of_state(st) \
  ((cl_Frame *)((char *)(st) - cl_state_offset((st)->co->promise_type)))
#define cl_state_locals(st)   ((void *)((char *)(st) + cl_align(sizeof(cl_FrameState))))

/* every change of a frame's state: the state, and what g++ keeps of done()
   in the frame's head, a null resume pointer while the coroutine is at its
   final suspend point (and after, as it is destroyed from there) */
static inline void cl_set_state(cl_FrameState *st, cl_State s) {
  if (s == CL_STATE_SUSPENDED_FINAL)
    cl_frame_of_state(st)->resume_fn = NULL;
  else if (s == CL_STATE_RUNNING && st->state == CL_STATE_SUSPENDED_FINAL)
    cl_frame_of_state(st)->resume_fn = st->co->step;      /* resumed from it */
  st->state = (unsigned char)s;
}

/* get_return_object of a type whose return object is the frame's handle,
   a cl_Handle at ret (cl_generator_type, cl_task_type) */
cl_Error *cl_return_handle(cl_Runtime *R, void *promise, void *ret);

/* pt is base, or extends it (cl_PromiseType.base) */
static inline int cl_extends(const cl_PromiseType *pt, const cl_PromiseType *base) {
  for (; pt != NULL; pt = pt->base)
    if (pt == base) return 1;
  return 0;
}

/* frames of a promise type with neither operator_new nor operator_delete
   come from the runtime's slabs; the others have a registry entry */
static inline int cl_in_slabs(const cl_PromiseType *pt) {
  return pt->operator_new == NULL && pt->operator_delete == NULL;
}

/* the slabs' usual case, inline (slab.c does the rest): a frame of the
   class last used takes the slot freed last, and gives its slot back */
static inline cl_SlabClass *cl_slab_last(cl_Slabs *S, size_t slot,
                                         size_t state_offset) {
  cl_SlabClass *k = S->nclasses > 0 ? &S->classes[S->last] : NULL;
  return k != NULL && k->slot == slot && k->state_offset == state_offset ? k : NULL;
}

static inline void *cl_slab_pop(cl_Slabs *S, cl_SlabClass *k, size_t size) {
  cl_FrameState *st = k->free;
  char *h = (char *)st - k->state_offset;
  k->free = (cl_FrameState *)st->await_result;
  take_unpoisoned(S->watched, h, size);
  S->live++;
  return h;
}

static inline void cl_slab_push(cl_Slabs *S, cl_SlabClass *k, void *h,
                                cl_FrameState *st) {
  size_t state_end = k->state_offset + cl_align(sizeof *st);
  st->co = NULL;
  st->await_result = k->free;
  k->free = st;
  S->live--;
  keep_poisoned(S->watched, h, k->state_offset);
  keep_poisoned(S->watched, (char *)h + state_end, k->slot - state_end);
}

static inline void *cl_slab_take(cl_Runtime *R, size_t size, size_t state_offset) {
  cl_SlabClass *k = cl_slab_last(&R->slabs, cl_align(size), state_offset);
  return k != NULL && k->free != NULL ? cl_slab_pop(&R->slabs, k, size)
                                      : cl_slab_alloc(R, size, state_offset);
}

/* (size: the frame's) */
static inline void cl_slab_give(cl_Runtime *R, void *h, cl_FrameState *st,
                                size_t size) {
  cl_SlabClass *k = cl_slab_last(&R->slabs, cl_align(size),
                                 (size_t)((char *)st - (char *)h));
  if (k != NULL) cl_slab_push(&R->slabs, k, h, st);
  else cl_slab_free(R, h, st);
}

/* frames are at least 32 bytes apart: the bits above pick the entry */
#define cl_looked(R, h) (&(R)->looked[((uintptr_t)(h) >> 5) & (CL_LOOKED - 1)])

/* the live frame at address h, or NULL */
cl_FrameState *cl_frame_find(cl_Runtime *R, cl_Frame *h);
static inline cl_FrameState *cl_frame_lookup(cl_Runtime *R, cl_Frame *h) {
  const cl_RegistrySlot *c = cl_looked(R, h);
  if (h == c->key && h != NULL) return (cl_FrameState *)c->value;
  return cl_frame_find(R, h);
}

/* cl_Handle.slot of a frame of type pt: a frame of the slabs keeps its
   state, and so its id, readable after it is freed (slab.h), so that its
   handle is checked where it points, with no lookup (the slabs take no
   frame whose state lies beyond UINT_MAX); any other frame is looked up
   (0) */
static inline unsigned cl_handle_slot(const cl_PromiseType *pt) {
  return cl_in_slabs(pt) ? (unsigned)cl_state_offset(pt) : 0;
}

/* *out = h, in two words, as a caller reads a handle to pass it by value
   (in two registers): a load of a word that two narrower stores just made
   waits until they are done (no store forwarding) */
static inline void cl_put_handle(cl_Handle *out, cl_Handle h) {
  struct { unsigned id, slot; } tail;
  tail.id = h.id;
  tail.slot = h.slot;
  out->frame = h.frame;
  memcpy(&out->id, &tail, sizeof tail);
}

/* the handle of st's frame */
static inline cl_Handle cl_handle_of(const cl_FrameState *st) {
  cl_Handle h;
  h.frame = cl_frame_of_state(st);
  h.id = st->id;
  h.slot = cl_handle_slot(st->co->promise_type);
  return h;
}

#ifdef COROLAB_APICHECK
/* a handle of the slabs (cl_Handle.slot) points into R's */
static inline int cl_slab_owns(cl_Runtime *R, const void *p) {
  int in_slab;
  cl_slab_find(&R->slabs, p, &in_slab);
  return in_slab;
}
#define cl_check_owner(R, h) cl_api_check(cl_slab_owns((R), (h).frame), \
  "a cl_Handle must be one its runtime made (this one is another " \
  "runtime's, or made up)")
#else
#define cl_check_owner(R, h) ((void)0)
#endif

/* the live frame h refers to, or NULL (h is null, the noop coroutine,
   stale, or no frame of R): one load and one compare for a frame of the
   slabs, a lookup for the others */
static inline cl_FrameState *cl_handle_state(cl_Runtime *R, cl_Handle h) {
  cl_FrameState *st;
  if (h.slot != 0) {
    cl_check_owner(R, h);
    st = (cl_FrameState *)((char *)h.frame + h.slot);
  } else if ((st = cl_frame_lookup(R, h.frame)) == NULL)
    return NULL;
  return st->id == h.id ? st : NULL;
}

/* where the body of st stands, "file:line" (from its where or source);
   0 if it cannot say */
int cl_body_place(cl_Runtime *R, cl_FrameState *st, char *buf, size_t n);
/* "coroutine #3 'range' (generator)" */
void cl_frame_name(const cl_FrameState *st, char *buf, size_t n);
/* an error for a handle that is no live frame: null, stale, or foreign */
cl_Error *cl_not_a_frame(cl_Runtime *R, const char *op, cl_Handle h);
/* an error for a handle whose promise type is not pt */
cl_Error *cl_wrong_type(cl_Runtime *R, const char *op, cl_FrameState *st,
                        const cl_PromiseType *pt);
/* forget st's frame (h; of the slabs, or not), kept in a grave for
   messages: its handles are stale from now on */
static inline void cl_frame_bury(cl_Runtime *R, cl_Frame *h, cl_FrameState *st,
                                 int slabs) {
  Grave *g = &R->graves[R->frames_freed++ % CL_GRAVES];
  g->frame = h;
  g->id = st->id;
  const char *name = st->co->name;           /* a bounded copy: no printf */
  size_t i = 0;
  for (; i < sizeof g->name - 1 && name[i] != '\0'; i++) g->name[i] = name[i];
  g->name[i] = '\0';
  cl_RegistrySlot *c = cl_looked(R, h);
  if (c->key == h) c->key = NULL;
  if (!slabs) cl_registry_remove(&R->frames, h);
  st->id = 0;
}

/* pins (see cl_Pin): pin a frame, mark its pins, let go of it */
static inline void cl_pin(cl_Runtime *R, cl_Pin *pin, cl_FrameState *st) {
  pin->outer = R->pins;
  pin->frame = cl_frame_of_state(st);
  pin->id = st->id;
  pin->left = 0;
  R->pins = pin;
  st->pinned++;
}
void cl_pins_mark(cl_Runtime *R, const cl_FrameState *st, int how);
/* st: the frame's state, read only if the pin says it is still alive */
static inline void cl_unpin(cl_Runtime *R, cl_Pin *pin, cl_FrameState *st) {
  R->pins = pin->outer;
  if (!(pin->left & CL_PIN_DESTROYED)) st->pinned--;
}

#endif
