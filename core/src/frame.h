/*
** frame.h — the coroutine frame: layout, runtime state, and the runtime
** structure that owns frames. Internal to core/.
*/
#ifndef CL_FRAME_H
#define CL_FRAME_H

#include "corolab.h"
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
  void (*destroy_fn)(cl_Runtime *R, cl_Frame *h, void *locals, int scope);
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
  unsigned id;
  int index;                   /* suspend index */
  unsigned char state;         /* cl_State */
  unsigned char initial_await_resume_called;
  unsigned char await;         /* the pending co_await: its AwaitKind and
                                  its awaiter's AwaitStage (await.h) */
  unsigned char locals_alive;  /* the body has started and not yet ended */
  unsigned char spilled;       /* R->spills holds temporaries of this frame */
  unsigned char promise_alive; /* between the promise's constructor and the
                                  end of its destructor */
  unsigned char pinned;        /* how many pins (below) hold this frame */
  unsigned char scope;         /* the body's last CL_SCOPE marker */
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
  int nesting_limit;           /* the most depth may reach */
  cl_Pin *pins;                /* the innermost pin */
  cl_Frame *running;           /* innermost running frame (may have been
                                  destroyed since: check with running_id) */
  unsigned running_id;         /* its id; 0: none */
  Observer *observers;
  int nobservers, observers_size, next_observer;
  cl_LeakReporter leak_report;
  void *leak_ud;
  Spill *spills;
  Grave graves[CL_GRAVES];
  uint64_t frames_freed;       /* ever; graves keeps the last CL_GRAVES */
  uint64_t ready_calls;        /* of await_ready (cl_await_ready_calls) */
  CachedBlock cache[CL_CACHED_FRAMES];   /* last freed first */
  int ncached;
  struct cl_Frame noop;        /* noop_coroutine()'s frame */
  struct cl_Error *oom;        /* preallocated "out of memory" */
  struct cl_Error *errors;     /* the others alive, freed at close */
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
   a cl_Frame * at ret (cl_generator_type, cl_task_type) */
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

/* frames are at least 32 bytes apart: the bits above pick the entry */
#define cl_looked(R, h) (&(R)->looked[((uintptr_t)(h) >> 5) & (CL_LOOKED - 1)])

/* the live frame at h, or NULL */
cl_FrameState *cl_frame_find(cl_Runtime *R, cl_Frame *h);
static inline cl_FrameState *cl_frame_lookup(cl_Runtime *R, cl_Frame *h) {
  const cl_RegistrySlot *c = cl_looked(R, h);
  if (h == c->key && h != NULL) return c->state;
  return cl_frame_find(R, h);
}
/* where the body of st stands, "file:line" (from its where or source);
   0 if it cannot say */
int cl_body_place(cl_Runtime *R, cl_FrameState *st, char *buf, size_t n);
/* "coroutine #3 'range' (generator)" */
void cl_frame_name(const cl_FrameState *st, char *buf, size_t n);
/* an error for a handle that is no live frame: null, destroyed, or foreign */
cl_Error *cl_not_a_frame(cl_Runtime *R, const char *op, cl_Frame *h);
/* an error for a handle whose promise type is not pt */
cl_Error *cl_wrong_type(cl_Runtime *R, const char *op, cl_FrameState *st,
                        const cl_PromiseType *pt);
void cl_frame_bury(cl_Runtime *R, cl_FrameState *st);   /* forget it */
static inline void cl_set_running(cl_Runtime *R, cl_Frame *h, unsigned id) {
  R->running = h;
  R->running_id = id;
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
