/*
** luahost.c — a tiny Lua host for the Lua tests: the interpreter with the
** module "coro" linked in and preloaded, so that sanitizer builds check the
** module without LD_PRELOAD. Usage: luahost run.lua [args...]
*/
#include <stdio.h>

#include <lauxlib.h>
#include <lualib.h>

#include "luacoro.h"

int main(int argc, char **argv) {
  lua_State *L = luaL_newstate();
  int status;
  if (L == NULL || argc < 2) {
    fprintf(stderr, "usage: %s script.lua [args...]\n", argv[0]);
    return 2;
  }
  luaL_openlibs(L);
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
