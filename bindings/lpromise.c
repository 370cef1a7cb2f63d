/*
** lpromise.c — promise types written in Lua: coro.promise_type{...} and the
** C callbacks that call its members. A promise is a Lua table whose
** metatable is the type table.
*/
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lcoro.h"

static const char *const members[M_COUNT] = {
  "new", "get_return_object", "initial_suspend", "final_suspend",
  "yield_value", "return_value", "return_void", "unhandled_exception",
  "await_transform", "operator_new", "operator_delete",
  "get_return_object_on_allocation_failure", "__close"
};

#define lp(p)  ((LPromise *)(p))

/* ------------------------------------------------ calling the members -- */

/* push member m of p's type and p itself on *L, the state to call on */
static cl_Error *method(cl_Runtime *R, void *p, int m, lua_State **L) {
  Ctx *c = ctx_of(R);
  *L = c->L;
  if (!lua_checkstack(*L, 8))
    return coro_nomemory(c, "call %s of '%s'", members[m], lp(p)->type->name);
  lua_rawgeti(*L, LUA_REGISTRYINDEX, lp(p)->type->member[m]);
  lua_rawgeti(*L, LUA_REGISTRYINDEX, lp(p)->self);
  return NULL;
}

static cl_Error *call(cl_Runtime *R, lua_State *L, int nargs, int nres) {
  if (lua_pcall(L, nargs, nres, 0) == LUA_OK) return NULL;
  return coro_error(ctx_of(R), L, NULL);
}

/* call, then its result as an awaitable that member `made` makes */
static cl_Error *awaitable(cl_Runtime *R, lua_State *L, int nargs, Made made,
                           cl_Awaitable *out) {
  cl_Error *e = call(R, L, nargs, 1);
  if (e) return e;
  e = coro_toawaitable(ctx_of(R), L, -1, made, out);
  lua_pop(L, 1);
  return e;
}

void coro_return_object(void *ret, lua_State *L) {
  *(int *)ret = lua_gettop(L);       /* stays there until cl_call returns */
}

static int newpromise(lua_State *L) {    /* protected: c, the promise */
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  LPromise *p = (LPromise *)lua_touserdata(L, 2);
  lua_createtable(L, 0, 2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, p->type->table);
  lua_setmetatable(L, -2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->promises);
  lua_pushvalue(L, -2);
  lua_pushlightuserdata(L, p);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  p->self = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

/* promise_type(args...): a table of the type, then new(p, args...), with
   the parameter copies (CWG2465) */
static cl_Error *construct(cl_Runtime *R, void *p, void *args) {
  Ctx *c = ctx_of(R);
  CallArgs *a = (CallArgs *)args;
  const PromiseType *t = a->type;
  lua_State *L;
  lp(p)->type = t;
  cl_Error *e = coro_protect(c, a->L, newpromise, p, 0, 0, "construct a "
                             "promise_type '%s'", t->name);
  if (e || t->member[M_NEW] == LUA_NOREF || (e = method(R, p, M_NEW, &L)))
    return e;
  if (a->T == NULL || !lua_checkstack(a->T, 1)) {
    lua_pop(L, 2);
    luaL_unref(L, LUA_REGISTRYINDEX, lp(p)->self);
    return coro_nomemory(c, "pass the arguments of '%s'", t->name);
  }
  for (int i = 1; i <= a->n; i++) {
    lua_pushvalue(a->T, i + 1);
    lua_xmove(a->T, L, 1);
  }
  if ((e = call(R, L, a->n + 1, 0)))
    luaL_unref(L, LUA_REGISTRYINDEX, lp(p)->self);  /* never built */
  return e;
}

static cl_Error *get_return_object(cl_Runtime *R, void *p, void *ret) {
  lua_State *L;
  cl_Error *e = method(R, p, M_GET_RETURN_OBJECT, &L);
  if (e == NULL && (e = call(R, L, 1, 1)) == NULL) {
    coro_returned(ctx_of(R), L, "get_return_object");
    coro_return_object(ret, L);
  }
  return e;
}

static cl_Error *initial_suspend(cl_Runtime *R, void *p, cl_Awaitable *out) {
  lua_State *L;
  cl_Error *e = method(R, p, M_INITIAL_SUSPEND, &L);
  return e ? e : awaitable(R, L, 1, MADE_INITIAL, out);
}

static cl_Error *final_suspend(cl_Runtime *R, void *p, cl_Awaitable *out) {
  lua_State *L;
  cl_Error *e = method(R, p, M_FINAL_SUSPEND, &L);
  return e ? e : awaitable(R, L, 1, MADE_FINAL, out);
}

static cl_Error *yield_value(cl_Runtime *R, void *p, void *v, cl_Awaitable *out) {
  lua_State *L;
  cl_Error *e = method(R, p, M_YIELD_VALUE, &L);
  if (e) return e;
  coro_pushvalue(L, v);
  return awaitable(R, L, 2, MADE_YIELD, out);
}

static cl_Error *return_value(cl_Runtime *R, void *p, void *v) {
  lua_State *L;
  cl_Error *e = method(R, p, M_RETURN_VALUE, &L);
  if (e) return e;
  coro_pushvalue(L, v);
  return call(R, L, 2, 0);
}

static cl_Error *return_void(cl_Runtime *R, void *p) {
  lua_State *L;
  cl_Error *e = method(R, p, M_RETURN_VOID, &L);
  return e ? e : call(R, L, 1, 0);
}

static cl_Error *unhandled_exception(cl_Runtime *R, void *p, cl_Error *e) {
  lua_State *L;
  cl_Error *failed = method(R, p, M_UNHANDLED_EXCEPTION, &L);
  if (failed) {
    cl_error_free(R, e);
    return failed;
  }
  if ((failed = coro_pusherror(ctx_of(R), L, e))) {
    lua_pop(L, 2);
    return failed;
  }
  return call(R, L, 2, 0);
}

/* an awaiter that returns its operand is that very object, not a copy */
static cl_Error *await_transform(cl_Runtime *R, void *p, cl_Awaitable operand,
                                 cl_Awaitable *out) {
  Ctx *c = ctx_of(R);
  lua_State *L;
  cl_Error *e = method(R, p, M_AWAIT_TRANSFORM, &L);
  if (e) return e;
  if ((e = coro_pushawaitable(c, L, operand))) {
    lua_pop(L, 2);
    return e;
  }
  lua_pushvalue(L, -1);
  lua_insert(L, -4);
  if ((e = call(R, L, 2, 1)) == NULL) {
    if (lua_rawequal(L, -1, -2)) *out = operand;      /* nothing new made */
    else e = coro_toawaitable(c, L, -1, MADE_TRANSFORM, out);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return e;
}

/* ~promise_type(); with no room on the stack (no memory), the promise
   table stays in the registry until the state is closed */
static void destroy(cl_Runtime *R, void *p) {
  Ctx *c = ctx_of(R);
  lua_State *L;
  cl_Error *e = method(R, p, M_CLOSE, &L);
  if (e) {
    cl_error_free(R, e);
    return;
  }
  if (lp(p)->type->member[M_CLOSE] == LUA_NOREF) lua_pop(L, 2);
  else if (lua_pcall(L, 1, 0, 0) != LUA_OK) coro_warn(c, "__close of a promise", L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->promises);  /* from_promise(p): no more */
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp(p)->self);
  lua_pushnil(L);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  luaL_unref(L, LUA_REGISTRYINDEX, lp(p)->self);
}

/* ~R() when the call fails after get_return_object: its __close, if it
   has one of its own (a handle owns nothing); its frame is being
   destroyed, not by it */
static void return_object_destroy(cl_Runtime *R, void *ret) {
  Ctx *c = ctx_of(R);
  lua_State *L = c->L;
  int i = *(int *)ret;
  if (i == 0 || coro_destroylater(c, ret) || !lua_checkstack(L, 2) ||
      !coro_pushdestructor(L, i))
    return;
  lua_pushvalue(L, i);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) coro_warn(c, "__close of a return object", L);
}

int coro_destroylater(Ctx *c, void *ret) {
  if (c->order != ORDER_CLANG) return 0;
  ((ReturnObject *)ret)->later = 1;
  return 1;
}

void coro_endreturnobject(Ctx *c, lua_State *L, ReturnObject *ret) {
  if (c->nobservers > 0)
    coro_tell(c, L, "~return object", NULL, c->held, CL_CAUSE_NONE, "",
              "return_object_destruction", ret->index);
  c->held = 0;
  if (ret->index == 0 || !coro_pushdestructor(L, ret->index)) return;
  lua_pushvalue(L, ret->index);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) coro_warn(c, "__close of a return object", L);
}

static void push_promise(Ctx *c, lua_State *L, void *p) {
  (void)c;
  lua_rawgeti(L, LUA_REGISTRYINDEX, lp(p)->self);
}

/* ------------------------------------------------ the frame's storage -- */

static const PromiseType *ptype(const cl_PromiseType *pt) {
  return (const PromiseType *)pt->userdata;
}

/* protected: c, the frame, operator_new's result: memory[frame] = it */
static int keepmemory(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->memory);
  lua_insert(L, 2);
  lua_rawset(L, 2);
  return 0;
}

/* operator new(size, args...): a Lua member says yes (any true value, what
   operator_delete gets back as its ptr) or no (nil or false: allocation
   failure); the runtime allocates. It pushes on the call's room (CallArgs) */
void *coro_operator_new(cl_Runtime *R, const cl_PromiseType *pt, size_t size,
                        void *args, cl_Error **error) {
  const PromiseType *t = ptype(pt);
  CallArgs *a = (CallArgs *)args;
  void *frame;
  if (t->member[M_OPERATOR_NEW] == LUA_NOREF) return cl_frame_alloc(R, size);
  lua_State *L = a->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, t->member[M_OPERATOR_NEW]);
  lua_pushinteger(L, (lua_Integer)size);
  for (int i = 1; i <= a->n; i++) lua_pushvalue(L, i);
  if ((*error = call(R, L, a->n + 1, 1)) != NULL) return NULL;
  frame = lua_toboolean(L, -1) ? cl_frame_alloc(R, size) : NULL;
  if (frame && (*error = coro_protect(ctx_of(R), L, keepmemory, frame, -1, 1,
                                      "keep what operator_new returned"))) {
    cl_frame_free(R, frame, size);
    frame = NULL;
  }
  lua_pop(L, 1);
  return frame;
}

/* [except.spec]/9: a deallocation function is non-throwing; C++ would call
   std::terminate: the error goes to whoever resumed or destroyed */
static void delete_raised(Ctx *c, const PromiseType *t, lua_State *L) {
  cl_Error *e = coro_error(c, L, NULL);
  coro_defer(c, cl_error_new(c->R, CL_MISUSE, "operator_delete of '%s' raised: %s; "
                             "a deallocation function is non-throwing, C++ would "
                             "call std::terminate [except.spec]/9", t->name,
                             cl_error_message(e)));
  cl_error_free(c->R, e);
}

/* operator delete(ptr, size): ptr is what operator_new returned (or the
   frame's address, when the runtime allocated it unasked); then the frame
   lets its coroutine go */
void coro_operator_delete(cl_Runtime *R, const cl_PromiseType *pt, void *frame,
                          size_t size) {
  Ctx *c = ctx_of(R);
  const PromiseType *t = ptype(pt);
  lua_State *L = c->L;
  int anchor = *(int *)((char *)cl_frame_promise(frame) + t->anchor);
  int room = lua_checkstack(L, 5);     /* none (no memory): skip the Lua */
  if (room && t->member[M_OPERATOR_DELETE] != LUA_NOREF)
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->member[M_OPERATOR_DELETE]);
  if (room && t->member[M_OPERATOR_NEW] != LUA_NOREF) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->memory);   /* take memory[frame] */
    lua_rawgetp(L, -1, frame);
    lua_pushnil(L);
    lua_rawsetp(L, -3, frame);
    lua_remove(L, -2);
  } else if (room)
    lua_pushlightuserdata(L, frame);
  if (room && t->member[M_OPERATOR_DELETE] != LUA_NOREF) {
    lua_pushinteger(L, (lua_Integer)size);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) delete_raised(c, t, L);
  } else if (room)
    lua_pop(L, 1);
  cl_frame_free(R, frame, size);
  if (room && anchor > 0) luaL_unref(L, LUA_REGISTRYINDEX, anchor);
}

static cl_Error *allocation_failure(cl_Runtime *R, const cl_PromiseType *pt,
                                    void *ret) {
  lua_State *L = ctx_of(R)->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, ptype(pt)->member[M_ALLOCATION_FAILURE]);
  cl_Error *e = call(R, L, 0, 1);
  if (e == NULL) coro_return_object(ret, L);
  return e;
}

/* --------------------------------------------------------- definition -- */

/* a new promise type for the table at index i (its metatable of promises) */
PromiseType *coro_newtype(lua_State *L, Ctx *c, int i, const char *name) {
  i = lua_absindex(L, i);
  PromiseType *t = (PromiseType *)lua_newuserdatauv(L, sizeof *t, 0);
  memset(t, 0, sizeof *t);
  for (int m = 0; m < M_COUNT; m++) t->member[m] = LUA_NOREF;
  snprintf(t->name, sizeof t->name, "%s", name);
  t->pt.name = t->name;
  t->pt.userdata = t;
  t->pt.operator_new = coro_operator_new;
  t->pt.operator_delete = coro_operator_delete;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->types);      /* types[table] = t */
  lua_pushvalue(L, i);
  lua_pushvalue(L, -3);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  lua_pushvalue(L, i);
  t->table = luaL_ref(L, LUA_REGISTRYINDEX);
  return t;
}

static int has(lua_State *L, int m) {           /* false is no member */
  lua_getfield(L, 1, members[m]);
  int yes = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return yes;
}

/* a member is called: a function, or a value whose metatable has __call */
static void checkmembers(lua_State *L, const char *name) {
  int top = lua_gettop(L);
  for (int m = 0; m < M_COUNT; m++) {
    int t = lua_getfield(L, 1, members[m]);
    if (t != LUA_TNIL && t != LUA_TFUNCTION && lua_toboolean(L, -1) &&
        luaL_getmetafield(L, -1, "__call") == LUA_TNIL)
      luaL_error(L, "coro.promise_type '%s': member '%s' is a %s, not a function "
                 "(a member is called)", name, members[m], luaL_typename(L, -1));
    lua_settop(L, top);
  }
}

/* Levenshtein distance, up to 3 ("3" is anything farther) */
static int distance(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  int row[64], prev, next;
  if (n >= 63 || m >= 63 || (n > m ? n - m : m - n) > 2) return 3;
  for (size_t j = 0; j <= m; j++) row[j] = (int)j;
  for (size_t i = 1; i <= n; i++) {
    prev = row[0];
    row[0] = (int)i;
    for (size_t j = 1; j <= m; j++) {
      next = row[j];
      int cost = prev + (a[i - 1] != b[j - 1]);
      if (row[j] + 1 < cost) cost = row[j] + 1;
      if (row[j - 1] + 1 < cost) cost = row[j - 1] + 1;
      row[j] = cost;
      prev = next;
    }
  }
  return row[m] > 3 ? 3 : row[m];
}

/* a field within two edits of a (long) member's name, and no member
   itself, is most likely a misspelling: C++ would take it for an unrelated
   member, so this is a warning, not an error, through Lua's warn */
static void warnmisspelled(lua_State *L, const char *name) {
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
    int m, near = -1;
    for (m = 0; k != NULL && m < M_COUNT && strcmp(k, members[m]) != 0; m++)
      if (near < 0 && strlen(members[m]) >= 8 && distance(k, members[m]) <= 2) near = m;
    if (k != NULL && m == M_COUNT && near >= 0) {
      lua_getglobal(L, "warn");
      lua_pushfstring(L, "coro.promise_type '%s': field '%s' is no member; did you "
                      "mean '%s'?", name, k, members[near]);
      if (lua_isfunction(L, -2)) lua_call(L, 1, 0);
      else {
        lua_warning(L, lua_tostring(L, -1), 0);
        lua_pop(L, 2);
      }
    }
    lua_pop(L, 1);
  }
}

static int promise_type(lua_State *L) {
  Ctx *c = ctx_up(L);
  cl_PromiseType check;
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  if (coro_totype(c, L, 1) != NULL) return 1;       /* already one */
  lua_getfield(L, 1, "__name");                      /* as luaL_newmetatable */
  const char *name = lua_isstring(L, -1) ? lua_tostring(L, -1) : "promise_type";
  checkmembers(L, name);
  warnmisspelled(L, name);
  memset(&check, 0, sizeof check);                   /* C++'s rules first */
  check.name = name;
  check.get_return_object = has(L, M_GET_RETURN_OBJECT) ? get_return_object : NULL;
  check.initial_suspend = has(L, M_INITIAL_SUSPEND) ? initial_suspend : NULL;
  check.final_suspend = has(L, M_FINAL_SUSPEND) ? final_suspend : NULL;
  check.yield_value = has(L, M_YIELD_VALUE) ? yield_value : NULL;
  check.return_value = has(L, M_RETURN_VALUE) ? return_value : NULL;
  check.return_void = has(L, M_RETURN_VOID) ? return_void : NULL;
  check.unhandled_exception = has(L, M_UNHANDLED_EXCEPTION) ? unhandled_exception : NULL;
  check.await_transform = has(L, M_AWAIT_TRANSFORM) ? await_transform : NULL;
  check.get_return_object_on_allocation_failure =
      has(L, M_ALLOCATION_FAILURE) ? allocation_failure : NULL;
  cl_Error *e = cl_promise_type_check(c->R, &check);
  if (e) return coro_raise(c, L, e);
  PromiseType *t = coro_newtype(L, c, 1, name);
  for (int m = 0; m < M_COUNT; m++) {
    lua_getfield(L, 1, members[m]);
    if (!lua_toboolean(L, -1)) lua_pop(L, 1);
    else t->member[m] = luaL_ref(L, LUA_REGISTRYINDEX);
  }
  check.name = t->name;
  check.size = sizeof(LPromise);
  check.userdata = t;
  check.construct = construct;
  check.operator_new = coro_operator_new;
  check.operator_delete = coro_operator_delete;
  check.destroy = destroy;
  check.return_object_destroy = return_object_destroy;
  t->pt = check;
  t->anchor = offsetof(LPromise, anchor);
  t->push = push_promise;
  if (lua_getfield(L, 1, "__index") == LUA_TNIL) {   /* p.x finds members */
    lua_pushvalue(L, 1);
    lua_setfield(L, 1, "__index");
  }
  lua_settop(L, 1);
  return 1;
}

static const luaL_Reg funcs[] = {
  {"promise_type", promise_type}, {NULL, NULL}
};

void coro_openpromise(lua_State *L, Ctx *c) {
  coro_newlib(L, c, funcs);
}
