/*
** lawait.c — awaitables in Lua: any value with await_ready, await_suspend
** and await_resume (an awaiter), or with a member operator_co_await or a
** metatable __co_await (an awaitable); suspend_always/suspend_never; and
** coro.temporary, C++'s prvalue. The operand of co_await(x) is a named
** object, never destroyed by the co_await; a temporary, and every object
** the protocol makes (await_transform's, operator co_await's, the promise
** members' results), is closed at the co_await's end ([expr.await]/3).
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lcoro.h"

/* a Lua awaitable's self: a registry ref, the members it has, and whether
   it is a temporary of the co_await, whose __close runs at its end */
#define MEMBERS 5
#define CLOSES (1 << MEMBERS)
#define BITS (MEMBERS + 1)
#define encode(ref, mask)  ((void *)(((intptr_t)(ref) + 2) << BITS | (mask)))
#define ref_of(self)       ((int)(((intptr_t)(self) >> BITS) - 2))
#define mask_of(self)      ((int)((intptr_t)(self) & ((1 << BITS) - 1)))

const char CORO_TEMPORARY[] = "coro.temporary";

typedef struct Temporary {     /* coro.temporary(v): v is its user value */
  const char *kind;            /* CORO_TEMPORARY */
  int awaited;                 /* a prvalue is awaited once */
} Temporary;

static const char *const names[MEMBERS] = {
  "operator_co_await", NULL, "await_ready", "await_suspend", "await_resume"
};

/* ------------------------------------------------- what a value has -- */

static int members(lua_State *L, int i) {
  int mask = 0;
  if (lua_istable(L, i) || luaL_getmetafield(L, i, "__index") != LUA_TNIL) {
    if (!lua_istable(L, i)) lua_pop(L, 1);
    for (int m = 0; m < MEMBERS; m++)
      if (names[m] != NULL) {
        if (lua_getfield(L, i, names[m]) != LUA_TNIL) mask |= 1 << m;
        lua_pop(L, 1);
      }
  }
  if (luaL_getmetafield(L, i, "__co_await") != LUA_TNIL) {
    mask |= 1 << CL_FREE_CO_AWAIT;
    lua_pop(L, 1);
  }
  return mask;
}

static int islua(Ctx *c, const cl_AwaitableOps *ops) {
  return ops >= c->lua_ops && ops < c->lua_ops + LUA_NUMTYPES;
}

typedef struct Making { cl_Awaitable *a; int temporary; } Making;

/* protected: c, Making, the value (lookups may run __index) */
static int luaawaitable(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  Making *m = (Making *)lua_touserdata(L, 2);
  int mask = members(L, 3) | (m->temporary ? CLOSES : 0);
  m->a->ops = &c->lua_ops[lua_type(L, 3)];
  m->a->self = encode(luaL_ref(L, LUA_REGISTRYINDEX), mask);
  return 0;
}

/* u is coro.suspend_always or coro.suspend_never: *a is it */
static int standard(Ctx *c, const void *u, cl_Awaitable *a) {
  if (u == NULL) return 0;
  if (u == c->always) *a = cl_suspend_always();
  else if (u == c->never) *a = cl_suspend_never();
  return u == c->always || u == c->never;
}

static cl_Error *toawaitable(Ctx *c, lua_State *L, int i, cl_Awaitable *a,
                             int temporary) {
  void *u = lua_touserdata(L, i);
  Making m;
  if (standard(c, u, a)) return NULL;
  if (u != NULL && coro_istask(L, i)) return coro_taskawaitable(c, L, i, temporary, a);
  m.a = a;
  m.temporary = temporary;
  return coro_protect(c, L, luaawaitable, &m, i, 1, "co_await a %s",
                      luaL_typename(L, i));
}

/* the value at i as an awaitable; a coro.temporary is unwrapped (and is a
   temporary whatever temporary says) */
cl_Error *coro_toawaitable(Ctx *c, lua_State *L, int i, cl_Awaitable *a,
                           int temporary) {
  if (standard(c, lua_touserdata(L, i), a)) return NULL;     /* the usual */
  Temporary *t = (Temporary *)coro_toudata(L, i, CORO_TEMPORARY, sizeof(Temporary));
  cl_Error *e;
  if (t == NULL) return toawaitable(c, L, i, a, temporary);
  if (t->awaited)
    return cl_error_new(c->R, CL_MISUSE, "co_await: this coro.temporary was "
                        "already awaited; a temporary (a prvalue) is awaited "
                        "once [expr.await]/3");
  if (!lua_checkstack(L, 1)) return coro_nomemory(c, "co_await a temporary");
  lua_getiuservalue(L, i, 1);
  e = toawaitable(c, L, lua_gettop(L), a, 1);
  lua_pop(L, 1);
  if (e == NULL) t->awaited = 1;
  return e;
}

static int pushawaitable(lua_State *L) {   /* protected: c, cl_Awaitable */
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  cl_Awaitable a = *(cl_Awaitable *)lua_touserdata(L, 2);
  if (islua(c, a.ops)) lua_rawgeti(L, LUA_REGISTRYINDEX, ref_of(a.self));
  else if (a.ops == &cl_suspend_always_ops) lua_rawgeti(L, LUA_REGISTRYINDEX, c->always_ref);
  else if (a.ops == &cl_suspend_never_ops) lua_rawgeti(L, LUA_REGISTRYINDEX, c->never_ref);
  else if (a.ops == &c->task_ops || a.ops == &c->task_kept_ops) {
    cl_Handle t = {NULL, 0, 0};                /* self: the task's frame */
    cl_error_free(c->R, cl_from_address(c->R, a.self, NULL, &t));
    coro_pushhandle(c, L, t, c->task_type);
  } else lua_pushstring(L, a.ops->name);
  return 1;
}

cl_Error *coro_pushawaitable(Ctx *c, lua_State *L, cl_Awaitable a) {
  return coro_protect(c, L, pushawaitable, &a, 0, 0, "pass the awaiter %s",
                      a.ops->name ? a.ops->name : "");
}

/* ------------------------------------------- the members, called by C -- */

/* protected: obj, name (light userdata), args...: obj:name(args...) */
static int pmethod(lua_State *L) {
  lua_getfield(L, 1, (const char *)lua_touserdata(L, 2));
  lua_replace(L, 2);
  lua_pushvalue(L, 1);                   /* swap: fn, obj, args... */
  lua_copy(L, 2, 1);
  lua_replace(L, 2);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* protected: obj, name, c, the frame's handle: obj:await_suspend(handle) */
static int psuspend(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 3);
  cl_Handle h = *(const cl_Handle *)lua_touserdata(L, 4);
  lua_settop(L, 2);
  coro_pushhandle(c, L, h, coro_frametype(c, h));
  return pmethod(L);
}

/* protected: obj, name: operator co_await(obj), the non-member */
static int pfree(lua_State *L) {
  lua_settop(L, 1);
  luaL_getmetafield(L, 1, "__co_await");
  lua_insert(L, 1);
  lua_call(L, 1, 1);
  return 1;
}

/* push the call f(self, name); the arguments follow, then callmethod */
static cl_Error *method(cl_Runtime *R, void *self, lua_CFunction f,
                        const char *name, lua_State **L) {
  *L = ctx_of(R)->L;
  if (!lua_checkstack(*L, 8)) return coro_nomemory(ctx_of(R), "call %s", name);
  lua_pushcfunction(*L, f);
  lua_rawgeti(*L, LUA_REGISTRYINDEX, ref_of(self));
  lua_pushlightuserdata(*L, (void *)name);
  return NULL;
}

/* nargs: after self and name */
static cl_Error *callmethod(cl_Runtime *R, lua_State *L, int nargs, int nres) {
  if (lua_pcall(L, nargs + 2, nres, 0) == LUA_OK) return NULL;
  return coro_error(ctx_of(R), L, NULL);
}

static int has(cl_Runtime *R, void *self, cl_AwaitMember m) {
  (void)R;
  return (mask_of(self) >> m) & 1;
}

/* the awaiter from operator co_await; returning self is no new object */
static cl_Error *co_await_result(cl_Runtime *R, lua_State *L, void *self,
                                 cl_Error *e, cl_Awaitable *w) {
  if (e) return e;
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref_of(self));
  if (lua_rawequal(L, -1, -2)) {               /* *this: nothing new made */
    w->ops = ctx_of(R)->lua_ops + lua_type(L, -1);
    w->self = self;
  } else
    e = coro_toawaitable(ctx_of(R), L, -2, w, 1);
  lua_pop(L, 2);
  return e;
}

static cl_Error *member_co_await(cl_Runtime *R, void *self, cl_Awaitable *w) {
  lua_State *L;
  cl_Error *e = method(R, self, pmethod, "operator_co_await", &L);
  return e ? e : co_await_result(R, L, self, callmethod(R, L, 0, 1), w);
}

static cl_Error *free_co_await(cl_Runtime *R, void *self, cl_Awaitable *w) {
  lua_State *L;
  cl_Error *e = method(R, self, pfree, "__co_await", &L);
  return e ? e : co_await_result(R, L, self, callmethod(R, L, 0, 1), w);
}

static cl_Error *await_ready(cl_Runtime *R, void *self, int *ready) {
  lua_State *L;
  cl_Error *e = method(R, self, pmethod, "await_ready", &L);
  if (e || (e = callmethod(R, L, 0, 1))) return e;
  *ready = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return NULL;
}

static cl_Error *await_suspend(cl_Runtime *R, void *self, cl_Handle h,
                               cl_SuspendResult *res) {
  Ctx *c = ctx_of(R);
  lua_State *L;
  cl_Error *e = method(R, self, psuspend, "await_suspend", &L);
  if (e) return e;
  int top = lua_gettop(L) - 3;
  Handle *to;
  lua_pushlightuserdata(L, c);
  lua_pushlightuserdata(L, &h);
  if ((e = callmethod(R, L, 2, LUA_MULTRET))) return e;
  switch (lua_gettop(L) == top ? LUA_TNIL : lua_type(L, top + 1)) {
    case LUA_TNIL: res->kind = CL_SUSPEND_VOID; break;
    case LUA_TBOOLEAN:
      res->kind = CL_SUSPEND_BOOL;
      res->value = lua_toboolean(L, top + 1);
      break;
    default:
      if ((to = coro_tohandle(L, top + 1)) != NULL) {
        res->kind = CL_SUSPEND_HANDLE;
        res->handle = to->h;
        break;
      }
      e = cl_error_new(R, CL_MISUSE, "await_suspend returned a %s; it must "
                       "return nothing (void), a boolean, or a coroutine "
                       "handle [expr.await]/5.1", luaL_typename(L, top + 1));
  }
  lua_settop(L, top);
  return e;
}

/* its value goes on top of the body (result is the body's thread) */
static cl_Error *await_resume(cl_Runtime *R, void *self, void *result) {
  lua_State *L;
  cl_Error *e = method(R, self, pmethod, "await_resume", &L);
  if (e || (e = callmethod(R, L, 0, 1))) return e;
  coro_returned(ctx_of(R), L, "await_resume");
  if (result != NULL && !lua_checkstack((lua_State *)result, 1))
    e = coro_nomemory(ctx_of(R), "return the value of await_resume");
  if (result == NULL || e) lua_pop(L, 1);
  else lua_xmove(L, (lua_State *)result, 1);
  return e;
}

/* the co_await's end: a temporary's __close (~awaiter); a named operand
   is only let go. With no room on the stack (no memory), the value stays
   in the registry until the state is closed */
static void destroy(cl_Runtime *R, void *self) {
  Ctx *c = ctx_of(R);
  lua_State *L = c->L;
  if (!lua_checkstack(L, 4)) return;
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref_of(self));
  if ((mask_of(self) & CLOSES) && luaL_getmetafield(L, -1, "__close") != LUA_TNIL) {
    lua_insert(L, -2);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) coro_warn(c, "__close of an awaiter", L);
  } else
    lua_pop(L, 1);
  luaL_unref(L, LUA_REGISTRYINDEX, ref_of(self));
}

typedef struct Buffer { char *buf; size_t n; } Buffer;

/* protected: c, Buffer, awaiter; raw reads: describing runs no Lua code */
static int pdescribe(lua_State *L) {
  Buffer *b = (Buffer *)lua_touserdata(L, 2);
  if (luaL_getmetafield(L, 3, "__name") == LUA_TSTRING ||
      (lua_istable(L, 3) && lua_pushliteral(L, "name") &&
       lua_rawget(L, 3) == LUA_TSTRING))
    snprintf(b->buf, b->n, "%s", lua_tostring(L, -1));
  else
    b->buf[0] = '\0';                    /* nameless: the core names it */
  return 0;
}

static void describe(cl_Runtime *R, void *self, char *buf, size_t n) {
  Ctx *c = ctx_of(R);
  lua_State *L = c->L;
  Buffer b;
  b.buf = buf;
  b.n = n;
  buf[0] = '\0';                         /* no memory to say: the core names it */
  if (!lua_checkstack(L, 1)) return;
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref_of(self));
  cl_error_free(R, coro_protect(c, L, pdescribe, &b, -1, 1, "describe"));
  lua_pop(L, 1);
}

/* ------------------------------------ suspend_always, suspend_never -- */

static int aw_ready(lua_State *L) {
  lua_pushboolean(L, lua_touserdata(L, 1) == ctx_up(L)->never);
  return 1;
}

static int aw_nothing(lua_State *L) { (void)L; return 0; }

static int aw_self(lua_State *L) {       /* suspend_always() is itself */
  lua_settop(L, 1);
  return 1;
}

static int aw_tostring(lua_State *L) {
  lua_pushstring(L, lua_touserdata(L, 1) == ctx_up(L)->never
                    ? "suspend_never" : "suspend_always");
  return 1;
}

/* ------------------------------------------------------ coro.temporary -- */

static int temporary(lua_State *L) {
  luaL_checkany(L, 1);
  Temporary *t = (Temporary *)lua_newuserdatauv(L, sizeof *t, 1);
  t->kind = CORO_TEMPORARY;
  t->awaited = 0;
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  luaL_setmetatable(L, CORO_TEMPORARY);
  return 1;
}

static int temporary_tostring(lua_State *L) {
  lua_getiuservalue(L, 1, 1);
  lua_pushfstring(L, "temporary(%s)", luaL_tolstring(L, -1, NULL));
  return 1;
}

static const luaL_Reg temporary_meta[] = {
  {"__tostring", temporary_tostring}, {NULL, NULL}
};

static const luaL_Reg funcs[] = {
  {"temporary", temporary}, {NULL, NULL}
};

static const luaL_Reg awaiter_meta[] = {
  {"await_ready", aw_ready}, {"await_suspend", aw_nothing},
  {"await_resume", aw_nothing}, {"__call", aw_self},
  {"__tostring", aw_tostring}, {NULL, NULL}
};

static void *newawaiter(lua_State *L, const char *name, int *ref) {
  void *u = lua_newuserdatauv(L, 1, 0);
  luaL_setmetatable(L, CORO_AWAITER);
  lua_pushvalue(L, -1);
  *ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_setfield(L, -2, name);
  return u;
}

void coro_openawait(lua_State *L, Ctx *c) {
  static const cl_AwaitableOps lua_ops = {
    NULL, has, member_co_await, free_co_await, await_ready, await_suspend,
    await_resume, destroy, describe, 0
  };
  for (int t = 0; t < LUA_NUMTYPES; t++) {
    c->lua_ops[t] = lua_ops;
    c->lua_ops[t].name = lua_typename(L, t);
  }
  coro_newmeta(L, c, CORO_AWAITER, awaiter_meta);
  coro_newmeta(L, c, CORO_TEMPORARY, temporary_meta);
  coro_newlib(L, c, funcs);
  c->always = newawaiter(L, "suspend_always", &c->always_ref);
  c->never = newawaiter(L, "suspend_never", &c->never_ref);
}
