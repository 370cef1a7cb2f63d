/*
** lcoro.c — the Lua module "coro": its context (one runtime per lua_State),
** errors between Lua and the core, luaopen_coro and the embedder API.
*/
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lcoro.h"
#include "luacoro.h"

static const char modulekey = 'c';   /* registry: the module table */

const char CORO_HANDLE[] = "coro.handle";
const char CORO_GENERATOR[] = "coro.generator";
const char CORO_TASK[] = "coro.task";

/* ------------------------------------------------------------- errors -- */

static void release(cl_Runtime *R, void *payload) {
  int ref = (int)(intptr_t)payload;
  if (ref > 0) luaL_unref(ctx_of(R)->L, LUA_REGISTRYINDEX, ref);
}

/* the messages of a callback that tried to suspend the Lua way */
static int isyield(lua_State *L, int i) {
  const char *s = lua_type(L, i) == LUA_TSTRING ? lua_tostring(L, i) : "";
  return strcmp(s, "attempt to yield across a C-call boundary") == 0 ||
         strcmp(s, "attempt to yield from outside a coroutine") == 0;
}

static cl_Error *vnomemory(Ctx *c, const char *what, va_list ap) {
  char buf[160];
  vsnprintf(buf, sizeof buf, what, ap);
  return cl_error_new(c->R, CL_NOMEMORY, "not enough memory to %s", buf);
}

cl_Error *coro_nomemory(Ctx *c, const char *what, ...) {
  va_list ap;
  va_start(ap, what);
  cl_Error *e = vnomemory(c, what, ap);
  va_end(ap);
  return e;
}

/* f under lua_pcall (see coro_protect); a Lua status, LUA_ERRMEM also
   when there is no room on the stack (nothing pushed then) */
static int protect(Ctx *c, lua_State *L, lua_CFunction f, void *ud,
                   int first, int n) {
  if (!lua_checkstack(L, n + 3)) return LUA_ERRMEM;
  first = n > 0 ? lua_absindex(L, first) : 0;
  lua_pushcfunction(L, f);
  lua_pushlightuserdata(L, c);
  lua_pushlightuserdata(L, ud);
  for (int i = 0; i < n; i++) lua_pushvalue(L, first + i);
  int status = lua_pcall(L, n + 2, LUA_MULTRET, 0);
  if (status == LUA_ERRMEM) lua_pop(L, 1);
  return status;
}

/* Glue that allocates runs here: a Lua error must not unwind through the
   core's C frames */
cl_Error *coro_protect(Ctx *c, lua_State *L, lua_CFunction f, void *ud,
                       int first, int n, const char *what, ...) {
  int status = protect(c, L, f, ud, first, n);
  if (status == LUA_OK) return NULL;
  if (status != LUA_ERRMEM) return coro_error(c, L, NULL);
  va_list ap;
  va_start(ap, what);
  cl_Error *e = vnomemory(c, what, ap);
  va_end(ap);
  return e;
}

typedef struct Raised { lua_State *trace; cl_Error *e; } Raised;

static int toerror(lua_State *L) {     /* protected: c, Raised, the error */
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  Raised *r = (Raised *)lua_touserdata(L, 2);
  const char *msg;
  if (isyield(L, 3))
    lua_pushliteral(L, "coroutine.yield in a promise or awaiter callback: "
                    "the runtime calls callbacks from C, as C++ calls "
                    "functions; only a coroutine body suspends, with "
                    "co_await or co_yield");
  else
    lua_pushvalue(L, 3);
  int err = lua_gettop(L), t = lua_type(L, err);
  if (t == LUA_TSTRING || t == LUA_TNUMBER) {
    lua_pushvalue(L, err);                           /* a copy to convert */
    msg = lua_tostring(L, -1);
  } else
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, err));
  if (r->trace) msg = (luaL_traceback(L, r->trace, msg, 0), lua_tostring(L, -1));
  lua_pushvalue(L, err);
  int ref = luaL_ref(L, LUA_REGISTRYINDEX);
  r->e = cl_error_with_payload(c->R, msg, (void *)(intptr_t)ref, release);
  return 0;
}

/* toerror fails only when Lua can do no more: no memory, or its C stack
   full ("C stack overflow", which every further call raises again); then
   the error is reported without Lua, never by recursing */
cl_Error *coro_error(Ctx *c, lua_State *L, lua_State *trace) {
  Raised r;
  r.trace = trace;
  r.e = NULL;
  int status = protect(c, L, toerror, &r, -1, 1);
  if (status != LUA_OK && status != LUA_ERRMEM) {
    const char *why = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
    r.e = cl_error_new(c->R, CL_EXCEPTION, "%s (and reporting an error failed: %s)",
                       lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2)
                       : "an error", why);
    lua_pop(L, 1);
  } else if (status == LUA_ERRMEM)
    r.e = coro_nomemory(c, "report an error");
  lua_pop(L, 1);
  return r.e;
}

static int pushmessage(lua_State *L) {   /* protected: c, the cl_Error */
  lua_pushstring(L, cl_error_message((cl_Error *)lua_touserdata(L, 2)));
  return 1;
}

cl_Error *coro_pusherror(Ctx *c, lua_State *L, cl_Error *e) {
  cl_Error *failed = NULL;
  if (cl_error_payload(e) == NULL)
    failed = coro_protect(c, L, pushmessage, e, 0, 0, "raise '%s'",
                          cl_error_message(e));
  else if (lua_checkstack(L, 1))
    lua_rawgeti(L, LUA_REGISTRYINDEX, (int)(intptr_t)cl_error_payload(e));
  else
    failed = coro_nomemory(c, "raise an error");
  cl_error_free(c->R, e);
  return failed;
}

/* when e cannot be pushed, what kept it from being pushed is raised */
int coro_raise(Ctx *c, lua_State *L, cl_Error *e) {
  cl_Error *failed = coro_pusherror(c, L, e);
  if (failed) {
    char why[256];
    snprintf(why, sizeof why, "%s", cl_error_message(failed));
    cl_error_free(c->R, failed);
    lua_pushstring(L, why);
  }
  return lua_error(L);
}

static int warn(lua_State *L) {        /* protected: c, what, the error */
  const char *msg = lua_tostring(L, 3);
  lua_warning(L, "coro: error in ", 1);
  lua_warning(L, (const char *)lua_touserdata(L, 2), 1);
  lua_warning(L, ": ", 1);
  lua_warning(L, msg ? msg : luaL_typename(L, 3), 0);
  return 0;
}

void coro_defer(Ctx *c, cl_Error *e) {
  if (c->deferred == NULL) c->deferred = e;
  else cl_error_free(c->R, e);                 /* the first one is told */
}

/* a destructor or an observer raised the error on top of L: warn, go on */
void coro_warn(Ctx *c, const char *what, lua_State *L) {
  cl_error_free(c->R, coro_protect(c, L, warn, (void *)what, -1, 1, "warn"));
  lua_pop(L, 1);
}

int coro_nogc(Ctx *c, lua_State *L, lua_CFunction f) {
  int running = lua_gc(L, LUA_GCISRUNNING) == 1;   /* -1 in a finalizer */
  luaL_checkstack(L, 3, "too many arguments");
  lua_pushlightuserdata(L, c);
  lua_pushcclosure(L, f, 1);
  lua_insert(L, 1);
  if (running) lua_gc(L, LUA_GCSTOP);
  int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
  if (running) lua_gc(L, LUA_GCRESTART);
  return status == LUA_OK ? lua_gettop(L) : lua_error(L);
}

/* ------------------------------------------------------------ context -- */

void coro_newlib(lua_State *L, Ctx *c, const luaL_Reg *l) {
  lua_pushlightuserdata(L, c);
  luaL_setfuncs(L, l, 1);
}

void coro_newmeta(lua_State *L, Ctx *c, const char *name, const luaL_Reg *l) {
  luaL_newmetatable(L, name);
  coro_newlib(L, c, l);
  if (lua_getfield(L, -1, "__index") == LUA_TNIL) {
    lua_pushvalue(L, -2);
    lua_setfield(L, -3, "__index");
  }
  lua_pop(L, 2);
}

int coro_newref(lua_State *L, const char *mode) {
  lua_newtable(L);
  if (mode) {
    lua_createtable(L, 0, 1);
    lua_pushstring(L, mode);
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
  }
  return luaL_ref(L, LUA_REGISTRYINDEX);
}

void coro_closed(lua_State *L) {
  luaL_error(L, "coro: the runtime is closed: the Lua state is closing, and "
             "this finalizer runs after the module's own (make such objects "
             "after require \"coro\")");
}

static int ctx_gc(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  if (c->R) {
    c->L = L;
    cl_runtime_close(c->R);
    c->R = NULL;
  }
  return 0;
}

static lua_CFunction global_cfunction(lua_State *L, const char *name) {
  lua_getglobal(L, name);
  lua_CFunction f = lua_tocfunction(L, -1);
  lua_pop(L, 1);
  return f;
}

static Ctx *newctx(lua_State *L) {
  Ctx *c = (Ctx *)lua_newuserdatauv(L, sizeof *c, 0);
  memset(c, 0, sizeof *c);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, ctx_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  if ((c->R = cl_runtime_new(NULL, NULL)) == NULL) luaL_error(L, "not enough memory");
  cl_runtime_set_userdata(c->R, c);
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  c->L = lua_tothread(L, -1);
  lua_pop(L, 1);
  c->pcall = global_cfunction(L, "pcall");
  c->xpcall = global_cfunction(L, "xpcall");
  c->promises = coro_newref(L, "k");
  c->types = coro_newref(L, NULL);
  c->observers = coro_newref(L, NULL);
  c->returned = coro_newref(L, "v");
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->returned);
  lua_pushboolean(L, 0);                  /* its slot: no allocation later */
  lua_rawseti(L, -2, 1);
  lua_pop(L, 1);
  c->threads = coro_newref(L, "k");
  c->memory = coro_newref(L, NULL);
  return c;
}

LUAMOD_API int luaopen_coro(lua_State *L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &modulekey) == LUA_TTABLE) return 1;
  lua_pop(L, 1);
  Ctx *c = newctx(L);
  lua_createtable(L, 0, 32);
  lua_pushvalue(L, -2);                      /* the context lives as long */
  lua_setfield(L, -2, "__context");          /* as the module table */
  lua_pushliteral(L, COROLAB_VERSION);
  lua_setfield(L, -2, "_VERSION");
  coro_openhandle(L, c);
  coro_openbody(L, c);
  coro_openpromise(L, c);
  coro_openawait(L, c);
  coro_openevents(L, c);
  coro_openfull(L, c);
  coro_openref(L, c);
  coro_openbuiltin(L, c);
  coro_openrecord(L, c);
  coro_guardthreads(L, c);
  coro_openorder(L, c);                /* last: it gives the table a metatable */
  lua_pushvalue(L, -1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &modulekey);
  return 1;
}

/* ------------------------------------------------ for embedders (REPL) -- */

static Ctx *getctx(lua_State *L) {
  Ctx *c = NULL;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &modulekey) == LUA_TTABLE) {
    lua_getfield(L, -1, "__context");
    c = (Ctx *)lua_touserdata(L, -1);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return c;
}

cl_Runtime *luacoro_runtime(lua_State *L) {
  Ctx *c = getctx(L);
  return c ? c->R : NULL;
}

luacoro_Hooks *luacoro_hooks(lua_State *L) {
  Ctx *c = getctx(L);
  return c ? &c->live : NULL;
}

int luacoro_observing(const luacoro_Hooks *h) {
  return h->observing;
}

void luacoro_sethooks(luacoro_Hooks *h, lua_Hook f, int mask, int count) {
  for (Body *b = h->bodies; b != NULL; b = b->next)
    lua_sethook(b->T, f, mask, count);
}
