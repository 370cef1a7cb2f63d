/*
** lbuiltin.c — coro.generator and coro.task: the core's C promise types,
** carrying Lua values. A yielded value stays on top of the body's thread
** until the next resume; a task's result is one registry ref.
*/
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lcoro.h"

const char CORO_PROMISE[] = "coro.promise";

typedef struct GenPromise { cl_GeneratorPromise g; int anchor; } GenPromise;
typedef struct TaskPromise { cl_TaskPromise t; int anchor; } TaskPromise;

typedef struct Object {        /* a generator or task: owns its frame */
  const char *kind;            /* CORO_GENERATOR or CORO_TASK */
  Ctx *c;
  cl_Handle f;                 /* the null handle once it owns it no more */
  cl_Handle frame;             /* the one it was made with (for .h) */
  const PromiseType *type;
} Object;

/* protected: c, the frame's handle. The return object, a generator or a
   task; its handle (.h) is made when first asked for */
static int newobject(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  cl_Handle f = *(const cl_Handle *)lua_touserdata(L, 2);
  Object *o = (Object *)lua_newuserdatauv(L, sizeof *o, 0);
  o->c = c;
  o->f = o->frame = f;
  o->type = coro_frametype(c, f);
  o->kind = o->type == c->task_type ? CORO_TASK : CORO_GENERATOR;
  luaL_setmetatable(L, o->kind);
  return 1;
}

static cl_Error *get_return_object(cl_Runtime *R, void *p, void *ret) {
  Ctx *c = ctx_of(R);
  cl_Handle h;
  cl_Error *e = cl_from_promise(R, p, NULL, &h);
  if (e == NULL) e = coro_protect(c, c->L, newobject, &h, 0, 0, "make the "
                                  "return object of a coroutine");
  if (e == NULL) coro_return_object(ret, c->L);
  return e;
}

static const cl_Handle null_handle = {NULL, 0, 0};

static Object *toobject(lua_State *L, int i, const char *kind) {
  return (Object *)coro_toudata(L, i, kind, sizeof(Object));
}

/* "coro.task expected, got table 'task'": what was given, by its Lua type
   and its __name, so that a look-alike is told apart */
static Object *checkobject(lua_State *L, const char *kind, const char *tname) {
  Object *o = kind ? toobject(L, 1, kind) : NULL;
  const char *given;
  if (kind == NULL && (o = toobject(L, 1, CORO_GENERATOR)) == NULL)
    o = toobject(L, 1, CORO_TASK);
  if (o != NULL) return o;
  given = luaL_typename(L, 1);
  if (luaL_getmetafield(L, 1, "__name") == LUA_TSTRING)
    given = lua_pushfstring(L, "%s '%s'", given, lua_tostring(L, -1));
  luaL_argerror(L, 1, lua_pushfstring(L, "%s expected (the object a coroutine "
                "made with it returns), got %s", tname, given));
  return NULL;
}

/* the frame o owns, for op: an error once it owns none (closed, or moved
   into a co_await). The core checks the handle it is given, so a frame
   destroyed behind the object's back is named there */
static cl_Handle owned(lua_State *L, Object *o, const char *op) {
  coro_live(L, o->c);
  if (o->f.frame == NULL)
    luaL_error(L, "%s: this %s owns no coroutine any more: it was closed, or "
               "moved into a co_await", op, o->kind == CORO_TASK ? "task" : "generator");
  return o->f;
}

/* ~generator(), ~task(): destroy the frame it still owns */
static int object_close(lua_State *L) {
  Ctx *c = ctx_raw(L);                        /* closed: nothing left to do */
  Object *o = checkobject(L, NULL, "coro.generator or coro.task");
  cl_FrameInfo info;
  if (c->R == NULL || !cl_frame_info(c->R, o->f, &info) ||
      info.state == CL_STATE_DESTROYING)
    return 0;
  ENTER(c, L);
  cl_Error *e = cl_destroy(c->R, o->f);
  LEAVE(c, e);
  if (!cl_is_live(c->R, o->f)) o->f = null_handle;
  return e ? coro_raise(c, L, e) : 0;
}

static int object_gc(lua_State *L) {
  Ctx *c = ctx_raw(L);
  if (c->R == NULL) return 0;        /* the runtime closed: its frames too */
  lua_pushlightuserdata(L, c);
  lua_pushcclosure(L, object_close, 1);
  lua_pushvalue(L, 1);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) coro_warn(c, "__gc of a coroutine object", L);
  return 0;
}

/* the methods (g:next() looks one up at every step: first, and raw); else
   g.h, t.h, the handle of the frame it was made with */
static int object_index(lua_State *L) {
  lua_getmetatable(L, 1);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, -2) != LUA_TNIL) return 1;
  const char *k = lua_tostring(L, 2);
  if (k != NULL && strcmp(k, "h") == 0) {
    Ctx *c = ctx_up(L);
    Object *o = checkobject(L, NULL, "coro.generator or coro.task");
    coro_pushhandle(c, L, o->frame, o->type);
  }
  return 1;
}

/* ---------------------------------------------------------- generator -- */

/* the call failed: the runtime destroys the frame, not the object (whose
   end is told after the frame's in clang 14's order) */
static void object_disown(cl_Runtime *R, void *ret) {
  Object *o = (Object *)lua_touserdata(ctx_of(R)->L, *(int *)ret);
  o->f = null_handle;
  coro_destroylater(ctx_of(R), ret);
}

/* g:next(), and the generic for (for v in g do): the next value, or
   nothing at the end; rethrows what the body raised (cl_generator_next:
   the type extends the core's generator) */
static int gen_next(lua_State *L) {
  Object *o = checkobject(L, CORO_GENERATOR, "coro.generator");
  Ctx *c = o->c;
  cl_Handle f = owned(L, o, "next()");
  void *v;
  ENTER(c, L);
  cl_Error *e = cl_generator_next(c->R, f, &v);
  LEAVE(c, e);
  if (e) return coro_raise(c, L, e);
  if (v == NULL) return 0;
  coro_pushvalue(L, v);
  return 1;
}

static const luaL_Reg generator_meta[] = {
  {"next", gen_next}, {"__call", gen_next}, {"close", object_close},
  {"__close", object_close}, {"__gc", object_gc}, {"__index", object_index},
  {NULL, NULL}
};

/* --------------------------------------------------------------- task -- */

static int refresult(lua_State *L) {   /* protected: c, promise, the value */
  ((TaskPromise *)lua_touserdata(L, 2))->t.result.i = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

static cl_Error *task_return_value(cl_Runtime *R, void *p, void *v) {
  Ctx *c = ctx_of(R);
  if (!lua_checkstack(c->L, 1)) return coro_nomemory(c, "co_return a value");
  coro_pushvalue(c->L, v);
  cl_Error *e = coro_protect(c, c->L, refresult, p, -1, 1, "co_return a value");
  lua_pop(c->L, 1);
  return e;
}

static void task_destroy(cl_Runtime *R, void *p) {
  int ref = (int)((TaskPromise *)p)->t.result.i;
  if (ref > 0) luaL_unref(ctx_of(R)->L, LUA_REGISTRYINDEX, ref);
  cl_task_type.destroy(R, p);
}

static void push_result(lua_State *L, const cl_TaskPromise *p) {
  if (p->result.i > 0) lua_rawgeti(L, LUA_REGISTRYINDEX, (int)p->result.i);
  else lua_pushnil(L);
}

/* what the task raised: taken out (the co_await owns the task), or a copy
   (a named task keeps it, and raises it at each co_await, as C++ rethrows
   a stored exception_ptr) */
static cl_Error *task_error(Ctx *c, cl_TaskPromise *p, int take) {
  cl_Error *e = p->error;
  if (e == NULL || take) {
    p->error = NULL;
    return e;
  }
  if (cl_error_payload(e) == NULL)
    return cl_error_new(c->R, cl_error_kind(e), "%s", cl_error_message(e));
  if (!lua_checkstack(c->L, 1)) return coro_nomemory(c, "raise what a task raised");
  lua_rawgeti(c->L, LUA_REGISTRYINDEX, (int)(intptr_t)cl_error_payload(e));
  return coro_error(c, c->L, NULL);
}

/* co_await task (self: its frame): its value, or what it raised */
static cl_Error *await_result(cl_Runtime *R, void *self, void *result, int take) {
  Ctx *c = ctx_of(R);
  cl_TaskPromise *p;
  cl_Handle t;
  cl_Error *e = cl_from_address(R, self, &c->task_type->pt, &t);
  if (e == NULL) e = cl_promise(R, t, &c->task_type->pt, (void **)&p);
  if (e == NULL) e = task_error(c, p, take);
  if (e == NULL && result != NULL) {
    if (lua_checkstack((lua_State *)result, 1)) push_result((lua_State *)result, p);
    else e = coro_nomemory(c, "return the value of a task");
  }
  return e;
}

static cl_Error *task_await_resume(cl_Runtime *R, void *self, void *result) {
  if (coro_resumelater(ctx_of(R), &ctx_of(R)->task_ops, self)) return NULL;
  return await_result(R, self, result, 1);
}

static cl_Error *task_await_resume_kept(cl_Runtime *R, void *self, void *result) {
  if (coro_resumelater(ctx_of(R), &ctx_of(R)->task_kept_ops, self)) return NULL;
  return await_result(R, self, result, 0);
}

int coro_istask(lua_State *L, int i) {
  return toobject(L, i, CORO_TASK) != NULL;
}

/* co_await on the task object at i: a temporary is moved into the co_await,
   which destroys it at its end; a named task stays its object's */
cl_Error *coro_taskawaitable(Ctx *c, lua_State *L, int i, int temporary,
                             cl_Awaitable *a) {
  Object *o = toobject(L, i, CORO_TASK);
  if (cl_address(o->f) == NULL)
    return cl_error_new(c->R, CL_MISUSE, "co_await: this task owns no coroutine "
                        "any more: it was closed, or moved into a co_await "
                        "(co_await(coro.temporary(t)) moves it)");
  if (!cl_is_live(c->R, o->f)) return cl_check_handle(c->R, "co_await", o->f);
  a->ops = temporary ? &c->task_ops : &c->task_kept_ops;
  a->self = cl_address(o->f);
  if (temporary) o->f = null_handle;       /* the co_await owns it now */
  return NULL;
}

/* t:run(), coro.run(t): run a task from plain Lua; its value */
static int task_run(lua_State *L) {
  Ctx *c = ctx_up(L);
  Object *o = checkobject(L, CORO_TASK, "coro.task");
  cl_Handle f = owned(L, o, "run()");
  int done;
  cl_Error *e = cl_check_handle(c->R, "run()", f);
  if (e) return coro_raise(c, L, e);
  ENTER(c, L);
  e = cl_resume(c->R, f);
  LEAVE(c, e);
  if (e == NULL) e = cl_check_handle(c->R, "run()", f);     /* still there? */
  if (e == NULL && (e = cl_done(c->R, f, &done)) == NULL && !done)
    e = cl_error_new(c->R, CL_MISUSE, "run(): the task suspended without "
                     "finishing; resume it again when what it awaits is ready");
  if (e == NULL) e = task_await_resume(c->R, cl_address(f), L);
  return e ? coro_raise(c, L, e) : 1;
}

static const luaL_Reg task_meta[] = {
  {"run", task_run}, {"close", object_close}, {"__close", object_close},
  {"__gc", object_gc}, {"__index", object_index}, {NULL, NULL}
};

static const luaL_Reg funcs[] = {
  {"run", task_run}, {NULL, NULL}
};

/* ------------------------------------------------------------- opening -- */

/* ------------------------------------------------------------ promise -- */

/* h:promise() of a built-in: C++ hands out a reference, so while the frame
   lives it is one userdata (interned as handles are), which from_promise
   maps back, and whose fields (pairs, or by name) read the promise as it
   is now: a generator's current; a task's result and continuation */
typedef struct PromiseRef {
  const char *kind;            /* CORO_PROMISE */
  void *p;
  const PromiseType *type;
  cl_Handle frame;             /* its frame's: a dangling one is refused */
} PromiseRef;

/* p is the promise of a live frame (h:promise(), coro.info) */
static void push_promise(Ctx *c, lua_State *L, void *p) {
  cl_Handle h = {NULL, 0, 0};                 /* taken before allocating */
  cl_error_free(c->R, cl_from_promise(c->R, p, NULL, &h));
  const PromiseType *t = coro_frametype(c, h);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->promise_refs);
  lua_rawgetp(L, -1, p);
  PromiseRef *r = (PromiseRef *)coro_toudata(L, -1, CORO_PROMISE, sizeof *r);
  if (r == NULL || r->frame.id != h.id) {
    lua_pop(L, 1);
    r = (PromiseRef *)lua_newuserdatauv(L, sizeof *r, 0);
    *r = (PromiseRef){CORO_PROMISE, p, t, h};
    luaL_setmetatable(L, CORO_PROMISE);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, -3, p);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->promises);   /* for from_promise */
    lua_pushvalue(L, -2);
    lua_pushlightuserdata(L, p);
    lua_rawset(L, -3);
    lua_pop(L, 1);
  }
  lua_remove(L, -2);
}

const cl_Handle *coro_promisehandle(lua_State *L, int i) {
  PromiseRef *r = (PromiseRef *)coro_toudata(L, i, CORO_PROMISE, sizeof *r);
  return r ? &r->frame : NULL;
}

/* (r [, k]): a table of the promise's fields now, or its field k (with
   the collector stopped) */
static int pfields(lua_State *L) {
  Ctx *c = ctx_up(L);
  PromiseRef *r = (PromiseRef *)luaL_checkudata(L, 1, CORO_PROMISE);
  int field = !lua_isnone(L, 2);
  void *p;
  cl_Error *e = cl_check_handle(c->R, "reading its promise", r->frame);
  if (e == NULL) e = cl_promise(c->R, r->frame, &r->type->pt, &p);
  if (e) return coro_raise(c, L, e);
  lua_createtable(L, 0, 2);
  if (r->type == c->task_type) {
    cl_TaskPromise *t = (cl_TaskPromise *)p;
    push_result(L, t);
    lua_setfield(L, -2, "result");
    if (cl_address(t->continuation) != NULL) {
      coro_pushhandle(c, L, t->continuation, coro_frametype(c, t->continuation));
      lua_setfield(L, -2, "continuation");
    }
  } else if (((GenPromise *)p)->g.current) {
    coro_pushvalue(L, ((GenPromise *)p)->g.current);
    lua_setfield(L, -2, "current");
  }
  if (field) {
    lua_pushvalue(L, 2);
    lua_rawget(L, -2);
  }
  return 1;
}

static int promise_index(lua_State *L) {
  lua_settop(L, 2);
  return coro_nogc(ctx_up(L), L, pfields);
}

static int next_field(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  return lua_next(L, 1) ? 2 : 0;
}

static int promise_pairs(lua_State *L) {
  lua_settop(L, 1);
  coro_nogc(ctx_up(L), L, pfields);
  lua_pushcfunction(L, next_field);
  lua_insert(L, -2);
  lua_pushnil(L);
  return 3;
}

static int promise_newindex(lua_State *L) {
  PromiseRef *r = (PromiseRef *)luaL_checkudata(L, 1, CORO_PROMISE);
  return luaL_error(L, "the promise of a coro.%s is read-only: its fields are "
                    "set by the coroutine (co_yield, co_return)", r->type->name);
}

static int promise_tostring(lua_State *L) {
  PromiseRef *r = (PromiseRef *)luaL_checkudata(L, 1, CORO_PROMISE);
  lua_pushfstring(L, "%s::promise_type: %p", r->type->name, r->p);
  return 1;
}

static const luaL_Reg promise_meta[] = {
  {"__index", promise_index}, {"__pairs", promise_pairs},
  {"__newindex", promise_newindex}, {"__tostring", promise_tostring},
  {NULL, NULL}
};

/* coro[name] = a table that is a promise type made from the C type base */
static PromiseType *builtin(lua_State *L, Ctx *c, const char *name,
                            const cl_PromiseType *base, size_t size,
                            size_t anchor) {
  lua_createtable(L, 0, 1);
  lua_pushstring(L, name);
  lua_setfield(L, -2, "__name");
  PromiseType *t = coro_newtype(L, c, -1, name);
  lua_pop(L, 1);
  lua_setfield(L, -2, name);
  t->pt = *base;
  t->pt.name = t->name;
  t->pt.size = size;
  t->pt.userdata = t;
  t->pt.base = base;
  t->pt.operator_new = coro_operator_new;
  t->pt.operator_delete = coro_operator_delete;
  t->pt.get_return_object = get_return_object;
  t->pt.return_object_destroy = object_disown;
  t->anchor = anchor;
  t->push = push_promise;
  return t;
}

void coro_openbuiltin(lua_State *L, Ctx *c) {
  PromiseType *t;
  coro_newmeta(L, c, CORO_GENERATOR, generator_meta);
  coro_newmeta(L, c, CORO_TASK, task_meta);
  coro_newmeta(L, c, CORO_PROMISE, promise_meta);
  c->promise_refs = coro_newref(L, "v");
  t = builtin(L, c, "generator", &cl_generator_type, sizeof(GenPromise),
              offsetof(GenPromise, anchor));
  t = builtin(L, c, "task", &cl_task_type, sizeof(TaskPromise),
              offsetof(TaskPromise, anchor));
  t->pt.return_value = task_return_value;
  t->pt.destroy = task_destroy;
  c->task_type = t;
  c->task_ops = cl_task_awaitable_ops;      /* its flags: the core may do */
  c->task_ops.await_resume = task_await_resume;   /* await_ready, await_suspend */
  c->task_kept_ops = c->task_ops;
  c->task_kept_ops.await_resume = task_await_resume_kept;
  c->task_kept_ops.destroy = NULL;
  coro_newlib(L, c, funcs);
}
