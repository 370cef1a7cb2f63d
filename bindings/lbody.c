/*
** lbody.c — Lua bodies: a coroutine whose body is a Lua function run in its
** own thread. co_await, co_yield and co_return yield that thread with a
** request; the body step turns the yield into the request the driver acts on.
*/
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include <lualib.h>

#include "lcoro.h"

/* Body.request as T is resumed; still so when T yields, T yielded with a
   plain coroutine.yield, not with co_await, co_yield or co_return */
#define PLAIN_YIELD (-1)

typedef struct Coroutine {     /* userdata: a coroutine function */
  cl_Coroutine co;             /* first: a cl_Coroutine * is a Coroutine * */
  int convert;                 /* ref: its return type's convert, or LUA_NOREF */
  int refs;                    /* ref: its reference parameters, {[i] = {name,
                                  type}}, or LUA_NOREF */
  char name[64];
} Coroutine;

#define CORO_COROUTINE "coro.coroutine"

/* the value on top of the body's thread, while it is suspended there; nil
   once the body has gone on, ended or been destroyed (a stale pointer to
   a yielded value, as C++ would have it, must not read garbage) */
void coro_pushvalue(lua_State *L, void *v) {
  lua_State *T = (lua_State *)v;
  if (T != NULL && lua_status(T) == LUA_YIELD && lua_gettop(T) > 0 &&
      lua_checkstack(T, 1)) {
    lua_pushvalue(T, -1);
    lua_xmove(T, L, 1);
  } else
    lua_pushnil(L);
}

/* -------------------------------------------------- the body's thread -- */

typedef struct Start {          /* what init makes for a frame */
  Body *b;
  int *anchor;                 /* in the promise: the frame keeps its coroutine */
} Start;

/* ~parameters: each copy's __close, in the order of the parameters (g++
   12) or the reverse (clang 14): C++ leaves it unspecified
   ([dcl.fct.def.coroutine]/13); the table of copies on top of L, popped */
static void closecopies(Ctx *c, lua_State *L) {
  lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
  for (lua_Integer k = 0; k < n; k++) {
    lua_rawgeti(L, -1, c->order == ORDER_CLANG ? n - k : k + 1);
    if (!coro_pushdestructor(L, -1)) {
      lua_pop(L, 1);
      continue;
    }
    lua_insert(L, -2);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) coro_warn(c, "__close of a parameter copy", L);
  }
  lua_pop(L, 1);
}

/* [dcl.fct.def.coroutine]/13: a parameter is copied into the frame when
   it is no reference and its argument's metatable has __copy (__copy(v),
   C++'s copy or move constructor); the copy replaces the argument at
   first..first+n-1. A reference parameter is not copied: the argument
   itself goes on (watched, see lref.c). A copy that raises: the copies
   made so far are closed, and the error goes on. */
static void copyparams(Ctx *c, lua_State *L, int first, int n, Body *b,
                       const Coroutine *co) {
  int copies = 0;                              /* their table, once needed */
  b->destructors = 0;
  for (int i = first; i < first + n; i++) {
    if (co->refs != LUA_NOREF) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, co->refs);
      if (lua_rawgeti(L, -1, i - first + 1) == LUA_TTABLE) {
        lua_getfield(L, -1, "name");
        lua_getfield(L, -2, "type");
        coro_refparam(c, L, i, co->name, b->frame.id,
                      lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 4);
        continue;
      }
      lua_pop(L, 2);
    }
    if (luaL_getmetafield(L, i, "__copy") == LUA_TNIL) continue;
    if (copies == 0) {
      lua_newtable(L);
      lua_insert(L, -2);
      copies = lua_gettop(L) - 1;
    }
    lua_pushvalue(L, i);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
      lua_pushvalue(L, copies);
      closecopies(c, L);
      lua_error(L);
    }
    if (luaL_getmetafield(L, -1, "__close") != LUA_TNIL) {
      b->destructors++;
      lua_pop(L, 1);
    }
    lua_copy(L, -1, i);
    lua_rawseti(L, copies, (lua_Integer)lua_rawlen(L, copies) + 1);
  }
  b->copies = copies ? luaL_ref(L, LUA_REGISTRYINDEX) : LUA_NOREF;
}

/* protected: c, Start, the arguments, the coroutine, its body function;
   the anchor is released by operator delete, the thread and the copies by
   init (on failure) or destroy_params */
static int newthread(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  Start *s = (Start *)lua_touserdata(L, 2);
  int n = lua_gettop(L) - 4;                   /* the arguments */
  copyparams(c, L, 3, n, s->b, (const Coroutine *)lua_touserdata(L, n + 3));
  lua_pushvalue(L, -2);
  *s->anchor = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_remove(L, -2);
  lua_rotate(L, 3, 1);                         /* the function, its arguments */
  lua_State *T = lua_newthread(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->threads);   /* threads[T] = frame id */
  lua_pushvalue(L, -2);
  lua_pushinteger(L, s->b->frame.id);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  s->b->thread = luaL_ref(L, LUA_REGISTRYINDEX);
  if (!lua_checkstack(T, n + 1))
    return luaL_error(L, "stack overflow (%d arguments)", n);
  lua_xmove(L, T, n + 1);
  s->b->T = T;
  return 0;
}

static cl_Error *init(cl_Runtime *R, cl_Handle h, void *locals, void *args) {
  Ctx *c = ctx_of(R);
  Body *b = (Body *)locals;
  CallArgs *a = (CallArgs *)args;
  lua_State *L = a->L;
  Start s;
  s.b = b;
  s.anchor = (int *)((char *)cl_frame_promise(h.frame) + a->type->anchor);
  b->c = c;
  b->frame = h;
  b->thread = LUA_NOREF;
  b->copies = LUA_NOREF;
  b->operand = LUA_NOREF;
  cl_Error *e = coro_protect(c, L, newthread, &s, 1, a->n + 2, "start coroutine "
                             "'%s' (its Lua thread)",
                             ((Coroutine *)lua_touserdata(L, a->n + 1))->name);
  if (e) {
    luaL_unref(L, LUA_REGISTRYINDEX, b->thread);
    if (b->copies != LUA_NOREF && lua_checkstack(L, 4)) {
      lua_rawgeti(L, LUA_REGISTRYINDEX, b->copies);
      luaL_unref(L, LUA_REGISTRYINDEX, b->copies);
      closecopies(c, L);
    }
    return e;
  }
  a->T = b->T;
  b->request = PLAIN_YIELD;
  b->prev = NULL;
  b->next = c->live.bodies;
  atomic_signal_fence(memory_order_release);   /* linked whole, for a signal */
  if (c->live.bodies) c->live.bodies->prev = b;
  c->live.bodies = b;
  return NULL;
}

static void destroy_params(cl_Runtime *R, cl_Handle h, void *locals) {
  Ctx *c = ctx_of(R);
  Body *b = (Body *)locals;
  (void)h;
  if (b->prev) b->prev->next = b->next;
  else c->live.bodies = b->next;
  atomic_signal_fence(memory_order_release);   /* unlinked before it dies */
  if (b->next) b->next->prev = b->prev;
  if (lua_checkstack(c->L, 3)) {               /* threads[T] = nil */
    lua_rawgeti(c->L, LUA_REGISTRYINDEX, c->threads);
    lua_rawgeti(c->L, LUA_REGISTRYINDEX, b->thread);
    lua_pushnil(c->L);
    lua_rawset(c->L, -3);
    lua_pop(c->L, 1);
  }
  luaL_unref(c->L, LUA_REGISTRYINDEX, b->thread);
  luaL_unref(c->L, LUA_REGISTRYINDEX, b->operand);
  if (b->defer) c->deferring--;
  b->T = NULL;
  if (b->copies != LUA_NOREF && lua_checkstack(c->L, 4)) {
    lua_rawgeti(c->L, LUA_REGISTRYINDEX, b->copies);
    luaL_unref(c->L, LUA_REGISTRYINDEX, b->copies);
    closecopies(c, c->L);
  }
}

/* T has activations of its own and is not suspended: it runs, or resumed
   another thread (coroutine.status's "running" and "normal"), as when
   coroutine.close(T), taken before "coro" guarded it, runs T's __close
   handlers on T. The runtime must neither resume nor close it then. */
static int active(lua_State *T) {
  lua_Debug ar;
  return lua_status(T) == LUA_OK && lua_getstack(T, 0, &ar);
}

/* the locals die: close the body's pending to-be-closed variables (a thread
   busy elsewhere finishes on its own: whoever runs it closes it) */
static void destroy_locals(cl_Runtime *R, cl_Handle h, void *locals, int scope) {
  Ctx *c = ctx_of(R);
  lua_State *T = ((Body *)locals)->T;
  int raised = lua_status(T) > LUA_YIELD;   /* its error is already reported */
  (void)h; (void)scope;
  lua_State *saved = c->destructing;
  if (active(T)) return;
  c->destructing = T;                  /* its __close cannot suspend */
#if LUA_VERSION_RELEASE_NUM >= 50406
  int status = lua_closethread(T, c->L);
#else
  int status = lua_resetthread(T);
#endif
  c->destructing = saved;
  if (status != LUA_OK && !raised && lua_checkstack(c->L, 1)) {
    lua_xmove(T, c->L, 1);
    coro_warn(c, "__close of a local destroyed with its frame", c->L);
  }
  lua_settop(T, 0);
}

/* how many activations thread T has (the body's own is the outermost) */
static int thread_levels(lua_State *T) {
  lua_Debug ar;
  int level = 0;
  while (lua_getstack(T, level, &ar)) level++;
  return level;
}

/* the body's own activation: the outermost level of its thread */
int coro_bodylevel(lua_State *T, lua_Debug *ar) {
  int level = thread_levels(T);
  return level > 0 && lua_getstack(T, level - 1, ar);
}

static int ispcall(Ctx *c, lua_State *L, int level);

/* where the body is: the line of its own level, or of the innermost try
   block in it (a function pcall or xpcall calls from the body or from
   another try block). Deeper levels are not the body's: the function it
   called (a coroutine call, a co_await), and whatever runs on its thread
   from there — a promise member, an observer, the explorer at a stop */
static void where(cl_Runtime *R, cl_Handle h, void *locals, int index,
                  char *buf, size_t n) {
  Ctx *c = ctx_of(R);
  lua_State *T = ((Body *)locals)->T;
  lua_Debug ar;
  int level = T != NULL ? thread_levels(T) - 1 : -1;
  (void)h;
  while (level >= 2 && ispcall(c, T, level - 1)) level -= 2;
  if (level >= 0 && lua_getstack(T, level, &ar) && lua_getinfo(T, "Sl", &ar) &&
      ar.currentline > 0)
    snprintf(buf, n, "%s:%d", ar.short_src, ar.currentline);
  else
    snprintf(buf, n, "line %d", index);
}

static const char *nameof(cl_Step *s) {
  cl_FrameInfo info;
  return cl_frame_info(s->R, s->handle, &info) ? info.coroutine->name : "?";
}

/* a step that ends in an error of the glue's own, without running T */
static void fail(cl_Step *s, cl_Error *e) {
  s->request = CL_REQ_RAISE;
  s->error = e;
}

/* the body cannot go on: its error goes to the resumer (CL_REQ_MISUSE) */
static void misuse(cl_Step *s, cl_Error *e) {
  s->request = CL_REQ_MISUSE;
  s->error = e;
}

static cl_Error *returned_values(cl_Step *s, int n) {
  return cl_error_new(s->R, CL_MISUSE, "coroutine '%s' ended with 'return' and "
                      "%d value(s); a coroutine cannot use return: end it with "
                      "co_return(v) (or co_return()) [stmt.return.coroutine]",
                      nameof(s), n);
}

/* T is not where the driver left it: coroutine.resume or coroutine.close
   reached it (with the functions taken before "coro" guarded them) */
static cl_Error *broken_thread(cl_Step *s, lua_State *T) {
  return cl_error_new(s->R, CL_MISUSE, "coroutine #%u '%s' cannot go on: its Lua "
                      "thread was %s outside the runtime; a coroutine body "
                      "runs only when its handle resumes it, so destroy it "
                      "[coroutine.handle.resumption]", s->handle.id,
                      nameof(s), lua_status(T) == LUA_OK
                      ? "closed by coroutine.close" : "resumed by coroutine.resume");
}

/* T resumes by raising e at the co_await it is suspended at; NULL, or why
   it cannot (e is freed either way) */
static cl_Error *throw_at(Ctx *c, Body *b, cl_Error *e) {
  cl_Error *failed = coro_pusherror(c, c->L, e);
  if (failed == NULL && !lua_checkstack(b->T, 1)) {
    lua_pop(c->L, 1);
    failed = coro_nomemory(c, "raise an error in a coroutine body");
  }
  if (failed) return failed;
  lua_xmove(c->L, b->T, 1);
  b->throwing = 1;
  return NULL;
}

/* the operand of the co_await T yielded for */
static cl_Error *operand(Ctx *c, Body *b, cl_Awaitable *a) {
  if (!lua_checkstack(c->L, 1)) return coro_nomemory(c, "co_await");
  coro_pushvalue(c->L, b->T);
  cl_Error *e = coro_tooperand(c, c->L, -1, b, a);
  lua_pop(c->L, 1);
  return e;
}

/* T resumes with what is on its top since it yielded (the value of the
   co_await, or nothing): the values it yielded, under them, go. How many */
static int resumevalues(Body *b) {
  lua_State *T = b->T;
  int top = lua_gettop(T), n = top - b->top;
  if (b->base > 0) {
    if (n > 0) lua_rotate(T, b->top - b->base + 1, n);
    lua_settop(T, top - b->base);
  }
  return n;
}

/* one step: resume the body until it asks the driver for something */
static void step(cl_Step *s) {
  Body *b = (Body *)s->locals, *outer = b->c->body;
  Ctx *c = b->c;
  lua_State *T = b->T;
  int nargs = s->index == 0 ? lua_gettop(T) - 1 : 0;  /* the first step */
  int nres, status;
  cl_Error *e;
  cl_Error *thrown = s->thrown;     /* taken: raised in T, or dropped */
  s->thrown = NULL;
  if (s->index != 0 && lua_status(T) != LUA_YIELD) {
    cl_error_free(s->R, thrown);
    misuse(s, broken_thread(s, T));
    return;
  }
  if (s->index != 0 && thrown && (e = throw_at(c, b, thrown)) != NULL) {
    fail(s, e);
    return;
  }
  for (;;) {
    if (s->index != 0) nargs = resumevalues(b);
    b->request = PLAIN_YIELD;
    c->body = b;
    status = lua_resume(T, c->L, nargs, &nres);
    c->body = outer;
    b->base = nres;
    b->top = lua_gettop(T);
    s->value = s->result = T;
    s->index++;                /* Lua bodies number their suspensions */
    if (status != LUA_YIELD || b->request != CL_REQ_AWAIT) break;
    if ((e = operand(c, b, &s->operand)) == NULL) { s->request = CL_REQ_AWAIT; return; }
    if ((e = throw_at(c, b, e)) != NULL) {  /* raised at the co_await */
      fail(s, e);
      return;
    }
  }
  if (status == LUA_YIELD && b->request == PLAIN_YIELD)
    misuse(s, cl_error_new(s->R, CL_MISUSE, "coroutine.yield in the body of "
                           "coroutine '%s': a coroutine suspends with co_await "
                           "or co_yield [expr.await]", nameof(s)));
  else if (status == LUA_YIELD)
    s->request = (cl_RequestKind)b->request;
  else if (status == LUA_OK) {
    s->request = CL_REQ_FLOW_OFF;
    if (nres) misuse(s, returned_values(s, nres));
  } else if (!lua_checkstack(c->L, 1))
    fail(s, coro_nomemory(c, "raise an error from coroutine '%s'", nameof(s)));
  else {
    lua_xmove(T, c->L, 1);                         /* raised: keep its trace */
    fail(s, coro_error(c, c->L, lua_type(c->L, -1) == LUA_TSTRING ? T : NULL));
  }
}

int coro_isbody(const cl_Coroutine *co) { return co->step == step; }

/* ------------------------------------------ co_await, co_yield, co_return -- */

/* the function at level of L is one that runs a part of the body: pcall
   or xpcall (a try block), coro.full (a full-expression) */
static int ispcall(Ctx *c, lua_State *L, int level) {
  lua_Debug ar;
  lua_CFunction f;
  if (!lua_getstack(L, level, &ar)) return 0;
  lua_getinfo(L, "f", &ar);
  f = lua_tocfunction(L, -1);
  lua_pop(L, 1);
  return f != NULL && (f == c->pcall || f == c->xpcall || f == c->full);
}

/* the function at level of L, called by the pcall or xpcall at level + 1,
   is no try block but a __close it runs as it unwinds an error: the try
   function that raised is still among its values, under it (pcall keeps 1
   of its own, xpcall 3, then the function it calls) */
static int unwinding(Ctx *c, lua_State *L, int level) {
  lua_Debug ar;
  const char *name;
  lua_CFunction f;
  if (!lua_getstack(L, level + 1, &ar)) return 0;
  lua_getinfo(L, "f", &ar);
  f = lua_tocfunction(L, -1);
  lua_pop(L, 1);
  if (f != c->pcall && f != c->xpcall) return 0;
  if ((name = lua_getlocal(L, &ar, f == c->pcall ? 2 : 4)) != NULL) lua_pop(L, 1);
  return name != NULL;
}

/* [expr.await]/2: op (at level 0 of the body's thread L) is called from the
   body itself, or from a try block: a function that pcall or xpcall calls
   from the body or from another try block (or coro.full, from either).
   Between op and the body's own level, every function that is no pcall or
   xpcall must be called by one (an xpcall message handler is called by
   whatever raised, so it is not). 1: yes; 0: no; -1: in a __close that a
   pcall runs as it unwinds */
static int inbody(Ctx *c, lua_State *L) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level + 1, &ar); level++) {
    if (ispcall(c, L, level)) continue;
    if (!ispcall(c, L, level + 1)) return 0;
    if (unwinding(c, L, level)) return -1;
  }
  return 1;
}

/* a function between op and the body is a __close run at a scope's end */
static int closing(lua_State *L) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    lua_getinfo(L, "n", &ar);
    if (ar.namewhat != NULL && strcmp(ar.namewhat, "metamethod") == 0 &&
        ar.name != NULL && strcmp(ar.name, "close") == 0)
      return 1;
  }
  return 0;
}

/* the rule that says where op may be: a yield-expression only where an
   await-expression may be [expr.yield]/1, an await-expression only in a
   coroutine's body [expr.await]/2; co_return makes its function a
   coroutine [dcl.fct.def.coroutine]/1 */
static const char *placerule(const char *op) {
  if (strcmp(op, "co_yield") == 0) return "[expr.yield]/1";
  if (strcmp(op, "co_return") == 0) return "[dcl.fct.def.coroutine]/1";
  return "[expr.await]/2";
}

/* the body being stepped, if op is called by it (or in a try block). A
   destructor (__close) cannot suspend: at a scope's end, while a try
   block unwinds an error, or when the runtime destroys (the end of a
   full-expression, destroy()) */
Body *coro_checkbody(lua_State *L, const char *op) {
  Ctx *c = ctx_up(L);
  Body *b = c->body;
  int in = inbody(c, L);
  if (c->destructing == L || in < 0 || (in == 0 && closing(L)))
    luaL_error(L, "%s in a destructor (the __close of a to-be-closed value): a "
               "destructor cannot suspend, so it can neither co_await nor "
               "co_yield ('co_await' cannot be used in a destructor, g++ says); "
               "await before the value's scope ends %s, [class.dtor]",
               op, placerule(op));
  if (b == NULL)
    luaL_error(L, "%s outside of a coroutine body: only the body of a function "
               "made with coro.coroutine can suspend %s", op, placerule(op));
  if (b->T != L || in == 0)
    luaL_error(L, "%s called from a function that the coroutine body calls, "
               "not from the body itself: C++ coroutines are stackless, only "
               "the body can suspend; make the callee a coroutine and co_await "
               "it. A try block is allowed: pcall(function() ... %s(x) ... end) "
               "in the body (not in an xpcall message handler) %s",
               op, op, placerule(op));
  return b;
}

Body *coro_framebody(Ctx *c, cl_Handle h) {
  cl_FrameInfo info;
  if (!cl_frame_info(c->R, h, &info) || !coro_isbody(info.coroutine))
    return NULL;
  return (Body *)info.locals;
}

Body *coro_runningbody(Ctx *c) {
  return coro_framebody(c, cl_running(c->R));
}

/* a body thread resumed by coroutine.resume, not by the driver: it ends
   here with an error (the frame names it at its next resume). Its frame
   may be gone, and its Body with it: only the thread table is read */
static int foreign(lua_State *L) {
  Ctx *c = ctx_up(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->threads);
  lua_pushthread(L);
  if (lua_rawget(L, -2) != LUA_TNUMBER)
    return luaL_error(L, "coroutine.resume of a Lua thread whose coroutine was "
                      "destroyed: its body cannot go on [coroutine.handle.resumption]");
  return luaL_error(L, "coroutine.resume of the Lua thread of coroutine #%d: "
                    "a coroutine body runs only when its handle resumes it "
                    "(h:resume()) [coroutine.handle.resumption]",
                    (int)lua_tointeger(L, -1));
}

/* back at a co_await or co_yield: its value, or raise what it threw. k is
   its Body, valid only while the driver steps it: compared, not read */
static int resumed(lua_State *L, int status, lua_KContext k) {
  Body *b = (Body *)k;
  (void)status;
  if (ctx_up(L)->body != b) return foreign(L);
  if (b->throwing) {
    b->throwing = 0;
    return lua_error(L);
  }
  return lua_gettop(L);
}

static int suspend(lua_State *L, const char *op, int request) {
  Body *b = coro_checkbody(L, op);
  if (lua_gettop(L) != 1) lua_settop(L, 1);
  b->request = request;
  return lua_yieldk(L, 1, (lua_KContext)b, resumed);
}

int coro_yieldawait(lua_State *L, Body *b, int defer, lua_KContext ctx,
                    lua_KFunction k) {
  b->request = CL_REQ_AWAIT;
  if (defer) {
    b->defer = 1;
    b->c->deferring++;
  }
  return lua_yieldk(L, 1, ctx, k);
}

Body *coro_resumedbody(lua_State *L) {
  Ctx *c = ctx_up(L);
  Body *b = c->body;
  if (b == NULL || b->T != L) foreign(L);
  if (b->defer) {                      /* no await_resume of ours was called */
    b->defer = 0;
    c->deferring--;
  }
  if (b->throwing) {
    b->throwing = 0;
    lua_error(L);
  }
  return b;
}

int coro_resumelater(Ctx *c, const cl_AwaitableOps *ops, void *self) {
  Body *b;
  if (c->deferring == 0 || (b = coro_runningbody(c)) == NULL || !b->defer) return 0;
  b->defer = 0;
  c->deferring--;
  b->later_ops = ops;
  b->later_self = self;
  return 1;
}

static int co_await(lua_State *L) {
  return suspend(L, "co_await", CL_REQ_AWAIT);
}

static int co_yield(lua_State *L) {
  return suspend(L, "co_yield", CL_REQ_YIELD);
}

/* after co_return the driver never resumes the body */
static int returned(lua_State *L, int status, lua_KContext k) {
  (void)status; (void)k;
  return foreign(L);
}

static int co_return(lua_State *L) {
  int n = lua_gettop(L) > 0;
  Body *b = coro_checkbody(L, "co_return");
  lua_settop(L, n);
  b->request = n ? CL_REQ_RETURN_VALUE : CL_REQ_RETURN_VOID;
  return lua_yieldk(L, n, (lua_KContext)b, returned);
}

/* ------------------------------------------------- coroutine functions -- */

/* the arguments 1..n in a table, referenced from the registry */
static int packargs(lua_State *L, int n) {
  lua_createtable(L, n, 0);
  for (int i = 1; i <= n; i++) {
    lua_pushvalue(L, i);
    lua_rawseti(L, -2, i);
  }
  return luaL_ref(L, LUA_REGISTRYINDEX);
}

static int call(lua_State *L) {
  Ctx *c = ctx_up(L);
  Coroutine *co = (Coroutine *)lua_touserdata(L, lua_upvalueindex(2));
  CallArgs a;
  ReturnObject ret = {0, 0};
  a.L = L;
  a.T = NULL;
  a.n = lua_gettop(L);
  a.type = (const PromiseType *)co->co.promise_type->userdata;
  luaL_checkstack(L, a.n + LUA_MINSTACK, "too many arguments");
  a.args = c->nobservers > 0 ? packargs(L, a.n) : LUA_NOREF;
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_pushvalue(L, lua_upvalueindex(3));
  ENTER(c, L);
  cl_Error *e = cl_call(c->R, &co->co, &a, &ret);
  LEAVE(c, e);
  luaL_unref(L, LUA_REGISTRYINDEX, a.args);
  if (e && ret.later) coro_endreturnobject(c, L, &ret);
  if (e) return coro_raise(c, L, e);
  lua_settop(L, ret.index);
  return 1;
}

/* [dcl.fct.def.coroutine]/7: the return type's converting constructor, as
   R.convert(r) of get_return_object's result r, when control first returns
   to the caller; then r is destroyed (both as g++ 12 does): its __close
   runs, unless it has none of its own (a handle owns nothing) */
static cl_Error *convert(cl_Runtime *R, const cl_Coroutine *co, void *ret) {
  Ctx *c = ctx_of(R);
  lua_State *L = c->L;
  int r = *(int *)ret;
  if (!lua_checkstack(L, 3))
    return coro_nomemory(c, "convert the return object of '%s'", co->name);
  lua_rawgeti(L, LUA_REGISTRYINDEX, ((const Coroutine *)co)->convert);
  lua_pushvalue(L, r);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) return coro_error(c, L, NULL);
  if (coro_pushdestructor(L, r)) {
    lua_pushvalue(L, r);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK)
      coro_warn(c, "__close of get_return_object's result", L);
  }
  lua_replace(L, r);
  return NULL;
}

static int coroutine_gc(lua_State *L) {
  Coroutine *co = (Coroutine *)lua_touserdata(L, 1);
  luaL_unref(L, LUA_REGISTRYINDEX, co->convert);
  luaL_unref(L, LUA_REGISTRYINDEX, co->refs);
  return 0;
}

/* a C++ parameter type that declares a reference: it ends in & (or &&) */
static int isreference(const char *type) {
  size_t n = strlen(type);
  while (n > 0 && (type[n - 1] == ' ' || type[n - 1] == '\t')) n--;
  return n > 0 && type[n - 1] == '&';
}

/* coro.coroutine's 4th argument, at 4: the C++ types of the body's
   parameters (body at 2), e.g. {"const Widget&", "int"}. The references
   among them, {[i] = {name, type}}, pushed; nothing if none */
static int paramtypes(lua_State *L, const char *name) {
  lua_Debug ar;
  int n, refs = 0;
  luaL_checktype(L, 4, LUA_TTABLE);
  lua_pushvalue(L, 2);
  lua_getinfo(L, ">u", &ar);
  n = (int)luaL_len(L, 4);
  if (n > ar.nparams && !ar.isvararg)
    luaL_error(L, "coro.coroutine '%s': %d parameter types for a body with %d "
               "parameters", name, n, (int)ar.nparams);
  for (int i = 1; i <= n; i++) {
    if (lua_geti(L, 4, i) != LUA_TSTRING)
      luaL_error(L, "coro.coroutine '%s': parameter type %d is a %s, not a string "
                 "(a C++ type, such as \"const Widget&\" or \"Widget\")", name, i,
                 luaL_typename(L, -1));
    if (!isreference(lua_tostring(L, -1))) {
      lua_pop(L, 1);
      continue;
    }
    if (refs == 0) {
      lua_newtable(L);
      lua_insert(L, -2);
      refs = lua_gettop(L) - 1;
    }
    lua_createtable(L, 0, 2);
    lua_insert(L, -2);
    lua_setfield(L, -2, "type");
    lua_pushvalue(L, 2);
    const char *param = i <= ar.nparams ? lua_getlocal(L, NULL, i) : NULL;
    lua_pushstring(L, param ? param : "...");
    lua_remove(L, -2);
    lua_setfield(L, -2, "name");
    lua_rawseti(L, refs, i);
  }
  return refs != 0;
}

/* coro.coroutine(R, body [, name [, parameter types]]) */
static int coroutine(lua_State *L) {
  Ctx *c = ctx_up(L);
  const PromiseType *t = coro_totype(c, L, 1);
  const char *name = luaL_optstring(L, 3, NULL);
  lua_Debug ar;
  if (t == NULL) luaL_typeerror(L, 1, "promise type, or table with a promise_type");
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_settop(L, 4);
  Coroutine *co = (Coroutine *)lua_newuserdatauv(L, sizeof *co, 0);
  memset(co, 0, sizeof *co);
  int top = lua_gettop(L);
  co->convert = co->refs = LUA_NOREF;
  luaL_setmetatable(L, CORO_COROUTINE);
  if (lua_getfield(L, 1, "promise_type") == LUA_TTABLE &&   /* a return type */
      lua_getfield(L, 1, "convert") == LUA_TFUNCTION) {
    co->convert = luaL_ref(L, LUA_REGISTRYINDEX);
    co->co.convert = convert;
  }
  lua_settop(L, top);
  if (name == NULL) {
    lua_pushvalue(L, 2);
    lua_getinfo(L, ">S", &ar);
    snprintf(co->name, sizeof co->name, "%s:%d", ar.short_src, ar.linedefined);
  } else
    snprintf(co->name, sizeof co->name, "%s", name);
  if (!lua_isnil(L, 4) && paramtypes(L, co->name))
    co->refs = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_settop(L, top);
  co->co.name = co->name;
  co->co.promise_type = &t->pt;
  co->co.locals_size = sizeof(Body);
  co->co.userdata = c;
  co->co.init = init;
  co->co.step = step;
  co->co.destroy_locals = destroy_locals;
  co->co.destroy_params = destroy_params;
  co->co.where = where;
  lua_pushlightuserdata(L, c);
  lua_insert(L, -2);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, call, 3);
  return 1;
}

static const luaL_Reg funcs[] = {
  {"coroutine", coroutine}, {"co_await", co_await}, {"co_yield", co_yield},
  {"co_return", co_return}, {NULL, NULL}
};

void coro_openbody(lua_State *L, Ctx *c) {
  luaL_newmetatable(L, CORO_COROUTINE);
  lua_pushcfunction(L, coroutine_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  coro_newlib(L, c, funcs);
}

/* ------------------------------------- coroutine.resume, coroutine.close -- */

/* is the thread at 1 a coroutine body's? */
static int isbody(Ctx *c, lua_State *L) {
  int yes;
  if (!lua_isthread(L, 1)) return 0;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->threads);
  lua_pushvalue(L, 1);
  yes = lua_rawget(L, -2) != LUA_TNIL;
  lua_pop(L, 2);
  return yes;
}

/* the original function (upvalue 2) on all the arguments */
static int original(lua_State *L) {
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

static int guarded_resume(lua_State *L) {
  if (!isbody(ctx_up(L), L)) return original(L);
  lua_pushboolean(L, 0);
  lua_pushliteral(L, "cannot resume the Lua thread of a coroutine body: the "
                  "runtime resumes it when its handle is resumed (h:resume()) "
                  "[coroutine.handle.resumption]");
  return 2;
}

static int guarded_close(lua_State *L) {
  if (!isbody(ctx_up(L), L)) return original(L);
  return luaL_error(L, "cannot close the Lua thread of a coroutine body: its "
                    "locals are destroyed when its handle destroys it "
                    "(h:destroy()) [coroutine.handle.destroy]");
}

/* a body thread belongs to the runtime: coroutine.resume and coroutine.close
   (as the library table has them) refuse it */
void coro_guardthreads(lua_State *L, Ctx *c) {
  static const luaL_Reg guards[] = {
    {"resume", guarded_resume}, {"close", guarded_close}, {NULL, NULL}
  };
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  if (lua_getfield(L, -1, LUA_COLIBNAME) == LUA_TTABLE) {
    for (const luaL_Reg *g = guards; g->name; g++) {
      if (lua_getfield(L, -1, g->name) != LUA_TFUNCTION) {
        lua_pop(L, 1);
        continue;
      }
      lua_pushlightuserdata(L, c);
      lua_insert(L, -2);
      lua_pushcclosure(L, g->func, 2);
      lua_setfield(L, -2, g->name);
    }
  }
  lua_pop(L, 2);
}
