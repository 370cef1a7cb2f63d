/*
** engine.c — the page's engine: the C entry points its JavaScript calls,
** exported from the WebAssembly module. web_open makes a fresh Lua state
** (one a run: whatever a script did to the last one is gone) with coro,
** the explorer and the page's face (face.lua) loaded; web_call calls a
** function of the face with strings, web_answer gives back the string it
** returned. While the face runs a script (corolab.web.run), two caps
** hold: memory, through the allocator, and instructions, through a count
** hook, so that no script hangs the tab; corolab.web.stopped says which
** one stopped it.
*/
#include <stdlib.h>
#include <string.h>

#include <emscripten.h>
#include <lauxlib.h>
#include <lualib.h>

#include "luacoro.h"
#include "shell.h"

#define FACE "web.face"
#define COUNT 10000            /* instructions between two looks at the budget */

typedef struct Engine {
  lua_State *L;
  luacoro_Hooks *hooks;        /* the coroutine bodies' threads, for the hook */
  size_t used;                 /* bytes the state holds */
  size_t cap;                  /* the most it may hold; 0: no cap */
  size_t memory;               /* what a script may add to it (web_open) */
  double budget;               /* the instructions a script may run (web_open) */
  double counted;              /* the instructions it ran so far */
  const char *stopped;         /* "budget" or "memory": the cap that stopped it */
  char *answer;                /* web_call's result, until the next call */
} Engine;

static Engine engine;

/* Lua's allocator, refusing to grow past the cap (Lua answers a refusal
   with a full collection and the same request again, and only then with
   its "not enough memory") */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Engine *e = (Engine *)ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    e->used -= old;
    return NULL;
  }
  if (e->cap && nsize > old && e->used - old + nsize > e->cap) {
    if (e->stopped == NULL) e->stopped = "memory";
    return NULL;
  }
  void *p = realloc(ptr, nsize);
  if (p) e->used = e->used - old + nsize;
  return p;
}

static void count_hook(lua_State *L, lua_Debug *ar);

static void set_hooks(lua_State *L, int count) {
  lua_Hook hook = count ? count_hook : NULL;
  lua_sethook(L, hook, count ? LUA_MASKCOUNT : 0, count);
  luacoro_sethooks(engine.hooks, hook, count ? LUA_MASKCOUNT : 0, count);
}

/* every COUNT instructions, in every thread: past the budget, an error
   where the script is (again at each look, so that a pcall cannot keep a
   loop going), never inside an observer (the recorder stays whole): there,
   the next instruction after it looks again */
static void count_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  engine.counted += COUNT;
  if (engine.counted <= engine.budget) return;
  if (luacoro_observing(engine.hooks)) {
    set_hooks(engine.L, 1);
    return;
  }
  engine.stopped = "budget";
  luaL_where(L, 0);                         /* where the script is, not its caller */
  lua_pushliteral(L, "the page's instruction budget is spent");
  lua_concat(L, 2);
  lua_error(L);
}

/* as lua.c's: the error, in words, and the traceback where it was raised;
   C, so that no instruction of it counts against the budget */
static int message_handler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* web.run(f, ...): f(...) under the caps (the memory it may add counted
   from what the state holds now); true, or false and the error with its
   traceback */
static int web_run(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  int nargs = lua_gettop(L) - 1;
  lua_pushcfunction(L, message_handler);
  lua_insert(L, 1);
  engine.counted = 0;
  engine.stopped = NULL;
  engine.cap = engine.used + engine.memory;
  set_hooks(L, COUNT);
  int status = lua_pcall(L, nargs, 0, 1);
  set_hooks(L, 0);
  engine.cap = 0;
  lua_pushboolean(L, status == LUA_OK);
  if (status == LUA_OK) return 1;
  lua_insert(L, -2);
  return 2;
}

/* web.stopped(): "budget" once the budget stopped the script; "memory"
   once the cap refused it memory (it may have gone on after a collection);
   or nil */
static int web_stopped(lua_State *L) {
  lua_pushstring(L, engine.stopped);
  return 1;
}

static const luaL_Reg web_functions[] = {
  {"run", web_run},
  {"stopped", web_stopped},
  {NULL, NULL}
};

/* what only C has, for the explorer (the face adds the rest) */
static const luaL_Reg host_functions[] = {
  {"lessons", modules_lessons},
  {"resource", modules_resource},
  {NULL, NULL}
};

static int open_state(lua_State *L) {
  luaL_openlibs(L);
  lua_gc(L, LUA_GCGEN, 0, 0);               /* as lua.c: a recorded run's many
                                               young records cost little */
  lua_warning(L, "@on", 0);                 /* e.g. an observer's error */
  modules_open(L);                          /* with coro */
  engine.hooks = luacoro_hooks(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  luaL_newlib(L, host_functions);
  lua_setfield(L, -2, "corolab.host");
  luaL_newlib(L, web_functions);
  lua_setfield(L, -2, "corolab.web");
  lua_pop(L, 1);
  lua_getglobal(L, "require");
  lua_pushliteral(L, FACE);
  lua_call(L, 1, 0);
  return 0;
}

static int traceback(lua_State *L) {
  luaL_traceback(L, L, luaL_tolstring(L, 1, NULL), 1);
  return 1;
}

/* keeps the string on top of L (if any) as the answer, else msg */
static void keep_answer(lua_State *L, const char *msg) {
  size_t n = 0;
  const char *s = L && lua_isstring(L, -1) ? lua_tolstring(L, -1, &n) : NULL;
  if (s == NULL) n = strlen(s = msg);
  free(engine.answer);
  engine.answer = (char *)malloc(n + 1);
  if (engine.answer) memcpy(engine.answer, s, n), engine.answer[n] = '\0';
}

/* a fresh state for the next run, closing the last one; budget:
   instructions a script may run, memory: bytes it may add. 1 when it
   opened; else web_answer() says why */
EMSCRIPTEN_KEEPALIVE int web_open(double budget, double memory) {
  if (engine.L) lua_close(engine.L);
  engine.L = NULL;
  engine.hooks = NULL;
  engine.cap = 0;
  engine.stopped = NULL;
  engine.budget = budget;
  engine.memory = (size_t)memory;
  lua_State *L = luaL_newstate();
  if (L == NULL) {
    keep_answer(NULL, "cannot create a Lua state: not enough memory");
    return 0;
  }
  engine.used = (size_t)lua_gc(L, LUA_GCCOUNT) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB);
  lua_setallocf(L, capped_alloc, &engine);  /* both realloc: either frees the other's */
  lua_pushcfunction(L, traceback);
  lua_pushcfunction(L, open_state);
  if (lua_pcall(L, 0, 0, 1) != LUA_OK) {
    keep_answer(L, "cannot load the page's face");
    lua_close(L);
    return 0;
  }
  lua_pop(L, 1);
  engine.L = L;
  return 1;
}

/* calls face[name](a, b, c, d) (NULL arguments are nil); 1 when it
   returned (web_answer(): its string), 0 when it failed (web_answer(): why) */
EMSCRIPTEN_KEEPALIVE int web_call(const char *name, const char *a, const char *b,
                                  const char *c, const char *d) {
  lua_State *L = engine.L;
  if (L == NULL) {
    keep_answer(NULL, "no Lua state: web_open first");
    return 0;
  }
  lua_pushcfunction(L, traceback);
  lua_getglobal(L, "require");
  lua_pushliteral(L, FACE);
  int status = lua_pcall(L, 1, 1, -3);
  if (status == LUA_OK) {
    lua_getfield(L, -1, name);
    lua_remove(L, -2);
    lua_pushstring(L, a);
    lua_pushstring(L, b);
    lua_pushstring(L, c);
    lua_pushstring(L, d);
    status = lua_pcall(L, 4, 1, -6);
  }
  keep_answer(L, "the page's face gave no string");
  lua_pop(L, 2);
  return status == LUA_OK;
}

EMSCRIPTEN_KEEPALIVE const char *web_answer(void) {
  return engine.answer ? engine.answer : "";
}
