/*
** corolab.h — the C++20 coroutine machinery as a C library.
** One prefix (cl_), one runtime per caller (like a lua_State), errors as values.
** Valid C11 and valid C++ (it never uses co_await/co_yield/co_return as names).
** OpenCL's names begin with cl_ too: its types are lower case (cl_event,
** cl_int), its functions camel case (clCreateContext); corolab's types are
** capitalised (cl_Event, cl_Frame), its functions have underscores
** (cl_resume). Both headers compile together, but cl_Event (a corolab
** lifecycle event) and cl_event (an OpenCL command's) differ by one letter.
**
** Preconditions, as lua.h has them: a pointer argument (the runtime R, an
** out-parameter, a function table, a name, a callback) must not be NULL,
** except a void * (user data, arguments, payloads, an awaiter's self: passed
** on, or checked) and one whose comment says "NAME may be NULL". A handle
** (cl_Handle) is one the runtime R gave, or the null handle: every call that
** takes one checks it against the live frames and returns a CL_MISUSE error
** naming what is wrong, and a handle whose frame was destroyed stays told
** apart from a newer frame at the same address (see cl_Handle). Build with
** -DCOROLAB_APICHECK (the sanitizer build does) to turn the NULL
** preconditions into assertions (tests/core/preconditions.lua lists them
** from this header, and checks each one).
**
** Re-entrancy: every call into user code (promise and awaiter members,
** bodies, observers, allocators) may call back into the runtime, resume or
** destroy any frame, including the one being worked on. The runtime stays
** consistent: what C++ allows works as in C++, what it leaves undefined is
** an error, never a crash.
*/
#ifndef COROLAB_H
#define COROLAB_H

#include <stddef.h>
#include <stdint.h>

#include "corolab_version.h"

/* what the library exports: every function and object this header
   declares, and nothing else (it is built with hidden visibility, as Lua
   keeps its internals apart with LUAI_FUNC) */
#if defined(__GNUC__)
#define CL_API __attribute__((visibility("default")))
#else
#define CL_API
#endif

#ifdef __cplusplus
extern "C" {
#endif


/* the library's version at run time, "corolab X.Y.Z": COROLAB_VERSION as
   the library was built (compare it with the header's, as lua_version and
   sqlite3_libversion let a program do) */
CL_API const char *cl_version(void);

typedef struct cl_Runtime cl_Runtime;   /* everything lives in one; no globals */
typedef struct cl_Frame cl_Frame;       /* a coroutine frame (its address) */
typedef struct cl_Error cl_Error;       /* the C form of an exception */

/* A coroutine_handle: the frame's address, as C++'s, and the id the frame
   had when the handle was made. A runtime gives an id once (until 2^32
   frames later), so a handle that outlived its frame cannot reach the
   newer frame that the runtime puts at the same address (it hands the
   last freed address out first): every call that takes a handle names it
   stale. Copy handles
   freely; make them only with the runtime's calls (a zeroed cl_Handle is
   the null handle). cl_address and cl_from_address are C++'s round trip
   through the address alone. */
typedef struct cl_Handle {
  cl_Frame *frame;             /* the frame's address; NULL: the null handle */
  unsigned id;                 /* the frame's id (cl_FrameInfo.id) */
  unsigned slot;               /* the runtime's: where a frame of its slabs
                                  keeps its id (0: the frame is looked up) */
} cl_Handle;

/* -------------------------------------------------------------- errors -- */

/* An error has one owner at a time, who frees it once with cl_error_free
   or hands it on (a body raises it with CL_RAISE, a member returns it;
   unhandled_exception gets one to keep, free or return). Whoever gets one
   from a call owns it: every call of this header that returns a
   cl_Error * (cl_resume, cl_destroy, cl_call, cl_task_run,
   cl_generator_next, ...) hands it to its caller, never keeping a
   reference. An error lives until it is freed or its runtime closes;
   cl_runtime_close reports those never freed (cl_set_error_reporter), as
   it reports frames, then frees them. */
typedef enum cl_ErrorKind {
  CL_EXCEPTION,      /* raised by a body or a callback: C++'s "throw" */
  CL_MISUSE,         /* undefined behaviour or ill-formed in C++: a bad call */
  CL_NOMEMORY        /* an allocation failed (std::bad_alloc) */
} cl_ErrorKind;

/* payload release: called by cl_error_free for errors that carry one */
typedef void (*cl_PayloadFree)(cl_Runtime *R, void *payload);

CL_API cl_Error *cl_error_new(cl_Runtime *R, cl_ErrorKind kind,
                             const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;
/* release may be NULL: the payload is then the caller's to free */
CL_API cl_Error *cl_error_with_payload(cl_Runtime *R, const char *message,
                                       void *payload, cl_PayloadFree release);
CL_API cl_ErrorKind cl_error_kind(const cl_Error *e);
CL_API const char *cl_error_message(const cl_Error *e);
CL_API void *cl_error_payload(const cl_Error *e);
/* frees e and its payload (e may be NULL: nothing to free); returns NULL,
   or a CL_MISUSE error when e is no live error of R (freed already, or
   another runtime's): then nothing is freed, and e is never read. (As
   with free(), a freed error's memory may serve a new one: a second free
   after that frees the new) */
CL_API cl_Error *cl_error_free(cl_Runtime *R, cl_Error *e);

/* ------------------------------------------------------------- runtime -- */

/* allocator in lua_Alloc's manner: nsize 0 frees; returns NULL on failure */
typedef void *(*cl_Alloc)(void *ud, void *ptr, size_t osize, size_t nsize);

/* alloc may be NULL: malloc */
CL_API cl_Runtime *cl_runtime_new(cl_Alloc alloc, void *alloc_ud);
/* reports the frames still alive as leaks (see cl_set_leak_reporter), then
   destroys them; reports the errors never freed (cl_set_error_reporter),
   then frees them; returns how many frames it found. From inside a body,
   callback or observer of R (which would return into a closed runtime) it
   does nothing and returns SIZE_MAX */
CL_API size_t cl_runtime_close(cl_Runtime *R);
CL_API void *cl_runtime_userdata(cl_Runtime *R);
CL_API void cl_runtime_set_userdata(cl_Runtime *R, void *ud);
CL_API void *cl_alloc(cl_Runtime *R, size_t size);   /* runtime's allocator */
CL_API void cl_free(cl_Runtime *R, void *p, size_t size);     /* p may be NULL */
/* frame memory for a promise type's operator_new to hand out (and what a
   frame gets whose type has operator_delete but no operator_new): the
   runtime keeps a few freed blocks and hands the last one out again, as a
   C++ program's allocator does, so a new frame often has the address of
   one just destroyed (handles keep ids to tell them apart). Frames of a
   type with neither come from the runtime's slabs (see "Lifetimes") */
CL_API void *cl_frame_alloc(cl_Runtime *R, size_t size);
CL_API void cl_frame_free(cl_Runtime *R, void *frame,     /* may be NULL */
                          size_t size);

/* Resumes, coroutine calls and destroys nest on the C stack (a symmetric
   transfer does not). Past the limit, they fail with a CL_MISUSE error
   instead of overflowing the stack. A limit must be 1 or more, and at most
   what the calling thread's C stack holds below the call, less 64 KiB, at
   CL_NESTING_STACK bytes a level (the driver's own frames take under a
   quarter of that, a third under AddressSanitizer; bodies and members
   have the rest): else a CL_MISUSE
   error says the most, and the limit stays. Set it in the thread that runs
   the runtime, from about as deep in its stack. */
#define CL_NESTING_LIMIT 150
#define CL_NESTING_STACK 4096
CL_API cl_Error *cl_set_nesting_limit(cl_Runtime *R, int limit);

/* ----------------------------------------------------------- awaitables -- */

typedef enum cl_SuspendKind {  /* what await_suspend returned */
  CL_SUSPEND_VOID,             /* void: stay suspended */
  CL_SUSPEND_BOOL,             /* bool: false resumes at once */
  CL_SUSPEND_HANDLE            /* coroutine_handle: symmetric transfer */
} cl_SuspendKind;

typedef struct cl_SuspendResult {
  cl_SuspendKind kind;
  int value;                   /* for CL_SUSPEND_BOOL */
  cl_Handle handle;            /* for CL_SUSPEND_HANDLE: checked as cl_resume
                                  checks it */
} cl_SuspendResult;

typedef struct cl_AwaitableOps cl_AwaitableOps;

/* What an awaiter's members do, when they do what the flag says
   (cl_AwaitableOps.flags): the runtime may then do it itself, without
   calling them, as a compiler does once it has inlined them. It does so
   while nothing observes (an observer sees every member called). An ops
   that declares a flag must keep its promise, or the two runs differ. */
enum {
  /* as std::suspend_always: await_ready returns false, await_suspend
     returns void, await_resume gives nothing, no destructor; self unused */
  CL_AWAITER_SUSPEND_ALWAYS = 1 << 0,
  /* as std::suspend_never: the same, but await_ready returns true */
  CL_AWAITER_SUSPEND_NEVER = 1 << 1,
  /* co_await of a task (cl_task_awaitable): self is the frame of a
     CL_PROMISE_TASK promise type; await_ready returns its done(), and
     await_suspend(h) stores h as the task's continuation and returns the
     task's handle. await_resume and the destructor are called */
  CL_AWAITER_STARTS_TASK = 1 << 2,
  /* a task's final awaiter: await_ready returns false, await_suspend(h)
     returns the continuation stored in h's promise (of a CL_PROMISE_TASK
     type), or noop_coroutine() if none; await_resume gives nothing, no
     destructor */
  CL_AWAITER_TO_CONTINUATION = 1 << 3
};

/* an object with awaiter/awaitable members: ops say what it can do */
typedef struct cl_Awaitable {
  const cl_AwaitableOps *ops;
  void *self;
} cl_Awaitable;

typedef enum cl_AwaitMember {
  CL_MEMBER_CO_AWAIT,          /* a.operator co_await() */
  CL_FREE_CO_AWAIT,            /* operator co_await(a) */
  CL_AWAIT_READY, CL_AWAIT_SUSPEND, CL_AWAIT_RESUME
} cl_AwaitMember;

struct cl_AwaitableOps {
  const char *name;            /* type name, for events and messages */
  /* dynamically typed objects say which members they have; NULL: the
     non-NULL function pointers below are the members */
  int (*has)(cl_Runtime *R, void *self, cl_AwaitMember m);
  cl_Error *(*member_co_await)(cl_Runtime *R, void *self, cl_Awaitable *awaiter);
  cl_Error *(*free_co_await)(cl_Runtime *R, void *self, cl_Awaitable *awaiter);
  cl_Error *(*await_ready)(cl_Runtime *R, void *self, int *ready);
  cl_Error *(*await_suspend)(cl_Runtime *R, void *self, cl_Handle h,
                             cl_SuspendResult *result);
  /* result: where the co_await expression's value goes (may be NULL) */
  cl_Error *(*await_resume)(cl_Runtime *R, void *self, void *result);
  void (*destroy)(cl_Runtime *R, void *self);    /* destructor; may be NULL */
  /* optional: describe self in a few words for events (buffer of size n) */
  void (*describe)(cl_Runtime *R, void *self, char *buf, size_t n);
  unsigned flags;              /* CL_AWAITER_*: what the members do */
};

/* an awaitable: ops, and the object they work on (self must outlive the
   co_await: keep it in the frame's locals, see "Lifetimes" below) */
static inline cl_Awaitable cl_awaitable(const cl_AwaitableOps *ops, void *self) {
  cl_Awaitable a;
  a.ops = ops;
  a.self = self;
  return a;
}

/* members to reuse in an awaiter's ops: bool await_ready() { return
   false; } and void await_resume() {} */
CL_API cl_Error *cl_await_ready_false(cl_Runtime *R, void *self, int *ready);
CL_API cl_Error *cl_await_resume_void(cl_Runtime *R, void *self, void *result);

CL_API extern const cl_AwaitableOps cl_suspend_always_ops;
CL_API extern const cl_AwaitableOps cl_suspend_never_ops;
CL_API cl_Awaitable cl_suspend_always(void);
CL_API cl_Awaitable cl_suspend_never(void);

/* -------------------------------------------------------- promise types -- */

/* What a promise type is, for the runtime's shortcuts (as for awaiters,
   see CL_AWAITER_SUSPEND_ALWAYS): cl_PromiseType.flags */
enum {
  /* its promise begins with a cl_TaskPromise, which a task's awaiters read
     and write (cl_task_type; a type made from it keeps the flag) */
  CL_PROMISE_TASK = 1 << 0,
  /* yield_value(v) sets the promise's first member, a void * (as
     cl_GeneratorPromise's current), to v, returns suspend_always and does
     nothing else (cl_generator_type) */
  CL_PROMISE_YIELD_KEEPS_POINTER = 1 << 1
};

typedef struct cl_PromiseType {
  const char *name;
  size_t size;                 /* sizeof(promise_type) */
  void *userdata;              /* for the type's author (bindings) */
  /* promise_type(args...) or promise_type(); NULL: zero-initialised */
  cl_Error *(*construct)(cl_Runtime *R, void *promise, void *args);
  /* R ret = promise.get_return_object(); ret points at caller storage */
  cl_Error *(*get_return_object)(cl_Runtime *R, void *promise, void *ret);
  cl_Error *(*initial_suspend)(cl_Runtime *R, void *promise, cl_Awaitable *out);
  cl_Error *(*final_suspend)(cl_Runtime *R, void *promise, cl_Awaitable *out);
  cl_Error *(*yield_value)(cl_Runtime *R, void *promise, void *value,
                           cl_Awaitable *out);
  cl_Error *(*return_value)(cl_Runtime *R, void *promise, void *value);
  cl_Error *(*return_void)(cl_Runtime *R, void *promise);
  /* receives the exception (owned); returns NULL or an error to rethrow */
  cl_Error *(*unhandled_exception)(cl_Runtime *R, void *promise, cl_Error *e);
  cl_Error *(*await_transform)(cl_Runtime *R, void *promise,
                               cl_Awaitable operand, cl_Awaitable *out);
  /* operator new(size, args...): NULL means failure (then *error, if set,
     is raised; else get_return_object_on_allocation_failure or bad_alloc) */
  void *(*operator_new)(cl_Runtime *R, const struct cl_PromiseType *pt,
                        size_t size, void *args, cl_Error **error);
  void (*operator_delete)(cl_Runtime *R, const struct cl_PromiseType *pt,
                          void *frame, size_t size);
  cl_Error *(*get_return_object_on_allocation_failure)(cl_Runtime *R,
                                                       const struct cl_PromiseType *pt,
                                                       void *ret);
  void (*destroy)(cl_Runtime *R, void *promise);    /* ~promise_type() */
  void (*return_object_destroy)(cl_Runtime *R, void *ret);  /* ~R(), on a
                                                     prologue exception */
  /* the promise type this one extends, or NULL: its promise begins with
     base's, and what takes base's frames (cl_generator_next,
     cl_task_awaitable) takes its frames too */
  const struct cl_PromiseType *base;
  unsigned flags;              /* CL_PROMISE_*; 0: say nothing */
} cl_PromiseType;

/* checks C++'s rules for a promise type; NULL if well-formed, else an error
   worded like a compiler's ([dcl.fct.def.coroutine]) */
CL_API cl_Error *cl_promise_type_check(cl_Runtime *R, const cl_PromiseType *pt);

/* ------------------------------------------------------------- bodies -- */

typedef enum cl_RequestKind {  /* what a body step ends in */
  CL_REQ_AWAIT,                /* co_await operand */
  CL_REQ_YIELD,                /* co_yield value */
  CL_REQ_RETURN_VALUE,         /* co_return value; */
  CL_REQ_RETURN_VOID,          /* co_return; */
  CL_REQ_FLOW_OFF,             /* flowed off the end of the body */
  CL_REQ_RAISE,                /* threw error */
  CL_REQ_MISUSE,               /* cannot go on (C++: ill-formed or undefined):
                                  error, a CL_MISUSE naming the rule, goes to
                                  the resumer, never to unhandled_exception;
                                  the coroutine ends there, done */
  CL_REQ_NONE                  /* set before each step: a step that leaves it
                                  returned without a request (a plain return;
                                  in a body), which is an error */
} cl_RequestKind;

/* one body step: the driver fills the first part, the body the second */
typedef struct cl_Step {
  cl_Runtime *R;
  cl_Handle handle;            /* this coroutine's handle */
  void *promise;
  void *locals;                /* the body's storage in the frame */
  int index;                   /* suspend index: in and out (0 = start; a
                                  step that asks to suspend leaves it not 0,
                                  the point to resume at) */
  int scope;                   /* the body's scope marker (CL_SCOPE): in and
                                  out, 0..255, 0 at the start */
  cl_Error *thrown;            /* in: raised by the co_await just resumed.
                                  The driver owns it: it frees it when the
                                  step returns, unless the body raised it
                                  (CL_AWAIT does) or took it (CL_AWAIT_CATCH
                                  sets thrown to NULL: the body owns it and
                                  must cl_error_free it). A step that goes on
                                  without doing either is an error */
  /* the request */
  cl_RequestKind request;
  cl_Awaitable operand;        /* CL_REQ_AWAIT */
  void *value;                 /* YIELD/RETURN_VALUE: the operand */
  void *result;                /* AWAIT/YIELD: where the value of the
                                  expression (await_resume's) goes, or NULL */
  cl_Error *error;             /* CL_REQ_RAISE, CL_REQ_MISUSE (owned by the
                                  driver) */
} cl_Step;

typedef struct cl_Coroutine {  /* a coroutine function: return type + body */
  const char *name;
  const cl_PromiseType *promise_type;
  size_t locals_size;          /* parameter copies and locals */
  /* parameter copies by size: the first args_size bytes of args are copied
     to the start of the locals (before init, if any); 0: none */
  size_t args_size;
  void *userdata;              /* for the body's author (bindings) */
  /* copy the parameters into the frame (before the promise is built); may
     be NULL */
  cl_Error *(*init)(cl_Runtime *R, cl_Handle h, void *locals, void *args);
  void (*step)(cl_Step *s);    /* run to the next suspension point */
  /* destroy the locals in scope, innermost first: scope is the body's last
     CL_SCOPE marker (0 if it never set one); may be NULL */
  void (*destroy_locals)(cl_Runtime *R, cl_Handle h, void *locals, int scope);
  void (*destroy_params)(cl_Runtime *R, cl_Handle h, void *locals);
  /* where a suspend index is in the source, for display; may be NULL: then
     source (the body's file, whose lines the CL_ macros use as suspend
     indices: __FILE__) makes "file:line"; both NULL: "suspend index N" */
  void (*where)(cl_Runtime *R, cl_Handle h, void *locals, int index,
                char *buf, size_t n);
  const char *source;
  /* [dcl.fct.def.coroutine]/7: when get_return_object's result is not the
     return type, R's converting constructor: called when control first
     returns to the caller, it turns *ret into the call's result and
     destroys what was there; an error fails the call (the state is torn
     down, as when the prologue throws). May be NULL: no conversion */
  cl_Error *(*convert)(cl_Runtime *R, const struct cl_Coroutine *co, void *ret);
} cl_Coroutine;

/* call a coroutine: the whole prologue, up to the initial suspension (or
   further if it does not suspend). *ret receives the return object (ret
   may be NULL for a type that has none, as cl_detached_type; the other
   reference types' is the handle, and NULL is then an error). On an
   error before the initial await_resume, nothing is left alive. args (what
   init and the promise's construct get, and what args_size bytes are
   copied from) may be NULL when args_size is 0. What C++ checks when it
   compiles a coroutine is checked here, at every call, before anything
   runs: a NULL step, name or promise_type, args_size larger than
   locals_size, and the promise type's members (cl_promise_type_check) are
   errors that name the field. */
CL_API cl_Error *cl_call(cl_Runtime *R, const cl_Coroutine *co, void *args,
                         void *ret);

/* Resume-point macros for C bodies: a switch on the suspend index (the
   source line), locals in the frame. Inside `void step(cl_Step *s)`:
     CL_BEGIN(s);
       CL_AWAIT(s, &result, awaitable);     r = co_await awaitable;
       CL_AWAIT_CATCH(s, &result, err, aw); try { r = co_await aw; }
                                            catch (...) { err = the error; }
       CL_YIELD(s, &value);                 co_yield value;
       CL_RETURN(s, &value);                co_return value;
       CL_RETURN_VOID(s);                   co_return;
       CL_RAISE(s, error);                  throw error;
       CL_CALL(s, &ret, &co, args);         ret = co(args...); (throws on error)
       CL_AWAIT_TASK(s, &result, &co, args); result = co_await co(args...);
       CL_SCOPE(s, n);                      the locals of scope n are alive
     CL_END(s);                             flows off the end
   result may be NULL (the value is dropped). The awaitable, value and args
   are the last arguments, so compound literals may be written in place:
   CL_AWAIT(s, NULL, (cl_Awaitable){&sleep_ops, &l->sleep}). Everything a
   macro reads after the step returns must live in the frame (see
   "Lifetimes"). Each suspending macro is a case label: one per source
   line, never inside a nested switch, never jumping over a declaration
   with an initializer (-Wjump-misses-init says so). A suspend index the
   switch does not know is an error, reported by CL_BEGIN's default; so is
   a request to suspend (CL_REQ_AWAIT, CL_REQ_YIELD set by hand) that
   leaves the index at 0, which would start the body again at each resume. */
CL_API void cl_step_unknown(cl_Step *s);   /* CL_BEGIN's default: a CL_MISUSE */

#define CL_BEGIN(s) \
  switch ((s)->index) { default: cl_step_unknown(s); return; case 0:
#define CL_SUSPEND_AT_(s, kind, v, r) \
  (s)->request = (kind); (s)->value = (void *)(v); (s)->result = (void *)(r); \
  (s)->index = __LINE__; return; case __LINE__:
#define CL_AWAIT(s, result, ...) \
  do { (s)->operand = (__VA_ARGS__); \
       CL_SUSPEND_AT_(s, CL_REQ_AWAIT, NULL, result) \
       if ((s)->thrown) CL_RAISE(s, (s)->thrown); } while (0)
#define CL_AWAIT_CATCH(s, result, err, ...) \
  do { (s)->operand = (__VA_ARGS__); \
       CL_SUSPEND_AT_(s, CL_REQ_AWAIT, NULL, result) \
       (err) = (s)->thrown; (s)->thrown = NULL; } while (0)
#define CL_YIELD(s, ...) \
  do { CL_SUSPEND_AT_(s, CL_REQ_YIELD, (__VA_ARGS__), NULL) \
       if ((s)->thrown) CL_RAISE(s, (s)->thrown); } while (0)
#define CL_RETURN(s, ...) \
  do { (s)->request = CL_REQ_RETURN_VALUE; (s)->value = (void *)(__VA_ARGS__); \
       return; } while (0)
#define CL_RETURN_VOID(s)  do { (s)->request = CL_REQ_RETURN_VOID; return; } while (0)
#define CL_RAISE(s, err) \
  do { (s)->request = CL_REQ_RAISE; (s)->error = (err); return; } while (0)
#define CL_CALL(s, ret, co, ...) \
  do { if (((s)->error = cl_call((s)->R, (co), (__VA_ARGS__), (ret))) != NULL) \
         CL_RAISE(s, (s)->error); } while (0)
#define CL_AWAIT_TASK(s, result, co, ...) \
  do { { cl_Handle cl_task_; CL_CALL(s, &cl_task_, co, __VA_ARGS__); \
         (s)->operand = cl_task_awaitable((s)->R, cl_task_); } \
       CL_SUSPEND_AT_(s, CL_REQ_AWAIT, NULL, result) \
       if ((s)->thrown) CL_RAISE(s, (s)->thrown); } while (0)
#define CL_SCOPE(s, n)     ((s)->scope = (n))
#define CL_END(s)          } (s)->request = CL_REQ_FLOW_OFF; return

/* Lifetimes: what a C body, its promise type and its embedder must keep.
   - The step's C stack dies when it returns, at every suspension. What a
     macro hands the driver and the driver reads after the step returned
     lives in the frame's locals (or in static or heap storage), never in a
     step's local variable or a compound literal: the yielded and returned
     value, CL_AWAIT's result slot, the awaitable's self (suspend_always and
     suspend_never have none). In every build the driver rejects such a
     pointer into the step's stack (the 64 KiB below its own cl_Step) with a
     CL_MISUSE error, before it reads it.
     args of cl_call (and CL_CALL, CL_AWAIT_TASK) are read during the call
     only: a compound literal is fine there.
   - Locals: only the frame's locals survive a suspension; their cleanup
     (destroy_locals) gets the last CL_SCOPE marker, which says which of
     them are alive, when the coroutine ends or is destroyed.
   - A generator's value (cl_generator_next, promise->current) points at
     what the body yielded: valid until the generator is resumed again or
     destroyed.
   - The reference promise types' return object is the frame's handle, a
     cl_Handle: whoever called owns it and must cl_destroy it once done
     (a task awaited with cl_task_awaitable is destroyed by the co_await).
   - Errors belong to the runtime that made them and have one owner at a
     time (see "errors" above): whoever a call returns one to frees it,
     once, with cl_error_free; freeing it again is a CL_MISUSE error.
     cl_runtime_close reports and frees those still alive, so no error may
     outlive its runtime. s->thrown belongs to the driver until the body
     takes it (see cl_Step). What unhandled_exception receives is the
     promise's to keep or free.
   - A promise (cl_promise, cl_from_promise's argument) is valid while its
     frame lives, until its destructor runs; a generator's promise->error
     and a task's are the promise's until next() or the task's result
     hands them on.
   - A coroutine's definition (its cl_Coroutine, promise type and their
     members) outlives its frames and stays as it was while they live, as
     a compiled C++ program's code does: the driver reads it at every step.
   - Frames still alive at cl_runtime_close are reported (cl_set_leak_reporter)
     and then destroyed, as lua_close frees everything: suspended ones with
     cl_destroy (their locals, promise and parameter copies see their
     destructors run), so no memory stays behind.
   - Memory: a frame comes from the promise type's operator_new or, when
     the type has neither operator_new nor operator_delete, from the
     runtime's slabs: blocks from its allocator, which must return blocks
     aligned for max_align_t, kept until cl_runtime_close, so that a
     handle to a destroyed frame is still checked (its state stays
     readable; the rest of it is poisoned for ASan and valgrind). The last
     frame freed of a size is the next one made, at the same address. The
     driver zeroes the frame before the parameter copies, so a body's
     locals start as zero bytes. A frame never moves.
   - Threads: a runtime and its frames belong to one thread at a time; two
     runtimes share nothing, so one runtime per thread needs no locks. A
     frame never moves between runtimes. */
/* ------------------------------------------------------------- handles -- */

/* a coroutine's states, each with its words (cl_state_name) */
#define CL_STATES(X) \
  /* being created: before the initial suspend */ \
  X(PROLOGUE, "in its prologue") \
  X(SUSPENDED_INITIAL, "suspended at its initial suspend point") \
  /* at a co_await or co_yield */ \
  X(SUSPENDED, "suspended") \
  /* at the final suspend point: done() */ \
  X(SUSPENDED_FINAL, "suspended at its final suspend point") \
  /* resumed and not yet suspended again */ \
  X(RUNNING, "running") \
  /* destroy() in progress */ \
  X(DESTROYING, "being destroyed")

typedef enum cl_State {
#define CL_ENUM_(k, s) CL_STATE_##k,
  CL_STATES(CL_ENUM_)
#undef CL_ENUM_
  CL_STATE_COUNT
} cl_State;

CL_API extern const char *const cl_state_names[CL_STATE_COUNT];
/* cl_state_names[s]; "?" for no state */
CL_API const char *cl_state_name(cl_State s);

/* The frame's head, as g++ and clang lay it out: the resume function's
   pointer at +0, the destroy function's at CL_FRAME_DESTROY_OFFSET, the
   promise at CL_FRAME_PROMISE_OFFSET. A handle holds the frame's address,
   so from_promise and promise() are this arithmetic; these do it
   unchecked, cl_from_promise and cl_promise check it */
#define CL_FRAME_DESTROY_OFFSET sizeof(void (*)(void))
#define CL_FRAME_PROMISE_OFFSET (2 * sizeof(void (*)(void)))
static inline void *cl_frame_promise(cl_Frame *h) {
  return (char *)h + CL_FRAME_PROMISE_OFFSET;
}
static inline cl_Frame *cl_promise_frame(void *promise) {
  return (cl_Frame *)((char *)promise - CL_FRAME_PROMISE_OFFSET);
}

/* The calls on a handle. Each checks h first: the null handle, a handle
   whose frame was destroyed (named by its id, and the frame now at its
   address if any) and a frame of another promise type are CL_MISUSE
   errors. Every error a call returns is the caller's, to free once with
   cl_error_free (see "Lifetimes"). */
CL_API cl_Error *cl_resume(cl_Runtime *R, cl_Handle h);
CL_API cl_Error *cl_destroy(cl_Runtime *R, cl_Handle h);
/* *done: h is suspended at its final suspend point (the noop coroutine
   never is) */
CL_API cl_Error *cl_done(cl_Runtime *R, cl_Handle h, int *done);
/* h.promise() of a coroutine_handle<pt>; pt may be NULL: that handle is a
   coroutine_handle<>, and that (or a different type) is an error.
   *promise stays valid while the frame lives: until it is destroyed
   (cl_destroy, or its own end when final_suspend does not suspend), and
   not during the promise's destructor */
CL_API cl_Error *cl_promise(cl_Runtime *R, cl_Handle h, const cl_PromiseType *pt,
                            void **promise);
/* pt may be NULL: any promise type */
CL_API cl_Error *cl_from_promise(cl_Runtime *R, void *promise,
                                 const cl_PromiseType *pt, cl_Handle *h);
/* pt may be NULL: a type-erased handle (coroutine_handle<>::from_address);
   else the frame's promise type must be pt. It gives the handle of the
   frame that lives at the address now */
CL_API cl_Error *cl_from_address(cl_Runtime *R, void *address,
                                 const cl_PromiseType *pt, cl_Handle *h);
/* NULL if h is a live frame (or the noop coroutine), else the error op
   reports: h is null, stale, or no frame of R */
CL_API cl_Error *cl_check_handle(cl_Runtime *R, const char *op, cl_Handle h);
CL_API void *cl_address(cl_Handle h);                      /* h.address() */
CL_API int cl_handle_compare(cl_Handle a, cl_Handle b); /* <0, 0, >0: address */
CL_API cl_Handle cl_noop_coroutine(cl_Runtime *R);         /* one shared frame */

/* what a frame is, for explorers */
typedef struct cl_FrameInfo {
  unsigned id;
  cl_Handle handle;            /* the frame's */
  cl_State state;
  int index;                   /* suspend index */
  int scope;                   /* the body's last CL_SCOPE marker */
  int initial_await_resume_called;
  int promise_alive;           /* constructed and not yet destroyed */
  const cl_Coroutine *coroutine;
  void *promise, *locals;
  size_t frame_size;           /* bytes allocated */
  size_t promise_offset, state_offset, locals_offset;
  cl_Awaitable awaiter;        /* the one it waits on, if suspended */
} cl_FrameInfo;

/* 1 and *info filled if h is a live frame; 0 if not (null, stale, noop) */
CL_API int cl_frame_info(cl_Runtime *R, cl_Handle h, cl_FrameInfo *info);
/* h is a live frame: cl_check_handle's answer without the error */
CL_API int cl_is_live(cl_Runtime *R, cl_Handle h);
/* how many times R has called an awaiter's await_ready. A co_await that
   the runtime does itself, as the awaiter's flags allow (see
   CL_AWAITER_SUSPEND_ALWAYS), calls none of its members: this count shows
   which way a co_await went (for tests and explorers) */
CL_API uint64_t cl_await_ready_calls(cl_Runtime *R);
/* the live frames, in creation order: returns how many, and fills out
   with them when n is enough (out may be NULL) */
CL_API size_t cl_frames(cl_Runtime *R, cl_Handle *out, size_t n);
/* the innermost running frame; the null handle if none */
CL_API cl_Handle cl_running(cl_Runtime *R);
/* "file:line" or "initial suspend" etc. for h's current suspend point;
   "?" if h is no live frame */
CL_API void cl_where(cl_Runtime *R, cl_Handle h, char *buf, size_t n);

/* -------------------------------------------------------------- events -- */

#define CL_EVENT_KINDS(X) \
  X(OPERATOR_NEW, "operator new") \
  X(ALLOCATION_FAILURE, "get_return_object_on_allocation_failure") \
  X(PARAMS_COPY, "parameter copies") \
  X(PROMISE_CONSTRUCT, "promise_type") \
  X(GET_RETURN_OBJECT, "get_return_object") \
  X(INITIAL_SUSPEND, "initial_suspend") \
  X(AWAIT_TRANSFORM, "await_transform") \
  X(OPERATOR_CO_AWAIT, "operator co_await") \
  X(AWAIT_READY, "await_ready") \
  X(SUSPEND, "suspend") \
  X(AWAIT_SUSPEND, "await_suspend") \
  X(RESUME, "resume") \
  X(SYMMETRIC_TRANSFER, "symmetric transfer") \
  X(AWAIT_RESUME, "await_resume") \
  X(AWAITER_DESTROY, "~awaiter") \
  X(YIELD_VALUE, "yield_value") \
  X(RETURN_VALUE, "return_value") \
  X(RETURN_VOID, "return_void") \
  X(THROW, "throw") \
  X(UNHANDLED_EXCEPTION, "unhandled_exception") \
  X(FINAL_SUSPEND, "final_suspend") \
  X(DESTROY, "destroy") \
  X(LOCALS_DESTROY, "~locals") \
  X(PROMISE_DESTROY, "~promise_type") \
  X(PARAMS_DESTROY, "~parameters") \
  X(RETURN_OBJECT_DESTROY, "~return object") \
  X(RETURN_OBJECT_CONVERT, "convert return object") \
  X(OPERATOR_DELETE, "operator delete") \
  X(RETURN_TO_CALLER, "return to caller") \
  X(MISUSE, "misuse")

typedef enum cl_EventKind {
#define CL_ENUM_(k, s) CL_EV_##k,
  CL_EVENT_KINDS(CL_ENUM_)
#undef CL_ENUM_
  CL_EV_COUNT
} cl_EventKind;

CL_API extern const char *const cl_event_names[CL_EV_COUNT];
/* the kind named s (a name from cl_event_names or the enum's suffix in
   lower case, e.g. "await_suspend"); -1 if none */
CL_API int cl_event_kind_from_name(const char *s);

/* Why an event happened, where its kind alone does not say (cl_Event.cause),
   so that a program need not read the words of its detail:
   - resume: what resumed the coroutine;
   - return to caller: why control went back to the resumer;
   - the events of an awaitable (await_transform, operator co_await,
     await_ready, suspend, await_suspend, await_resume, ~awaiter): the member
     whose result it is (OPERAND: it is the co_await's operand itself);
   - misuse: what was refused, or broke a rule.
   Other events have none (CL_CAUSE_NONE). The names are for people. */
#define CL_EVENT_CAUSES(X) \
  X(RESUME_CALLED, "resume() was called") \
  X(TRANSFERRED, "await_suspend returned its handle (symmetric transfer)") \
  X(RETURNED_FALSE, "await_suspend returned false") \
  X(RETURNED_VOID, "await_suspend returned void") \
  X(RETURNED_TRUE, "await_suspend returned true") \
  X(RETURNED_NOOP, "await_suspend returned noop_coroutine()") \
  X(RESUMED_BEFORE_AWAIT_SUSPEND, "resumed before await_suspend was called") \
  X(DESTROYED_BEFORE_AWAIT_SUSPEND, "destroyed before await_suspend was called") \
  X(OPERAND, "the operand of co_await") \
  X(INITIAL_SUSPEND, "initial_suspend") \
  X(YIELD_VALUE, "yield_value") \
  X(FINAL_SUSPEND, "final_suspend") \
  X(AWAIT_TRANSFORM, "await_transform") \
  X(OPERATOR_CO_AWAIT, "operator co_await") \
  X(RESUME_REFUSED, "resume of a coroutine that is not suspended") \
  X(TRANSFER_REFUSED, "symmetric transfer to a coroutine that is not suspended") \
  X(DESTROY_REFUSED, "destroy of a coroutine that is not suspended") \
  X(LEFT_DURING_AWAIT_SUSPEND, "await_suspend went on with a coroutine resumed "\
                                "or destroyed meanwhile") \
  X(ILL_FORMED, "ill-formed or undefined in C++")

typedef enum cl_EventCause {
  CL_CAUSE_NONE,
#define CL_ENUM_(k, s) CL_CAUSE_##k,
  CL_EVENT_CAUSES(CL_ENUM_)
#undef CL_ENUM_
  CL_CAUSE_COUNT
} cl_EventCause;

CL_API extern const char *const cl_cause_names[CL_CAUSE_COUNT];   /* [0]: "" */

typedef struct cl_Event {
  cl_EventKind kind;
  unsigned frame_id;           /* 0: no frame (e.g. allocation failed) */
  cl_Handle handle;            /* the frame's (id frame_id); null if none */
  int index;                   /* suspend index at the event */
  int depth;                   /* nesting of resume calls, 0 = outermost */
  unsigned other_id;           /* resumer / transfer target, when any */
  unsigned long serial;        /* numbers the emissions (1, 2, ...): every
                                  observer of one event sees the same */
  cl_EventCause cause;         /* why, where the kind does not say it all */
  const char *detail;          /* e.g. awaiter type, error text; valid only
                                  during the observer call: copy to keep */
  const void *value;           /* yield_value, return_value: the operand,
                                  the pointer the promise gets; parameter
                                  copies, promise_type: the call's args (as
                                  cl_call got them); throw,
                                  unhandled_exception: the cl_Error thrown
                                  (its message is the detail; valid only
                                  during the observer call); else NULL */
} cl_Event;

typedef void (*cl_Observer)(cl_Runtime *R, const cl_Event *ev, void *ud);

/* returns an id for cl_unobserve, or -1 when out of memory. An observer
   sees the calls, resumes and destroys that start after it subscribes (a
   run that started unobserved takes the driver without events to its end).
   ud may be NULL. An observer may call back into the runtime: see the
   re-entrancy note at the top. */
CL_API int cl_observe(cl_Runtime *R, cl_Observer fn, void *ud);
CL_API void cl_unobserve(cl_Runtime *R, int id);

/* frames alive at cl_runtime_close are reported here (default: stderr) */
typedef void (*cl_LeakReporter)(cl_Runtime *R, const cl_FrameInfo *leak,
                                void *ud);
CL_API void cl_set_leak_reporter(cl_Runtime *R, cl_LeakReporter fn,
                                 void *ud);   /* fn may be NULL: none */

/* errors alive at cl_runtime_close, which their owners never freed, are
   reported here before they are freed: the first CL_ERRORS_REPORTED, the
   oldest first, each with its place i (1, 2, ...) among the count there
   are (default: stderr) */
#define CL_ERRORS_REPORTED 3
typedef void (*cl_ErrorReporter)(cl_Runtime *R, const cl_Error *e, size_t i,
                                 size_t count, void *ud);
CL_API void cl_set_error_reporter(cl_Runtime *R, cl_ErrorReporter fn,
                                  void *ud);   /* fn may be NULL: none */

/* --------------------------------------------- reference promise types -- */

/* values the reference types carry */
typedef union cl_Value { long long i; double n; void *p; } cl_Value;

/* generator: lazy; co_yield stores a pointer to the value; co_await in
   its body is ill-formed (its await_transform is deleted, as in C++23's
   std::generator) */
typedef struct cl_GeneratorPromise {
  void *current;               /* the value last yielded */
  cl_Error *error;             /* stored by unhandled_exception */
} cl_GeneratorPromise;

CL_API extern const cl_PromiseType cl_generator_type;
/* resume h, a generator (its promise type is cl_generator_type or extends
   it); *value = the next value, or NULL when done. Rethrows errors. A
   co_yield of NULL, which *value could not tell from the end, is a
   CL_MISUSE error naming where the body yielded it */
CL_API cl_Error *cl_generator_next(cl_Runtime *R, cl_Handle h, void **value);

/* task: lazy; co_await starts it by symmetric transfer, its final suspend
   transfers to the awaiter; errors are stored and raised by await_resume.
   It is task<T> (co_return *(cl_Value *)v) and task<void> (co_return; or
   flowing off: the result is 0) at once */
typedef struct cl_TaskPromise {
  cl_Handle continuation;      /* who awaits it; null: none */
  cl_Value result;             /* co_return *(cl_Value *)v */
  cl_Error *error;
} cl_TaskPromise;

CL_API extern const cl_PromiseType cl_task_type;
CL_API extern const cl_AwaitableOps cl_task_awaitable_ops;
/* co_await task(): the awaitable owns the task, like a temporary task
   object, and destroys it at the end of the full-expression. task must be
   a live task (cl_task_type, a type whose base it is, or a type with
   CL_PROMISE_TASK): anything else, a stale handle too, is a CL_MISUSE
   error raised at the co_await. Its self is the task's frame */
CL_API cl_Awaitable cl_task_awaitable(cl_Runtime *R, cl_Handle task);
/* run a task from plain code to completion: resume, then its result
   (result may be NULL: dropped). A task that suspends without finishing,
   and a frame that is no task, are CL_MISUSE errors */
CL_API cl_Error *cl_task_run(cl_Runtime *R, cl_Handle task, cl_Value *result);

/* detached: a fire-and-forget coroutine, eager and self-destroying, as C++
   programs write it (initial_suspend and final_suspend return
   suspend_never). cl_call runs its body to the first suspension; when the
   body ends (co_return; or flowing off), its state is destroyed inside the
   resume that ended it, and its handle is stale. It has no return object
   (cl_call's ret may be NULL), no return_value, yield_value or
   await_transform. An exception that leaves its body is where C++ calls
   std::terminate (its unhandled_exception does): here the resumer (or
   cl_call's caller) gets it as an error of the same kind and payload that
   names the coroutine, which is left at its final suspend point, done; the
   resumer destroys it (or cl_runtime_close reports and destroys it) */
CL_API extern const cl_PromiseType cl_detached_type;

#ifdef __cplusplus
}
#endif

#endif
