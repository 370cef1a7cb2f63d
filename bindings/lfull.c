/*
** lfull.c — full-expressions ([intro.execution]/5): coro.full(f, ...) runs
** f as one, and every temporary made in it (a coro.temporary, an awaiter
** the co_await protocol makes) is destroyed at its end, last made first
** ([class.temporary]/4): when f returns, when an error leaves it, and when
** its coroutine is destroyed suspended inside it. And the orders C++ leaves
** unspecified inside one, evaluated as coro.order says: the arguments of a
** call (coro.args) and unsequenced co_awaits (coro.co_awaits).
*/
#include "lcoro.h"

#define CORO_FULL "coro.full"

/* A full-expression is a table (metatable CORO_FULL): its temporaries at
   1..n, each {value, cause, unspecified} (cause: the member that made it,
   an awaiter; 0: a temporary not awaited); "refs", the registry refs it
   releases at its end; "outer", the full-expression it is in (false: none);
   "thread", where it is open; "frame" and "id", the coroutine whose body
   it is in (none outside one). It is a to-be-closed variable of the C
   function that opened it: its __close is its end */

static void pushthread(lua_State *L, lua_State *T) {
  if (T == L) lua_pushthread(L);
  else {
    lua_pushthread(T);
    lua_xmove(T, L, 1);
  }
}

/* a value with identity: a full-expression can find it again */
static int identity(lua_State *L, int i) {
  int t = lua_type(L, i);
  return t == LUA_TTABLE || t == LUA_TUSERDATA || t == LUA_TFUNCTION || t == LUA_TTHREAD;
}

int coro_pushfull(Ctx *c, lua_State *L, lua_State *T, int value, int *entry) {
  if (entry) *entry = 0;
  if (c->nfulls == 0 || T == NULL || !lua_checkstack(T, 1) || !lua_checkstack(L, 4))
    return 0;
  value = value ? lua_absindex(L, value) : 0;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->fulls);
  pushthread(L, T);
  if (lua_rawget(L, -2) != LUA_TTABLE) {
    lua_pop(L, 2);
    return 0;
  }
  lua_remove(L, -2);
  if (value == 0 || !identity(L, value)) return 1;
  lua_pushvalue(L, -1);                 /* the one that made it, from in out */
  while (lua_istable(L, -1)) {
    if (lua_getfield(L, -1, "index") == LUA_TTABLE) {
      lua_pushvalue(L, value);
      if (lua_rawget(L, -2) == LUA_TNUMBER) {
        *entry = (int)lua_tointeger(L, -1);
        lua_pop(L, 2);
        lua_remove(L, -2);
        return 1;
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getfield(L, -1, "outer");
    lua_remove(L, -2);
  }
  lua_pop(L, 1);
  return 1;
}

/* open a full-expression on L, pushed */
static void openfull(Ctx *c, lua_State *L) {
  lua_createtable(L, 0, 6);
  luaL_setmetatable(L, CORO_FULL);
  if (!coro_pushfull(c, L, L, 0, NULL)) lua_pushboolean(L, 0);
  lua_setfield(L, -2, "outer");
  lua_pushthread(L);
  lua_setfield(L, -2, "thread");
  if (c->body != NULL && c->body->T == L) {
    lua_pushlightuserdata(L, c->body->frame);
    lua_setfield(L, -2, "frame");
    lua_pushinteger(L, cl_frame_id(c->R, c->body->frame));
    lua_setfield(L, -2, "id");
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->fulls);      /* fulls[L] = it */
  lua_pushthread(L);
  lua_pushvalue(L, -3);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  c->nfulls++;
}

void coro_fullkeep(lua_State *L, int full, int ref) {
  if (lua_getfield(L, full, "refs") != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, full, "refs");
  }
  lua_pushinteger(L, ref);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  lua_pop(L, 1);
}

/* the unspecified order that decides when the temporaries made now are */
static const char *deciding(Ctx *c) {
  Body *b;
  if (c->unspecified) return c->unspecified;
  b = coro_runningbody(c);
  return b ? b->unspecified : NULL;
}

int coro_fulltake(Ctx *c, lua_State *L, int full, int value, int entry,
                  cl_EventCause by) {
  const char *u = deciding(c);
  full = lua_absindex(L, full);
  value = lua_absindex(L, value);
  if (entry > 0) {
    lua_rawgeti(L, full, entry);
    lua_pushinteger(L, by);
    lua_rawseti(L, -2, 2);
    lua_pop(L, 1);
    return entry;
  }
  lua_createtable(L, 3, 0);
  lua_pushvalue(L, value);
  lua_rawseti(L, -2, 1);
  lua_pushinteger(L, by);
  lua_rawseti(L, -2, 2);
  if (u) {
    lua_pushstring(L, u);
    lua_rawseti(L, -2, 3);
  }
  entry = (int)lua_rawlen(L, full) + 1;
  lua_rawseti(L, full, entry);
  if (identity(L, value) && !coro_toudata(L, value, CORO_TEMPORARY, sizeof(Temporary))) {
    if (lua_getfield(L, full, "index") != LUA_TTABLE) {   /* index[value] = entry */
      lua_pop(L, 1);
      lua_newtable(L);
      lua_pushvalue(L, -1);
      lua_setfield(L, full, "index");
    }
    lua_pushvalue(L, value);
    lua_pushinteger(L, entry);
    lua_rawset(L, -3);
    lua_pop(L, 1);
  }
  return entry;
}

int coro_fullawaited(lua_State *L, int full, int entry) {
  lua_rawgeti(L, full, entry);
  int by = (lua_rawgeti(L, -1, 2), (int)lua_tointeger(L, -1));
  lua_pop(L, 2);
  return by != CL_CAUSE_NONE;
}

/* the name of the temporary at i: its own, or who made it (a task is
   named as the driver names it) */
static const char *nameof(Ctx *c, lua_State *L, int i, cl_EventCause by,
                          char *buf, size_t n) {
  if (coro_istask(L, i)) return c->task_ops.name;
  coro_describe(c, L, i, buf, n);
  return buf[0] != '\0' ? buf : coro_unnamed(by);
}

/* entry i of the full-expression at 1 ends: its event, then its
   destructor; a coro.temporary learns that it ended */
static void destroy(Ctx *c, lua_State *L, int i) {
  char buf[96];
  cl_Frame *f = (cl_Frame *)(lua_getfield(L, 1, "frame"), lua_touserdata(L, -1));
  unsigned id = (unsigned)(lua_getfield(L, 1, "id"), lua_tointeger(L, -1));
  lua_pop(L, 2);
  lua_rawgeti(L, 1, i);
  int entry = lua_gettop(L);
  lua_rawgeti(L, entry, 1);
  Temporary *t = (Temporary *)coro_toudata(L, -1, CORO_TEMPORARY, sizeof(Temporary));
  if (t != NULL) {
    t->entry = -1;
    lua_getiuservalue(L, -1, 1);
    lua_remove(L, -2);
  }
  cl_EventCause by = (cl_EventCause)(lua_rawgeti(L, entry, 2), lua_tointeger(L, -1));
  const char *u = (lua_rawgeti(L, entry, 3), lua_tostring(L, -1));
  if (c->nobservers > 0)
    coro_tell(c, L, by == CL_CAUSE_NONE ? "~temporary" : "~awaiter", f, id, by,
              nameof(c, L, entry + 1, by, buf, sizeof buf), u, entry + 1);
  if (coro_pushdestructor(L, entry + 1)) {
    lua_pushvalue(L, entry + 1);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) coro_warn(c, "__close of a temporary", L);
  }
  lua_settop(L, entry - 1);
}

/* __close of a full-expression: its end. Its thread's destructors run now
   (they cannot suspend: coro_checkbody) */
static int full_close(lua_State *L) {
  Ctx *c = ctx_up(L);
  lua_State *saved = c->destructing;
  lua_settop(L, 1);
  if (lua_getfield(L, 1, "thread") != LUA_TTHREAD) return 0;   /* ended */
  c->destructing = lua_tothread(L, 2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->fulls);     /* fulls[thread] = outer */
  lua_pushvalue(L, 2);
  lua_getfield(L, 1, "outer");
  if (!lua_toboolean(L, -1)) {
    lua_pop(L, 1);
    lua_pushnil(L);
  }
  lua_rawset(L, -3);
  lua_settop(L, 1);
  lua_pushnil(L);
  lua_setfield(L, 1, "thread");
  c->nfulls--;
  for (int i = (int)lua_rawlen(L, 1); i > 0; i--) destroy(c, L, i);
  c->destructing = saved;
  if (lua_getfield(L, 1, "refs") == LUA_TTABLE)
    for (lua_Integer i = 1; lua_rawgeti(L, 2, i) == LUA_TNUMBER; i++) {
      luaL_unref(L, LUA_REGISTRYINDEX, (int)lua_tointeger(L, -1));
      lua_pop(L, 1);
    }
  return 0;
}

/* ---------------------------------------------------------- coro.full -- */

static int fullk(lua_State *L, int status, lua_KContext k) {
  (void)status; (void)k;
  lua_closeslot(L, 1);
  return lua_gettop(L) - 1;
}

/* coro.full(f, ...): f(...), one full-expression; its results */
static int full(lua_State *L) {
  Ctx *c = ctx_up(L);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  luaL_checkstack(L, 8, "too many arguments");
  openfull(c, L);
  lua_insert(L, 1);
  lua_toclose(L, 1);
  lua_callk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, fullk);
  return fullk(L, LUA_OK, 0);
}

/* ---------------------------------------------------------- coro.args -- */

/* the value function i makes (one), deciding `order`: it replaces it */
static void make(Ctx *c, lua_State *L, int i, const char *order) {
  const char *saved = c->unspecified;
  c->unspecified = order;
  lua_pushvalue(L, i);
  int status = lua_pcall(L, 0, 1, 0);
  c->unspecified = saved;
  if (status != LUA_OK) lua_error(L);
  lua_replace(L, i);
}

/* coro.args(f1, ..., fn): the arguments of one call, each made by its
   function, in the order the compiler evaluates them ([expr.call]/8: g++
   12 last to first, clang 14 first to last); returned in order */
static int args(lua_State *L) {
  Ctx *c = ctx_up(L);
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) luaL_checktype(L, i, LUA_TFUNCTION);
  for (int k = 0; k < n; k++)
    make(c, L, c->order == ORDER_GXX ? n - k : k + 1, n > 1 ? "argument_order" : NULL);
  return n;
}

/* ------------------------------------------------------ coro.co_awaits -- */

/* Its stack: at 1..n the functions, then each the operand it made; at
   n+1 its own full-expression (or false); then (g++'s order) for each
   operand the awaiter whose await_resume the body calls (ops and self,
   light userdata); then the values. k: the step, (phase * 256 + operand)
   * 256 + n, phase 0: the start, 1: suspended (g++'s order), 2: awaited
   whole (clang's): the order is the one coro.order said at the start */
#define MAXOPERANDS 255
#define STEP(phase, i, n) ((lua_KContext)((((phase) << 8) + (i)) << 8 | (n)))
#define UNSEQUENCED "unsequenced_co_await"

/* the values await_resume pushed since the stack had top values: one */
static void onevalue(lua_State *L, int top) {
  if (lua_gettop(L) == top) lua_pushnil(L);
  lua_settop(L, top + 1);
}

/* g++'s await_resume of operand i, which its co_await left to the body;
   its event first, as the driver tells its own */
static void resumelater(Ctx *c, lua_State *L, Body *b, int i, int n) {
  int at = n + 2 * i;                   /* ops at at, self at at + 1 */
  cl_Awaitable a;
  cl_Error *e;
  char buf[96];
  int top = lua_gettop(L);
  a.ops = (const cl_AwaitableOps *)lua_touserdata(L, at);
  a.self = lua_touserdata(L, at + 1);
  buf[0] = '\0';
  if (a.ops != NULL && a.ops->describe) a.ops->describe(c->R, a.self, buf, sizeof buf);
  if (c->nobservers > 0)
    coro_tell(c, L, "await_resume", b->frame, cl_frame_id(c->R, b->frame),
              a.ops ? coro_awaitercause(c, a) : CL_CAUSE_OPERAND,
              buf[0] ? buf : a.ops ? a.ops->name : "suspend_always",
              n > 1 ? UNSEQUENCED : NULL, 0);
  if (a.ops == NULL) {                  /* suspend_always's: nothing */
    lua_pushnil(L);
    return;
  }
  ENTER(c, L);
  e = a.ops->await_resume(c->R, a.self, L);
  LEAVE(c, e);
  if (e) coro_raise(c, L, e);
  onevalue(L, top);
}

static int co_awaitsk(lua_State *L, int status, lua_KContext k) {
  Ctx *c = ctx_up(L);
  int n = (int)(k & 255), i = (int)((k >> 8) & 255), phase = (int)(k >> 16);
  const char *u = n > 1 ? UNSEQUENCED : NULL;
  Body *b = c->body;
  (void)status;
  if (phase > 0) {                      /* back from the co_await of i */
    b = coro_resumedbody(L);
    b->unspecified = NULL;
    if (phase == 1) {                   /* g++: its await_resume is ours */
      lua_settop(L, n + 1 + 2 * (i - 1));
      lua_pushlightuserdata(L, (void *)b->later_ops);
      lua_pushlightuserdata(L, b->later_self);
      b->later_ops = NULL;
    } else
      onevalue(L, n + i);               /* clang: its value */
  }
  if (phase == 2 || (phase == 0 && c->order == ORDER_CLANG)) {
    if (i == n) return n;               /* clang: each whole, first to last */
    make(c, L, i + 1, u);
    lua_pushvalue(L, i + 1);
    b->unspecified = u;
    return coro_yieldawait(L, b, 0, STEP(2, i + 1, n), co_awaitsk);
  }
  if (phase == 0) {                     /* g++: every operand first */
    for (int j = 1; j <= n; j++) make(c, L, j, u);
    i = 0;
  }
  if (i < n) {                          /* then suspend at each in turn */
    lua_pushvalue(L, i + 1);
    b->unspecified = u;
    return coro_yieldawait(L, b, 1, STEP(1, i + 1, n), co_awaitsk);
  }
  for (int j = 1; j <= n; j++) resumelater(c, L, b, j, n);   /* then resume */
  return n;
}

/* coro.co_awaits(f1, ..., fn): the co_awaits of an expression's
   unsequenced operands ([intro.execution]/10), each on the operand its
   function makes (as co_await takes it: named, or a coro.temporary);
   their values, in order. g++ 12 makes every operand first, then
   suspends at each co_await in turn, then calls their await_resume in
   order; clang 14 evaluates each co_await whole, first to last. Its
   temporaries are the full-expression's it is in, or its own */
static int co_awaits(lua_State *L) {
  Ctx *c = ctx_up(L);
  int n = lua_gettop(L);
  coro_checkbody(L, "coro.co_awaits");
  luaL_argcheck(L, n > 0, 1, "a function that makes an operand expected");
  luaL_argcheck(L, n <= MAXOPERANDS, MAXOPERANDS + 1, "too many operands");
  for (int i = 1; i <= n; i++) luaL_checktype(L, i, LUA_TFUNCTION);
  luaL_checkstack(L, 3 * n + 8, "too many operands");
  if (coro_pushfull(c, L, L, 0, NULL)) {
    lua_pop(L, 1);
    lua_pushboolean(L, 0);
  } else {
    openfull(c, L);
    lua_toclose(L, n + 1);
  }
  return co_awaitsk(L, LUA_OK, STEP(0, 0, n));
}

static const luaL_Reg full_meta[] = {
  {"__close", full_close}, {NULL, NULL}
};

static const luaL_Reg funcs[] = {
  {"full", full}, {"args", args}, {"co_awaits", co_awaits}, {NULL, NULL}
};

void coro_openfull(lua_State *L, Ctx *c) {
  coro_newmeta(L, c, CORO_FULL, full_meta);
  coro_newlib(L, c, funcs);
  c->fulls = coro_newref(L, "k");
  lua_getfield(L, -1, "full");
  c->full = lua_tocfunction(L, -1);
  lua_pop(L, 1);
}
