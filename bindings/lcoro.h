/*
** lcoro.h — internals shared by the files of the Lua module "coro": the
** per-state context, promise types known to Lua, handles, Lua bodies.
*/
#ifndef lcoro_h
#define lcoro_h

#include <lua.h>
#include <lauxlib.h>

#include "corolab.h"
#include "luacoro.h"

/* the kinds of our userdata: their metatable names, and their first field
   (so that a check costs no metatable lookup) */
extern const char CORO_HANDLE[], CORO_GENERATOR[], CORO_TASK[], CORO_TEMPORARY[],
                  CORO_PROMISE[];
#define CORO_AWAITER   "coro.awaiter"      /* suspend_always, suspend_never */

typedef struct Body Body;

struct luacoro_Hooks {         /* luacoro_sethooks walks it in a signal */
  Body *bodies;                /* linked whole before it is published */
  int observing;               /* observers running, one inside another */
};

typedef struct Ctx Ctx;

/* where C++ leaves an order unspecified, whose choice corolab makes
   (coro.order, lorder.c) */
typedef enum Order { ORDER_GXX, ORDER_CLANG } Order;

/* who made an awaitable (the words for it when it has no name) */
typedef enum Made { MADE_OPERAND, MADE_INITIAL, MADE_YIELD, MADE_FINAL,
                    MADE_TRANSFORM, MADE_CO_AWAIT } Made;

/* members of a promise type written in Lua */
enum { M_NEW, M_GET_RETURN_OBJECT, M_INITIAL_SUSPEND, M_FINAL_SUSPEND,
       M_YIELD_VALUE, M_RETURN_VALUE, M_RETURN_VOID, M_UNHANDLED_EXCEPTION,
       M_AWAIT_TRANSFORM, M_OPERATOR_NEW, M_OPERATOR_DELETE,
       M_ALLOCATION_FAILURE, M_CLOSE, M_COUNT };

typedef struct PromiseType {   /* userdata; kept alive by the registry */
  cl_PromiseType pt;
  size_t anchor;               /* offset in the promise of the frame's anchor */
  int table;                   /* ref: the type table (metatable of promises) */
  int member[M_COUNT];         /* refs of Lua members, LUA_NOREF if absent */
  /* push the promise as Lua sees it (h:promise(), coro.info) */
  void (*push)(Ctx *c, lua_State *L, void *promise);
  char name[64];
} PromiseType;

struct Ctx {           /* one per lua_State, shared by its threads */
  cl_Runtime *R;
  lua_State *L;                /* the state calling into the core now */
  cl_Error *deferred;          /* raised by operator_delete: see ENTER */
  Body *body;                  /* the body being stepped now */
  luacoro_Hooks live;          /* the live Lua bodies */
  int request;                 /* set by co_await/co_yield/co_return */
  lua_CFunction pcall, xpcall; /* allowed between a body and co_await */
  void *always, *never;        /* the suspend_always/suspend_never objects */
  int always_ref, never_ref;
  const PromiseType *task_type;
  cl_AwaitableOps lua_ops[LUA_NUMTYPES];  /* a Lua temporary, by its type */
  cl_AwaitableOps named_ops[LUA_NUMTYPES];  /* one the co_await does not
                                  destroy: the named operand, or a
                                  full-expression's temporary */
  cl_AwaitableOps task_ops;    /* co_await on a temporary coro.task: moved */
  cl_AwaitableOps task_kept_ops;  /* on a named one: it keeps its result */
  int promises;                /* ref: promise table -> its address (weak) */
  int types;                   /* ref: type table -> PromiseType userdata */
  int observers;               /* ref: observer id -> ref of its function */
  int nobservers;              /* how many (coro.observe) */
  int returned;                /* ref: a weak table whose [1] is what the
                                  last Lua member that gives a value
                                  returned (get_return_object,
                                  await_resume), for the next event's
                                  ev.returned; weak, so that it keeps no
                                  return object alive; its slot is made at
                                  the start: storing allocates nothing */
  const char *returned_member; /* NULL: nothing kept */
  unsigned long returned_serial;  /* the event it went with; 0: not yet */
  int threads;                 /* ref: body thread -> frame id (weak keys) */
  int handles, erased;         /* refs: frame address -> its handle, typed
                                  and type-erased (weak values) */
  int noop_promise;            /* ref: noop_coroutine_promise, empty */
  int promise_refs;            /* ref: promise address -> the promise of a
                                  built-in type, as Lua sees it (weak values) */
  int memory;                  /* ref: frame address -> what operator_new
                                  returned for it */
  PromiseType noop_type;       /* coroutine_handle<noop_coroutine_promise> */
  Order order;                 /* coro.order */
  lua_CFunction full;          /* coro.full: its function is part of the body */
  int fulls;                   /* ref: thread -> its innermost open
                                  full-expression (weak keys) */
  int nfulls;                  /* how many are open */
  const char *unspecified;     /* the unspecified order whose choice runs now
                                  (coro.args, coro.co_awaits' operands) */
  int deferring;               /* bodies whose await_resume comes later */
  struct Tape *tapes;          /* the tapes recording (lrecord.c), a list */
  lua_State *destructing;      /* the thread whose destructors run now */
  int max_observer;            /* the highest observer id so far */
  cl_Handle held;              /* the frame whose ~return object event waits
                                  for its frame's end (clang's order); null:
                                  none */
  int ended;                   /* ref: object -> true once its __close ran,
                                  for reference parameters (weak keys) */
  int refs;                    /* ref: a reference parameter's proxy -> what
                                  it refers to and names (weak keys) */
  int refmetas;                /* ref: metatable -> its proxies' (weak keys) */
};

typedef struct LPromise {      /* the promise of a type written in Lua */
  const PromiseType *type;
  int self;                    /* ref: the promise table */
  int anchor;                  /* ref: the coroutine, while the frame lives */
} LPromise;

typedef struct Handle {        /* coroutine_handle<P> (type NULL: <>) */
  const char *kind;            /* CORO_HANDLE */
  cl_Handle h;                 /* the core's: its frame's address and id */
  const PromiseType *type;
} Handle;

typedef struct CallArgs {     /* a coroutine's arguments: 1..n of L */
  lua_State *L;                /* with room for n + LUA_MINSTACK values more,
                                  so that the callbacks of the call can push
                                  the arguments and a few values */
  int n;                       /* then the coroutine at n+1, its body at n+2 */
  const PromiseType *type;
  lua_State *T;                /* once made: the body's thread, its function
                                  at 1 and the parameter copies at 2..n+1 */
  int args;                    /* ref: the arguments in a table, made only
                                  when Lua observes (their events' ev.args);
                                  else LUA_NOREF */
} CallArgs;

typedef struct ReturnObject {  /* a call's ret (cl_call), on the caller's stack */
  int index;                   /* first: where it is (0: not made) */
  int later;                   /* the call failed, and it is destroyed
                                  after the frame (clang 14's order) */
} ReturnObject;

/* where a co_await/co_yield/co_return value lives: on top of the body
   thread; await_resume pushes its result there (void * is that thread) */

/* the context of a module function (its first upvalue), checked: once
   the runtime is closed (lua_close finalizes the module before the
   objects made before it was loaded) every function raises instead */
void coro_closed(lua_State *L);
static inline Ctx *coro_live(lua_State *L, Ctx *c) {
  if (c->R == NULL) coro_closed(L);
  return c;
}
#define ctx_raw(L) ((Ctx *)lua_touserdata(L, lua_upvalueindex(1)))
#define ctx_up(L)  coro_live(L, ctx_raw(L))
#define ctx_of(R)  ((Ctx *)cl_runtime_userdata(R))

/* lcoro.c: context, errors */
/* around a call into the core: the state calling, and what a deallocation
   function raised meanwhile (reported once the call is over; the call's
   own error, if any, goes first) */
#define ENTER(c, L)  lua_State *saved_L_ = (c)->L; \
                     cl_Error *saved_deferred_ = (c)->deferred; \
                     (c)->L = (L); (c)->deferred = NULL
#define LEAVE(c, e)  ((c)->L = saved_L_, \
                      (e) = coro_deferred((c), (e), saved_deferred_))
/* the error of the call (e) and what was deferred meanwhile: the call's
   own first, the other freed; the state before it back (outer) */
static inline cl_Error *coro_deferred(Ctx *c, cl_Error *e, cl_Error *outer) {
  cl_Error *d = c->deferred;
  c->deferred = outer;
  if (d == NULL) return e;
  if (e == NULL) return d;
  cl_error_free(c->R, d);
  return e;
}
void coro_defer(Ctx *c, cl_Error *e);
/* A Lua error raised in a callback that the core calls (a memory error,
   from any Lua API call that allocates) would unwind through the core's C
   frames: glue that allocates runs in coro_protect, and a failed
   lua_checkstack is coro_nomemory. Both make CL_NOMEMORY errors, "not
   enough memory to <what>" (what: a printf format). coro_protect runs f
   under lua_pcall, with c at 1, ud (light userdata) at 2 and copies of the
   n values at first... of L at 3...; f's results stay on L. NULL, or the
   error (another Lua error: coro_error's). */
cl_Error *coro_protect(Ctx *c, lua_State *L, lua_CFunction f, void *ud,
                       int first, int n, const char *what, ...);
cl_Error *coro_nomemory(Ctx *c, const char *what, ...);
/* pops the error on top of L; trace: add the traceback of that thread */
cl_Error *coro_error(Ctx *c, lua_State *L, lua_State *trace);
/* frees e; NULL, or why it could not be pushed (nothing pushed then) */
cl_Error *coro_pusherror(Ctx *c, lua_State *L, cl_Error *e);
int coro_raise(Ctx *c, lua_State *L, cl_Error *e);
void coro_warn(Ctx *c, const char *what, lua_State *L);  /* pops the error */
/* Reading a frame's memory across Lua allocations is safe only while no
   finalizer can run (one may destroy the frame): coro_nogc calls f (with
   the context as its upvalue) on L's arguments with the collector stopped,
   and returns its results; f's errors go on, the collector restarted */
int coro_nogc(Ctx *c, lua_State *L, lua_CFunction f);
void coro_newlib(lua_State *L, Ctx *c, const luaL_Reg *l);    /* into table */
void coro_newmeta(lua_State *L, Ctx *c, const char *name, const luaL_Reg *l);
int coro_newref(lua_State *L, const char *mode);  /* a new table's ref */

/* lhandle.c: coroutine handles */
void coro_openhandle(lua_State *L, Ctx *c);
/* the handle h; t NULL: a type-erased handle. While h's frame lives, the
   same userdata every time */
void coro_pushhandle(Ctx *c, lua_State *L, cl_Handle h, const PromiseType *t);
void *coro_toudata(lua_State *L, int i, const char *kind, size_t size);
#define coro_tohandle(L, i) \
  ((Handle *)coro_toudata(L, i, CORO_HANDLE, sizeof(Handle)))  /* or NULL */
Handle *coro_checkhandle(lua_State *L, int i);
const PromiseType *coro_frametype(Ctx *c, cl_Handle h);
const PromiseType *coro_totype(Ctx *c, lua_State *L, int i);  /* or NULL */

/* lbody.c: Lua bodies */
struct Body {                  /* the locals of a Lua-bodied frame (its
                                  flags in bytes: 104 bytes, not 112) */
  Ctx *c;
  cl_Handle frame;             /* whose body this is */
  lua_State *T;                /* the body's thread */
  int thread;                  /* ref of T */
  int copies;                  /* ref: the parameter copies, in order */
  int base;                    /* values T yielded, under its resume values */
  int top;                     /* T's stack top when it yielded */
  int operand;                 /* ref: the named operand of its last
                                  co_await outside a full-expression */
  signed char request;         /* what T yielded for (cl_RequestKind) */
  unsigned char throwing;      /* resume T by raising the value on its top */
  unsigned char defer;         /* the co_await it suspends at calls no
                                  await_resume: the body does, later */
  const cl_AwaitableOps *later_ops;   /* ... the awaiter it will call */
  void *later_self;
  const char *unspecified;     /* its events now are an unspecified order's */
  int depth;                   /* ev.depth of its last event */
  int destructors;             /* its parameter copies with a destructor */
  Body *prev, *next;           /* Ctx.live */
};
void coro_openbody(lua_State *L, Ctx *c);
/* coroutine.resume and coroutine.close refuse body threads */
void coro_guardthreads(lua_State *L, Ctx *c);
int coro_isbody(const cl_Coroutine *co);
int coro_bodylevel(lua_State *T, lua_Debug *ar);  /* 0: not started, or ended */
void coro_pushvalue(lua_State *L, void *v);    /* a value passed as void * */
Body *coro_runningbody(Ctx *c);    /* the running frame's, if a Lua body */
Body *coro_framebody(Ctx *c, cl_Handle h);     /* h's, if a Lua body */
/* the body that op (co_await, co_yield, ...) at level 0 of L suspends */
Body *coro_checkbody(lua_State *L, const char *op);
/* a C function of the body yields the value on top to be awaited, and
   continues in k (which calls coro_resumedbody first); defer: the
   co_await calls no await_resume (coro_resumelater) */
int coro_yieldawait(lua_State *L, Body *b, int defer, lua_KContext ctx,
                    lua_KFunction k);
Body *coro_resumedbody(lua_State *L);   /* raises what the co_await threw */
/* an await_resume the body calls later: the running body's co_await
   defers it, so it is kept (ops, self), and not called now */
int coro_resumelater(Ctx *c, const cl_AwaitableOps *ops, void *self);

/* lpromise.c: promise types */
void coro_openpromise(lua_State *L, Ctx *c);
PromiseType *coro_newtype(lua_State *L, Ctx *c, int i, const char *name);
void *coro_operator_new(cl_Runtime *R, const cl_PromiseType *pt, size_t size,
                        void *args, cl_Error **error);
void coro_operator_delete(cl_Runtime *R, const cl_PromiseType *pt,
                          void *frame, size_t size);
void coro_return_object(void *ret, lua_State *L);  /* *ret = top of L */
/* ~R() of a failed call's return object: here (g++ 12's order), or later,
   once the call's frame is gone (clang 14's): 1 if later */
int coro_destroylater(Ctx *c, void *ret);
/* ...later: its event, then its destructor */
void coro_endreturnobject(Ctx *c, lua_State *L, ReturnObject *ret);

/* lawait.c: awaitables */
void coro_openawait(lua_State *L, Ctx *c);
/* coro.temporary(v) outside a full-expression, or of a value without
   identity: v is its user value 1; the full-expression it was made in (if
   any) its user value 2 */
typedef struct Temporary {
  const char *kind;            /* CORO_TEMPORARY */
  int awaited;
  int entry;                   /* its place there; 0: none, -1: ended */
} Temporary;
/* the operand of a co_await in body b, at i: a named object, or a
   coro.temporary */
cl_Error *coro_tooperand(Ctx *c, lua_State *L, int i, Body *b, cl_Awaitable *a);
/* the value at i, which member `made` returned: a temporary (closed at the
   co_await's end, or inside coro.full at the full-expression's) */
cl_Error *coro_toawaitable(Ctx *c, lua_State *L, int i, Made made, cl_Awaitable *a);
cl_Error *coro_pushawaitable(Ctx *c, lua_State *L, cl_Awaitable a);
/* the name of the value at i (__name, or a name field) into buf; "" if none */
void coro_describe(Ctx *c, lua_State *L, int i, char *buf, size_t n);
cl_EventCause coro_awaitercause(Ctx *c, cl_Awaitable a);   /* who made it */
/* the words for a nameless awaiter that member `by` made ("temporary":
   CL_CAUSE_NONE, none made it) */
const char *coro_unnamed(cl_EventCause by);

/* an event as the bindings tell it (coro.observe's ev, a tape's record):
   the core's (core: its values), or one of their own (core NULL) */
typedef struct CoroEvent {
  const char *kind;
  cl_Handle frame;             /* the frame (ev.frame is its id); null: none */
  unsigned other;
  int index, depth;
  cl_EventCause cause;
  const char *detail, *unspecified;
  unsigned long serial;
  const cl_Event *core;        /* the core's, for its values; NULL: ours */
  int object;                  /* ours: the object it destroys (ev.args), on
                                  the telling state at this index; or 0 */
} CoroEvent;

/* levents.c: observers and introspection */
void coro_openevents(lua_State *L, Ctx *c);
/* the one value of an event of a Lua body (frame info fi): yield_value's
   and return_value's operand, the error a throw or unhandled_exception
   carries (its Lua value, else its message), pushed: 1; else 0, nothing
   pushed */
int coro_pusheventvalue(lua_State *L, const cl_Event *ev, const cl_FrameInfo *fi);
/* whether observers are told the core's event ev now (not an await_resume
   a body calls later, nor a return object destroyed after its frame), as
   *e when they are */
int coro_eventof(Ctx *c, const cl_Event *ev, CoroEvent *e);
/* a Lua member returned the value on top of L (left there): the next
   event tells observers (ev.returned), when any observe */
void coro_returned(Ctx *c, lua_State *L, const char *member);
/* an event of the bindings' own (a temporary destroyed at the end of its
   full-expression, an await_resume a body calls later, ...), about frame
   f (the null handle: none): told to every observer of coro.observe, when
   any observe. unspecified: a name of coro.unspecified, or NULL; object:
   the index on L of the object it destroys (its ev.args), or 0 */
void coro_tell(Ctx *c, lua_State *L, const char *kind, cl_Handle f,
               cl_EventCause cause, const char *detail, const char *unspecified,
               int object);

/* lfull.c: full-expressions (coro.full, coro.args, coro.co_awaits) */
void coro_openfull(lua_State *L, Ctx *c);
/* the innermost open full-expression of thread T, pushed on L, or the
   one that made the value at index value (if not 0) its temporary: then
   *entry (if not NULL) is its place there, else 0. 0 (and nothing pushed)
   if none is open */
int coro_pushfull(Ctx *c, lua_State *L, lua_State *T, int value, int *entry);
/* the full-expression at full keeps ref, and releases it at its end */
void coro_fullkeep(lua_State *L, int full, int ref);
/* the full-expression at full takes the temporary at value, made now
   (entry 0), or the one at entry, now awaited: it destroys it at its end,
   as an awaiter that member `by` made (CL_CAUSE_NONE: a temporary not
   awaited); returns its entry */
int coro_fulltake(Ctx *c, lua_State *L, int full, int value, int entry,
                  cl_EventCause by);
int coro_fullawaited(lua_State *L, int full, int entry);   /* already? */

/* lorder.c: the orders C++ leaves unspecified (coro.order, coro.unspecified) */
void coro_openorder(lua_State *L, Ctx *c);
/* "g++" or "clang", as coro.order says it */
const char *coro_ordername(Order order);

/* lref.c: reference parameters */
void coro_openref(lua_State *L, Ctx *c);
/* the argument at i of the reference parameter named param (of C++ type
   type) of coroutine co (its frame's id): replaced by a proxy that names a
   use after the object's end, if the Lua can see that end (a __close) */
void coro_refparam(Ctx *c, lua_State *L, int i, const char *co, unsigned id,
                   const char *param, const char *type);

/* lhandle.c: what owns */
/* push the destructor of the value at i and return 1: its __close, unless
   it is a handle (a handle owns nothing); else push nothing, return 0 */
int coro_pushdestructor(lua_State *L, int i);

/* lbuiltin.c: generator and task */
void coro_openbuiltin(lua_State *L, Ctx *c);
int coro_istask(lua_State *L, int i);
/* the handle of the frame a built-in's promise at i was taken from, or
   NULL if i is no such promise */
const cl_Handle *coro_promisehandle(lua_State *L, int i);
cl_Error *coro_taskawaitable(Ctx *c, lua_State *L, int i, int temporary,
                             cl_Awaitable *a);

/* lrecord.c: the tape (coro.tape), the events recorded in C */
void coro_openrecord(lua_State *L, Ctx *c);
/* an event of the bindings' own (coro_tell's), on every tape that records */
void coro_taperecord(Ctx *c, lua_State *L, const CoroEvent *e);

#endif
