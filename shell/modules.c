/*
** modules.c — what a face of corolab carries inside it (embedded.c, made
** by embedded.cmake), opened in a Lua state: the explorer's modules in
** package.preload, the plain-Lua generator and task as the last searcher,
** coro (also the global coro), and the lessons and the page that plays a
** run for corolab.host. The shell links it (host.c), and so does the page
** (web/).
*/
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>

#include "luacoro.h"
#include "shell.h"

static int load_embedded(lua_State *L) {
  const EmbeddedModule *m = lua_touserdata(L, lua_upvalueindex(1));
  char chunkname[128];
  snprintf(chunkname, sizeof chunkname, "@%s", m->file);
  if (luaL_loadbufferx(L, (const char *)m->code, m->size, chunkname, "t") != LUA_OK)
    return lua_error(L);
  lua_pushstring(L, m->name);
  lua_call(L, 1, 1);
  return 1;
}

static const EmbeddedModule *embedded(const char *name) {
  for (const EmbeddedModule *m = embedded_modules; m->name; m++)
    if (strcmp(m->name, name) == 0) return m;
  return NULL;
}

/* the modules (not the lessons, named lessons/...) go to package.preload */
static void preload(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  for (const EmbeddedModule *m = embedded_modules; m->name; m++) {
    if (strchr(m->name, '/')) continue;
    lua_pushlightuserdata(L, (void *)m);
    lua_pushcclosure(L, load_embedded, 1);
    lua_setfield(L, -2, m->name);
  }
  lua_pop(L, 1);
}

/* the last of package.searchers: require "task" or "generator" that no
   file on package.path answered gets the embedded coro.lib one, so that the
   lessons run wherever corolab is started, and a user's own task.lua wins */
static int require_lib(lua_State *L) {     /* one module under both names */
  lua_getglobal(L, "require");
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_call(L, 1, 1);
  return 1;
}

static int search_lib(lua_State *L) {
  char name[64];
  snprintf(name, sizeof name, "coro.lib.%s", luaL_checkstring(L, 1));
  const EmbeddedModule *m = embedded(name);
  if (m == NULL) {
    lua_pushfstring(L, "no embedded module '%s'", name);
    return 1;
  }
  lua_pushstring(L, name);
  lua_pushcclosure(L, require_lib, 1);
  lua_pushstring(L, m->file);
  return 2;
}

static void add_searcher(lua_State *L) {
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "searchers");
  lua_pushcfunction(L, search_lib);
  lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  lua_pop(L, 2);
}

/* what every state of the explorer has: the embedded modules, the
   lessons' task and generator, and coro (also the global coro) */
void modules_open(lua_State *L) {
  preload(L);
  add_searcher(L);
  luaL_requiref(L, "coro", luaopen_coro, 1);
  lua_pop(L, 1);
}

/* host.lessons(): {name, file, code} of each embedded lesson, in order */
int modules_lessons(lua_State *L) {
  lua_newtable(L);
  for (const EmbeddedModule *m = embedded_modules; m->name; m++) {
    if (strncmp(m->name, "lessons/", 8) != 0) continue;
    lua_createtable(L, 0, 3);
    lua_pushstring(L, m->name + 8);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, m->file);
    lua_setfield(L, -2, "file");
    lua_pushlstring(L, (const char *)m->code, m->size);
    lua_setfield(L, -2, "code");
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  }
  return 1;
}

/* host.resource(name): the text of an embedded file that is no Lua
   module (explorer/export/player.html), or nil */
int modules_resource(lua_State *L) {
  const EmbeddedModule *m = embedded(luaL_checkstring(L, 1));
  if (m == NULL) return 0;
  lua_pushlstring(L, (const char *)m->code, m->size);
  return 1;
}
