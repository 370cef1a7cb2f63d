/*
** lhandle.c — coroutine_handle in Lua: userdata with identity (every handle
** to one live frame is the same value, and its type-erased form one other),
** the operations of [coroutine.handle], and the ways to make one.
*/
#include <stdio.h>
#include <string.h>

#include "lcoro.h"

/* ----------------------------------------------------------- identity -- */

static void newhandle(lua_State *L, cl_Frame *f, unsigned id, const PromiseType *t) {
  Handle *h = (Handle *)lua_newuserdatauv(L, sizeof *h, 0);
  h->kind = CORO_HANDLE;
  h->f = f;
  h->type = t;
  h->id = id;
  h->checked = UINT64_MAX;
  luaL_setmetatable(L, CORO_HANDLE);
}

/* The handle of a live frame (or of null, or noop) is interned: one typed
   and one type-erased userdata per frame, kept in weak tables by address
   with the frame's id, so a newer frame at the same address gets its own.
   A handle that outlived its frame is made afresh, with the old id. The id
   is taken before any allocation, which may run a finalizer that destroys
   f: the handle then knows it is stale. */
void coro_pushhandle(Ctx *c, lua_State *L, cl_Frame *f, unsigned id,
                     const PromiseType *t) {
  int live = f == NULL || f == cl_noop_coroutine(c->R) ||
             (id != 0 && cl_frame_id(c->R, f) == id);
  if (!live) {
    newhandle(L, f, id, t);
    return;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, t ? c->handles : c->erased);
  lua_rawgetp(L, -1, f);
  Handle *h = coro_tohandle(L, -1);
  if (h == NULL || h->id != id || h->type != t) {
    lua_pop(L, 1);
    newhandle(L, f, id, t);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, -3, f);
  }
  lua_remove(L, -2);
}

/* luaL_testudata without the metatable: the size, then the kind (a
   string, table or light userdata has no userdata block to read) */
void *coro_toudata(lua_State *L, int i, const char *kind, size_t size) {
  void *u = lua_rawlen(L, i) == size ? lua_touserdata(L, i) : NULL;
  return u != NULL && *(const char **)u == kind ? u : NULL;
}

/* A handle is not an owner ([coroutine.handle]): ending one never destroys
   anything, so the runtime never closes one (its __close is for the
   user's own <close> variables) */
int coro_pushdestructor(lua_State *L, int i) {
  if (coro_tohandle(L, i) != NULL) return 0;
  return luaL_getmetafield(L, i, "__close") != LUA_TNIL;
}

Handle *coro_checkhandle(lua_State *L, int i) {
  Handle *h = coro_tohandle(L, i);
  if (h == NULL) luaL_typeerror(L, i, "coroutine handle");
  return h;
}

const PromiseType *coro_frametype(Ctx *c, cl_Frame *f) {
  cl_FrameInfo info;
  if (!cl_frame_info(c->R, f, &info)) return NULL;
  return (const PromiseType *)info.coroutine->promise_type->userdata;
}

/* a promise type table, or a return type with a promise_type field */
const PromiseType *coro_totype(Ctx *c, lua_State *L, int i) {
  const PromiseType *t = NULL;
  i = lua_absindex(L, i);
  if (!lua_istable(L, i)) return NULL;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->types);
  lua_pushvalue(L, i);
  if (lua_rawget(L, -2) == LUA_TNIL) {
    lua_pop(L, 1);
    if (lua_getfield(L, i, "promise_type") == LUA_TTABLE) lua_rawget(L, -2);
  }
  t = (const PromiseType *)lua_touserdata(L, -1);
  lua_pop(L, 2);
  return t;
}

static cl_Frame *tohandle(lua_State *L, int i) {
  return coro_checkhandle(L, i)->f;
}

/* the frame a handle refers to, for an operation on it: a handle that
   outlived its frame must not reach a newer frame at the same address
   (looked up again only once some frame was freed since the last time) */
static cl_Frame *framebehind(Ctx *c, lua_State *L, Handle *h, const char *op) {
  uint64_t freed = cl_frames_freed(c->R);
  if (h->id == 0 || h->checked == freed) return h->f;
  unsigned now = cl_frame_id(c->R, h->f);
  if (now == h->id) h->checked = freed;
  else if (now != 0) coro_raise(c, L, cl_check_handle(c->R, op, h->f, h->id));
  return h->f;
}

/* --------------------------------------------------------- operations -- */

static int h_resume(lua_State *L) {
  Ctx *c = ctx_up(L);
  cl_Frame *f = framebehind(c, L, coro_checkhandle(L, 1), "resume()");
  ENTER(c, L);
  cl_Error *e = cl_resume(c->R, f);
  LEAVE(c, e);
  return e ? coro_raise(c, L, e) : 0;
}

static int h_destroy(lua_State *L) {
  Ctx *c = ctx_up(L);
  cl_Frame *f = framebehind(c, L, coro_checkhandle(L, 1), "destroy()");
  ENTER(c, L);
  cl_Error *e = cl_destroy(c->R, f);
  LEAVE(c, e);
  return e ? coro_raise(c, L, e) : 0;
}

static int h_done(lua_State *L) {
  Ctx *c = ctx_up(L);
  cl_Frame *f = framebehind(c, L, coro_checkhandle(L, 1), "done()");
  int done = 0;
  cl_Error *e = cl_done(c->R, f, &done);
  if (e) return coro_raise(c, L, e);
  lua_pushboolean(L, done);
  return 1;
}

static int promise(lua_State *L) {
  Ctx *c = ctx_up(L);
  Handle *h = coro_checkhandle(L, 1);
  void *p;
  if (h->type == &c->noop_type) {              /* noop_coroutine_promise */
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->noop_promise);
    return 1;
  }
  cl_Error *e = cl_promise(c->R, framebehind(c, L, h, "promise()"),
                           h->type ? &h->type->pt : NULL, &p);
  if (e) return coro_raise(c, L, e);
  h->type->push(c, L, p);
  return 1;
}

/* no need to stop the collector: a Lua promise is pushed without
   allocating, and a built-in one's reference keeps the frame's id, read
   before it allocates, and checks it at each use (lbuiltin.c) */
static int h_promise(lua_State *L) {
  lua_settop(L, 1);
  return promise(L);
}

static int h_address(lua_State *L) {          /* nil for the null handle */
  cl_Frame *f = tohandle(L, 1);
  if (f == NULL) lua_pushnil(L);
  else lua_pushlightuserdata(L, cl_address(f));
  return 1;
}

static int h_bool(lua_State *L) {             /* explicit operator bool */
  lua_pushboolean(L, tohandle(L, 1) != NULL);
  return 1;
}

static int h_erased(lua_State *L) {           /* to coroutine_handle<> */
  Ctx *c = ctx_up(L);
  Handle *h = coro_checkhandle(L, 1);
  coro_pushhandle(c, L, h->f, h->id, NULL);
  return 1;
}

static int h_eq(lua_State *L) {
  lua_pushboolean(L, tohandle(L, 1) == tohandle(L, 2));
  return 1;
}

static int h_lt(lua_State *L) {
  lua_pushboolean(L, cl_handle_compare(tohandle(L, 1), tohandle(L, 2)) < 0);
  return 1;
}

static int h_le(lua_State *L) {
  lua_pushboolean(L, cl_handle_compare(tohandle(L, 1), tohandle(L, 2)) <= 0);
  return 1;
}

static int compare(lua_State *L) {            /* operator<=> */
  lua_pushinteger(L, cl_handle_compare(tohandle(L, 1), tohandle(L, 2)));
  return 1;
}

static int h_tostring(lua_State *L) {
  Ctx *c = ctx_up(L);
  Handle *h = coro_checkhandle(L, 1);
  const char *type = h->type ? h->type->name : "";
  cl_FrameInfo info;
  char where[128];
  if (h->f == NULL)
    lua_pushfstring(L, "coroutine_handle<%s> null", type);
  else if (h->f == cl_noop_coroutine(c->R))
    lua_pushfstring(L, "coroutine_handle<%s> noop", type);
  else if (!cl_frame_info(c->R, h->f, &info) || (h->id && info.id != h->id))
    lua_pushfstring(L, "coroutine_handle<%s> %p (no live coroutine)", type, h->f);
  else if (info.state == CL_STATE_SUSPENDED) {
    cl_where(c->R, h->f, where, sizeof where);
    lua_pushfstring(L, "coroutine_handle<%s> #%d suspended at %s", type,
                    (int)info.id, where);
  } else
    lua_pushfstring(L, "coroutine_handle<%s> #%d %s%s%s", type, (int)info.id,
                    info.state == CL_STATE_SUSPENDED_FINAL ? "done (" : "",
                    cl_state_name(info.state),
                    info.state == CL_STATE_SUSPENDED_FINAL ? ")" : "");
  return 1;
}

/* a <close> variable holding a handle destroys its frame at the end of its
   scope, if still alive and not being destroyed: the user's own choice
   (the runtime never closes a handle: coro_pushdestructor) */
static int h_close(lua_State *L) {
  Ctx *c = ctx_up(L);
  Handle *h = coro_checkhandle(L, 1);
  cl_FrameInfo info;
  if (!cl_frame_info(c->R, h->f, &info) || info.id != h->id ||
      info.state == CL_STATE_DESTROYING)
    return 0;
  return h_destroy(L);
}

static const luaL_Reg handle_meta[] = {
  {"resume", h_resume}, {"destroy", h_destroy}, {"done", h_done},
  {"promise", h_promise}, {"address", h_address}, {"operator_bool", h_bool},
  {"erased", h_erased}, {"__call", h_resume}, {"__eq", h_eq}, {"__lt", h_lt},
  {"__le", h_le}, {"__tostring", h_tostring}, {"__close", h_close},
  {NULL, NULL}
};

/* ------------------------------------------------- handle construction -- */

static int from_promise(lua_State *L) {
  Ctx *c = ctx_up(L);
  cl_Frame *f;
  luaL_checkany(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->noop_promise);
  if (lua_rawequal(L, 1, -1))
    return luaL_error(L, "from_promise(): coroutine_handle<noop_coroutine_promise> "
                      "has no from_promise; use coro.noop_coroutine() [coroutine.handle.noop]");
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->promises);
  lua_pushvalue(L, 1);
  if (lua_rawget(L, -2) == LUA_TNIL)
    return luaL_error(L, "from_promise(): %s is not the promise of a live coroutine "
                      "(h:promise() and the members of a promise type get one) "
                      "[coroutine.handle.export.import]", luaL_tolstring(L, 1, NULL));
  cl_Error *e = cl_from_promise(c->R, lua_touserdata(L, -1), NULL, &f);
  if (e == NULL && coro_promiseid(L, 1) != 0)      /* a newer frame there? */
    e = cl_check_handle(c->R, "from_promise()", f, coro_promiseid(L, 1));
  if (e) return coro_raise(c, L, e);
  coro_pushhandle(c, L, f, cl_frame_id(c->R, f), coro_frametype(c, f));
  return 1;
}

static int from_address(lua_State *L) {
  Ctx *c = ctx_up(L);
  const PromiseType *t = NULL;
  cl_Frame *f;
  luaL_argexpected(L, lua_islightuserdata(L, 1) || lua_isnil(L, 1), 1,
                   "light userdata (an address)");
  if (!lua_isnoneornil(L, 2) && (t = coro_totype(c, L, 2)) == NULL)
    luaL_typeerror(L, 2, "promise type");
  cl_Error *e = cl_from_address(c->R, lua_touserdata(L, 1), t ? &t->pt : NULL, &f);
  if (e) return coro_raise(c, L, e);
  coro_pushhandle(c, L, f, cl_frame_id(c->R, f), t);
  return 1;
}

static int noop_coroutine(lua_State *L) {
  Ctx *c = ctx_up(L);
  coro_pushhandle(c, L, cl_noop_coroutine(c->R), 0, &c->noop_type);
  return 1;
}

static const luaL_Reg handle_funcs[] = {
  {"from_promise", from_promise}, {"from_address", from_address},
  {"noop_coroutine", noop_coroutine}, {"compare", compare}, {NULL, NULL}
};

/* the weak tables that intern handles, noop_coroutine_promise, coro.null */
void coro_openhandle(lua_State *L, Ctx *c) {
  coro_newmeta(L, c, CORO_HANDLE, handle_meta);
  coro_newlib(L, c, handle_funcs);
  c->handles = coro_newref(L, "v");
  c->erased = coro_newref(L, "v");
  memset(&c->noop_type, 0, sizeof c->noop_type);
  snprintf(c->noop_type.name, sizeof c->noop_type.name, "noop_coroutine_promise");
  lua_createtable(L, 0, 0);                   /* an empty promise, named */
  lua_createtable(L, 0, 1);
  lua_pushstring(L, c->noop_type.name);
  lua_setfield(L, -2, "__name");
  lua_setmetatable(L, -2);
  c->noop_promise = luaL_ref(L, LUA_REGISTRYINDEX);
  coro_pushhandle(c, L, NULL, 0, NULL);
  lua_setfield(L, -2, "null");
}
