/*
** lawait.c — awaitables in Lua: any value with await_ready, await_suspend
** and await_resume (an awaiter), or with a member operator_co_await or a
** metatable __co_await (an awaitable); suspend_always/suspend_never; and
** coro.temporary, C++'s prvalue. The operand of co_await(x) is a named
** object (an lvalue): the co_await destroys nothing, and says so by no
** event. A temporary — a coro.temporary, and every object the protocol
** makes (await_transform's, operator co_await's, the promise members'
** results) — is closed at the co_await's end, or, inside coro.full, at the
** end of the full-expression ([class.temporary]/4).
*/
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lcoro.h"

/* a Lua awaitable's self: a registry ref, the members it has, whether it
   is a temporary the co_await closes, and who made it (Made, for its name
   when it has none) */
#define MEMBERS 5
#define CLOSES (1 << MEMBERS)
#define MADE_SHIFT (MEMBERS + 1)
#define BITS (MADE_SHIFT + 3)
#define encode(ref, mask)  ((void *)(((intptr_t)(ref) + 2) << BITS | (mask)))
#define ref_of(self)       ((int)(((intptr_t)(self) >> BITS) - 2))
#define mask_of(self)      ((int)((intptr_t)(self) & ((1 << BITS) - 1)))
#define made_of(self)      ((Made)((mask_of(self) >> MADE_SHIFT) & 7))

const char CORO_TEMPORARY[] = "coro.temporary";

static const char *const names[MEMBERS] = {
  "operator_co_await", NULL, "await_ready", "await_suspend", "await_resume"
};

/* the words for an awaiter that has no name, by who made it (Made) */
static const char *const unnamed[] = {
  "co_await's operand", "initial_suspend's awaiter", "yield_value's awaiter",
  "final_suspend's awaiter", "await_transform's result",
  "operator co_await's result"
};

/* the cause of an awaiter's events, by who made it (Made) */
static const cl_EventCause made_cause[] = {
  CL_CAUSE_OPERAND, CL_CAUSE_INITIAL_SUSPEND, CL_CAUSE_YIELD_VALUE,
  CL_CAUSE_FINAL_SUSPEND, CL_CAUSE_AWAIT_TRANSFORM, CL_CAUSE_OPERATOR_CO_AWAIT
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
  return (ops >= c->lua_ops && ops < c->lua_ops + LUA_NUMTYPES) ||
         (ops >= c->named_ops && ops < c->named_ops + LUA_NUMTYPES);
}

typedef struct Making {
  cl_Awaitable *a;
  Made made;                   /* who made it */
  int temporary;               /* a temporary (else the named operand) */
  int entry;                   /* a coro.temporary's place in its
                                  full-expression, or 0 */
  int *operand;                /* the named operand in no full-expression:
                                  its body's slot for the ref, kept there
                                  until the next co_await */
} Making;

/* protected: c, Making, the value[, its full-expression]: the awaitable.
   A full-expression keeps its ref (and, a temporary, destroys it at its
   end); else the co_await closes a temporary at its end (lua_ops), and
   destroys nothing of a named operand (named_ops: no destructor, so no
   ~awaiter event) */
static int luaawaitable(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  Making *m = (Making *)lua_touserdata(L, 2);
  int full = lua_gettop(L) >= 4, closes = m->temporary && !full;
  int mask = members(L, 3) | (int)m->made << MADE_SHIFT | (closes ? CLOSES : 0);
  lua_pushvalue(L, 3);
  int ref = luaL_ref(L, LUA_REGISTRYINDEX);
  if (full) {
    coro_fullkeep(L, 4, ref);
    if (m->temporary) coro_fulltake(c, L, 4, 3, m->entry, made_cause[m->made]);
  } else if (!m->temporary) {
    luaL_unref(L, LUA_REGISTRYINDEX, *m->operand);
    *m->operand = ref;
  }
  m->a->ops = &(closes ? c->lua_ops : c->named_ops)[lua_type(L, 3)];
  m->a->self = encode(ref, mask);
  return 0;
}

/* protected: c, Making, a task, its full-expression: it takes the task */
static int taskinfull(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  Making *m = (Making *)lua_touserdata(L, 2);
  coro_fulltake(c, L, 4, 3, m->entry, made_cause[m->made]);
  return 0;
}

/* u is coro.suspend_always or coro.suspend_never: *a is it */
static int standard(Ctx *c, const void *u, cl_Awaitable *a) {
  if (u == NULL) return 0;
  if (u == c->always) *a = cl_suspend_always();
  else if (u == c->never) *a = cl_suspend_never();
  return u == c->always || u == c->never;
}

/* the awaitable of the value at i (no coro.temporary); full: the index of
   the full-expression it belongs to, or 0. A temporary task is moved into
   the co_await, unless a full-expression owns it */
static cl_Error *toawaitable(Ctx *c, lua_State *L, int i, Making *m, int full) {
  int n = full ? 2 : 1;
  cl_Error *e = NULL;
  i = lua_absindex(L, i);
  if (standard(c, lua_touserdata(L, i), m->a)) return NULL;
  if (!lua_checkstack(L, 2)) return coro_nomemory(c, "co_await a %s", luaL_typename(L, i));
  lua_pushvalue(L, i);
  if (full) lua_pushvalue(L, full);
  if (coro_istask(L, i)) {
    if (full && m->temporary)
      e = coro_protect(c, L, taskinfull, m, -2, 2, "co_await a temporary task");
    if (e == NULL) e = coro_taskawaitable(c, L, i, m->temporary && !full, m->a);
  } else
    e = coro_protect(c, L, luaawaitable, m, -n, n, "co_await a %s", luaL_typename(L, i));
  lua_pop(L, n);
  return e;
}

static Temporary *totemporary(lua_State *L, int i) {
  return (Temporary *)coro_toudata(L, i, CORO_TEMPORARY, sizeof(Temporary));
}

/* a coro.temporary awaited: its value, the full-expression it was made in
   (if any), once */
static cl_Error *awaittemporary(Ctx *c, lua_State *L, int i, Temporary *t,
                                Making *m) {
  cl_Error *e;
  i = lua_absindex(L, i);
  if (t->awaited)
    return cl_error_new(c->R, CL_MISUSE, "co_await: this coro.temporary was "
                        "already awaited; a temporary (a prvalue) is awaited "
                        "once [expr.await]/3");
  if (t->entry < 0)
    return cl_error_new(c->R, CL_MISUSE, "co_await: this coro.temporary was "
                        "destroyed at the end of the full-expression it was "
                        "made in (coro.full); a temporary lives to the end of "
                        "its full-expression only [class.temporary]/4");
  if (!lua_checkstack(L, 2)) return coro_nomemory(c, "co_await a temporary");
  lua_getiuservalue(L, i, 1);
  if (t->entry > 0) lua_getiuservalue(L, i, 2);
  m->temporary = 1;
  m->entry = t->entry;
  e = toawaitable(c, L, lua_gettop(L) - (t->entry > 0), m, t->entry > 0 ? lua_gettop(L) : 0);
  lua_pop(L, t->entry > 0 ? 2 : 1);
  if (e == NULL) t->awaited = 1;
  return e;
}

/* the value at i, awaited in body b (m says how): a temporary of one of
   its full-expressions if one made it (then awaited once), else as m says */
static cl_Error *awaitvalue(Ctx *c, lua_State *L, int i, Body *b, Making *m) {
  int entry = 0, full;
  cl_Error *e;
  i = lua_absindex(L, i);
  full = b != NULL && coro_pushfull(c, L, b->T, i, &entry) ? lua_gettop(L) : 0;
  if (entry > 0 && coro_fullawaited(L, full, entry)) {
    lua_pop(L, 1);
    return cl_error_new(c->R, CL_MISUSE, "co_await: this temporary (coro.temporary) "
                        "was already awaited; a temporary (a prvalue) is awaited "
                        "once [expr.await]/3");
  }
  if (entry > 0) {
    m->temporary = 1;
    m->entry = entry;
  }
  e = toawaitable(c, L, i, m, full);
  if (full) lua_pop(L, 1);
  return e;
}

cl_Error *coro_tooperand(Ctx *c, lua_State *L, int i, Body *b, cl_Awaitable *a) {
  Making m;
  Temporary *t;
  if (standard(c, lua_touserdata(L, i), a)) return NULL;     /* the usual */
  m.a = a;
  m.made = MADE_OPERAND;
  m.temporary = m.entry = 0;
  m.operand = &b->operand;
  if ((t = totemporary(L, i)) != NULL) return awaittemporary(c, L, i, t, &m);
  return awaitvalue(c, L, i, b, &m);
}

cl_Error *coro_toawaitable(Ctx *c, lua_State *L, int i, Made made, cl_Awaitable *a) {
  Making m;
  Temporary *t;
  if (standard(c, lua_touserdata(L, i), a)) return NULL;
  m.a = a;
  m.made = made;
  m.temporary = 1;
  m.entry = 0;
  m.operand = NULL;
  if ((t = totemporary(L, i)) != NULL) return awaittemporary(c, L, i, t, &m);
  return awaitvalue(c, L, i, c->nfulls > 0 ? coro_runningbody(c) : NULL, &m);
}

static int pushawaitable(lua_State *L) {   /* protected: c, cl_Awaitable */
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  cl_Awaitable a = *(cl_Awaitable *)lua_touserdata(L, 2);
  if (islua(c, a.ops)) lua_rawgeti(L, LUA_REGISTRYINDEX, ref_of(a.self));
  else if (a.ops == &cl_suspend_always_ops) lua_rawgeti(L, LUA_REGISTRYINDEX, c->always_ref);
  else if (a.ops == &cl_suspend_never_ops) lua_rawgeti(L, LUA_REGISTRYINDEX, c->never_ref);
  else if (a.ops == &c->task_ops || a.ops == &c->task_kept_ops)
    coro_pushhandle(c, L, (cl_Frame *)a.self, cl_frame_id(c->R, (cl_Frame *)a.self),
                    c->task_type);
  else lua_pushstring(L, a.ops->name);
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

/* protected: obj, name, c, the frame: obj:await_suspend(handle) */
static int psuspend(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 3);
  cl_Frame *h = (cl_Frame *)lua_touserdata(L, 4);
  lua_settop(L, 2);
  coro_pushhandle(c, L, h, cl_frame_id(c->R, h), coro_frametype(c, h));
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
    Ctx *c = ctx_of(R);
    w->ops = (mask_of(self) & CLOSES ? c->lua_ops : c->named_ops) + lua_type(L, -1);
    w->self = self;
  } else
    e = coro_toawaitable(ctx_of(R), L, -2, MADE_CO_AWAIT, w);
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

static cl_Error *await_suspend(cl_Runtime *R, void *self, cl_Frame *h,
                               cl_SuspendResult *res) {
  Ctx *c = ctx_of(R);
  lua_State *L;
  cl_Error *e = method(R, self, psuspend, "await_suspend", &L);
  if (e) return e;
  int top = lua_gettop(L) - 3;
  Handle *to;
  lua_pushlightuserdata(L, c);
  lua_pushlightuserdata(L, h);
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
        res->handle = to->f;
        res->id = to->id;
        break;
      }
      e = cl_error_new(R, CL_MISUSE, "await_suspend returned a %s; it must "
                       "return nothing (void), a boolean, or a coroutine "
                       "handle [expr.await]/5.1", luaL_typename(L, top + 1));
  }
  lua_settop(L, top);
  return e;
}

/* its value goes on top of the body (result is the body's thread); in
   coro.co_awaits with g++'s order, the body calls it later */
static cl_Error *await_resume(cl_Runtime *R, void *self, void *result) {
  lua_State *L;
  cl_Error *e;
  if (coro_resumelater(ctx_of(R), &ctx_of(R)->named_ops[0], self)) return NULL;
  if ((e = method(R, self, pmethod, "await_resume", &L)) ||
      (e = callmethod(R, L, 0, 1)))
    return e;
  coro_returned(ctx_of(R), L, "await_resume");
  if (result != NULL && !lua_checkstack((lua_State *)result, 1))
    e = coro_nomemory(ctx_of(R), "return the value of await_resume");
  if (result == NULL || e) lua_pop(L, 1);
  else lua_xmove(L, (lua_State *)result, 1);
  return e;
}

/* the co_await's end: a temporary's __close (~awaiter). With no room on
   the stack (no memory), the value stays in the registry until the state
   is closed */
static void destroy(cl_Runtime *R, void *self) {
  Ctx *c = ctx_of(R);
  lua_State *L = c->L;
  if (!lua_checkstack(L, 4)) return;
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref_of(self));
  if (luaL_getmetafield(L, -1, "__close") != LUA_TNIL) {
    lua_insert(L, -2);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) coro_warn(c, "__close of an awaiter", L);
  } else
    lua_pop(L, 1);
  luaL_unref(L, LUA_REGISTRYINDEX, ref_of(self));
}

typedef struct Buffer { char *buf; size_t n; } Buffer;

/* protected: c, Buffer, the value; raw reads: describing runs no Lua code */
static int pdescribe(lua_State *L) {
  Buffer *b = (Buffer *)lua_touserdata(L, 2);
  if (luaL_getmetafield(L, 3, "__name") == LUA_TSTRING ||
      (lua_istable(L, 3) && lua_pushliteral(L, "name") &&
       lua_rawget(L, 3) == LUA_TSTRING))
    snprintf(b->buf, b->n, "%s", lua_tostring(L, -1));
  return 0;
}

void coro_describe(Ctx *c, lua_State *L, int i, char *buf, size_t n) {
  Buffer b;
  b.buf = buf;
  b.n = n;
  buf[0] = '\0';                         /* no memory to say: no name */
  cl_error_free(c->R, coro_protect(c, L, pdescribe, &b, i, 1, "describe"));
}

/* its name, or who made it */
static void describe(cl_Runtime *R, void *self, char *buf, size_t n) {
  Ctx *c = ctx_of(R);
  lua_State *L = c->L;
  buf[0] = '\0';
  if (lua_checkstack(L, 1)) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref_of(self));
    coro_describe(c, L, -1, buf, n);
    lua_pop(L, 1);
  }
  if (buf[0] == '\0') snprintf(buf, n, "%s", unnamed[made_of(self)]);
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

/* coro.temporary(v): a prvalue. Made in a full-expression (coro.full), it
   is that full-expression's, destroyed at its end, and v itself comes
   back, so that the expression reads as C++'s (a value without identity
   — nil, a boolean, number or string — stays wrapped, as outside one) */
static int temporary(lua_State *L) {
  Ctx *c = ctx_up(L);
  int entry, t1 = lua_type(L, 1);
  luaL_checkany(L, 1);
  lua_settop(L, 1);
  if ((t1 == LUA_TTABLE || t1 == LUA_TUSERDATA || t1 == LUA_TFUNCTION) &&
      totemporary(L, 1) == NULL && coro_pushfull(c, L, L, 1, &entry)) {
    if (entry > 0)
      return luaL_error(L, "coro.temporary: this value is already a temporary of "
                        "the full-expression; each prvalue is a new object");
    coro_fulltake(c, L, 2, 1, 0, CL_CAUSE_NONE);
    lua_settop(L, 1);
    return 1;
  }
  Temporary *t = (Temporary *)lua_newuserdatauv(L, sizeof *t, 2);
  t->kind = CORO_TEMPORARY;
  t->awaited = t->entry = 0;
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, 2, 1);
  luaL_setmetatable(L, CORO_TEMPORARY);
  if (coro_pushfull(c, L, L, 0, NULL)) {
    lua_pushvalue(L, 3);
    lua_setiuservalue(L, 2, 2);
    t->entry = coro_fulltake(c, L, 3, 2, 0, CL_CAUSE_NONE);
    lua_settop(L, 2);
  }
  return 1;
}

const char *coro_unnamed(cl_EventCause by) {
  for (int m = 0; m < (int)(sizeof made_cause / sizeof *made_cause); m++)
    if (made_cause[m] == by) return unnamed[m];
  return "temporary";
}

/* the cause of an awaiter's events: the member that made it */
cl_EventCause coro_awaitercause(Ctx *c, cl_Awaitable a) {
  return islua(c, a.ops) ? made_cause[made_of(a.self)] : CL_CAUSE_OPERAND;
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
    c->lua_ops[t] = c->named_ops[t] = lua_ops;
    c->lua_ops[t].name = c->named_ops[t].name = lua_typename(L, t);
    c->named_ops[t].destroy = NULL;     /* no destructor: no ~awaiter */
  }
  coro_newmeta(L, c, CORO_AWAITER, awaiter_meta);
  coro_newmeta(L, c, CORO_TEMPORARY, temporary_meta);
  coro_newlib(L, c, funcs);
  c->always = newawaiter(L, "suspend_always", &c->always_ref);
  c->never = newawaiter(L, "suspend_never", &c->never_ref);
}
