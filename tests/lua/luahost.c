/*
** luahost.c — a tiny Lua host for the Lua tests: the interpreter with the
** module "coro" linked in and preloaded, so that sanitizer builds check the
** module without LD_PRELOAD. Usage: luahost [-W] [-m] script.lua [args...]
** With -W, Lua's warnings are on (as lua5.4 -W).
** With -m, a failing allocator for out-of-memory tests: the global
** fail_allocations(n) lets n more allocations (or growths) succeed and
** fails every one after them; fail_allocations() stops failing.
*/
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "luacoro.h"

typedef struct Budget {
  lua_Alloc alloc;             /* the state's own allocator */
  void *ud;
  lua_Integer left;            /* allocations that may succeed; -1: all */
} Budget;

static void *failing_alloc(void *ud, void *p, size_t osize, size_t nsize) {
  Budget *b = (Budget *)ud;
  if (nsize > (p ? osize : 0) && b->left >= 0) {   /* frees never fail */
    if (b->left == 0) return NULL;
    b->left--;
  }
  return b->alloc(b->ud, p, osize, nsize);
}

static int fail_allocations(lua_State *L) {
  Budget *b = (Budget *)lua_touserdata(L, lua_upvalueindex(1));
  b->left = lua_isnoneornil(L, 1) ? -1 : luaL_checkinteger(L, 1);
  return 0;
}

/* drops argv[1] if it is option */
static int option(int *argc, char ***argv, const char *option) {
  if (*argc < 2 || strcmp((*argv)[1], option) != 0) return 0;
  (*argv)[1] = (*argv)[0];
  (*argv)++;
  (*argc)--;
  return 1;
}

int main(int argc, char **argv) {
  lua_State *L = luaL_newstate();
  Budget budget = {NULL, NULL, -1};
  int warnings = option(&argc, &argv, "-W");
  int failing = option(&argc, &argv, "-m");
  int status;
  if (L == NULL || argc < 2) {
    fprintf(stderr, "usage: %s [-W] [-m] script.lua [args...]\n", argv[0]);
    return 2;
  }
  luaL_openlibs(L);
  if (warnings) lua_warning(L, "@on", 0);
  if (failing) {
    budget.alloc = lua_getallocf(L, &budget.ud);
    lua_setallocf(L, failing_alloc, &budget);
    lua_pushlightuserdata(L, &budget);
    lua_pushcclosure(L, fail_allocations, 1);
    lua_setglobal(L, "fail_allocations");
  }
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_coro);
  lua_setfield(L, -2, "coro");
  lua_pop(L, 1);
  lua_createtable(L, argc, 0);                 /* arg, as lua.c sets it */
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - 1);
  }
  lua_setglobal(L, "arg");
  status = luaL_dofile(L, argv[1]);
  if (status != LUA_OK) fprintf(stderr, "%s\n", lua_tostring(L, -1));
  lua_close(L);
  return status == LUA_OK ? 0 : 1;
}
