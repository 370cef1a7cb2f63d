/*
** host.c — the C side of the explorer. The explorer is Lua (explorer/,
** embedded into the binary by embed.cmake); this file loads it, opens
** "coro" (also as the global coro), gives it what only C has (the nested
** prompt, a raw line of input, terminal facts, the embedded lessons and
** page) as the module corolab.host, and calls its entry points
** (explorer.h).
*/
#define _DEFAULT_SOURCE          /* TIOCGWINSZ, with the POSIX calls */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "explorer.h"
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

/* host.columns(): the terminal's width (80 when stdout is no terminal) */
static int host_columns(lua_State *L) {
  struct winsize ws;
  int tty = isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
            ws.ws_col > 0;
  lua_pushinteger(L, tty ? ws.ws_col : 80);
  return 1;
}

/* host.mkdir(path): true if the folder is there now (made, or was) */
static int host_mkdir(lua_State *L) {
  lua_pushboolean(L, mkdir(luaL_checkstring(L, 1), 0777) == 0 || errno == EEXIST);
  return 1;
}

/* host.lessons(): {name, file, code} of each embedded lesson, in order */
static int host_lessons(lua_State *L) {
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
static int host_resource(lua_State *L) {
  const EmbeddedModule *m = embedded(luaL_checkstring(L, 1));
  if (m == NULL) return 0;
  lua_pushlstring(L, (const char *)m->code, m->size);
  return 1;
}

/* what every state of the explorer has: the embedded modules, the
   lessons' task and generator, and coro (also the global coro) */
static void open_modules(lua_State *L) {
  preload(L);
  add_searcher(L);
  luaL_requiref(L, "coro", luaopen_coro, 1);
  lua_pop(L, 1);
}

/* copies the plain value at i of from (nil, booleans, numbers, strings,
   tables of them) onto to; copies (at index copies of to: table address
   -> its copy) keep a table shared, or in a cycle, one table. False for
   any other value */
static int carry(lua_State *from, int i, lua_State *to, int copies) {
  int type = lua_type(from, i);
  luaL_checkstack(to, 4, "too many nested tables");
  switch (type) {
    case LUA_TNIL: lua_pushnil(to); return 1;
    case LUA_TBOOLEAN: lua_pushboolean(to, lua_toboolean(from, i)); return 1;
    case LUA_TNUMBER:
      if (lua_isinteger(from, i)) lua_pushinteger(to, lua_tointeger(from, i));
      else lua_pushnumber(to, lua_tonumber(from, i));
      return 1;
    case LUA_TSTRING: {
      size_t len;
      const char *s = lua_tolstring(from, i, &len);
      lua_pushlstring(to, s, len);
      return 1;
    }
    case LUA_TTABLE: break;
    default: return 0;
  }
  const void *address = lua_topointer(from, i);
  if (lua_rawgetp(to, copies, address) == LUA_TTABLE) return 1;
  lua_pop(to, 1);
  lua_newtable(to);
  lua_pushvalue(to, -1);
  lua_rawsetp(to, copies, address);
  i = lua_absindex(from, i);
  luaL_checkstack(from, 3, "too many nested tables");
  lua_pushnil(from);
  while (lua_next(from, i)) {
    if (!carry(from, -2, to, copies) || !carry(from, -1, to, copies)) return 0;
    lua_rawset(to, -3);
    lua_pop(from, 1);
  }
  return 1;
}

/* protected in a state of its own: its libraries, then
   require(module)[function](the string arguments) */
static int call_apart(lua_State *A) {
  int n = lua_gettop(A);
  luaL_openlibs(A);
  lua_warning(A, "@on", 0);                 /* as corolab's own state */
  open_modules(A);
  lua_getglobal(A, "require");
  lua_pushvalue(A, 1);
  lua_call(A, 1, 1);
  lua_getfield(A, -1, lua_tostring(A, 2));
  for (int i = 3; i <= n; i++) lua_pushvalue(A, i);
  lua_call(A, n - 2, 1);
  return 1;
}

/* protected: the state apart (light userdata), its result on its top,
   copied here; nil when it is more than plain data */
static int carry_result(lua_State *L) {
  lua_State *A = (lua_State *)lua_touserdata(L, 1);
  lua_newtable(L);                          /* copies */
  if (!carry(A, -1, L, lua_gettop(L))) lua_pushnil(L);
  return 1;
}

/* host.apart(module, function, ...): require(module)[function](...) in a
   Lua state of its own (Lua's libraries, the explorer's modules and coro:
   a runtime of its own), closed after; its result, plain data, copied
   here. Ctrl-C stops it; its errors are raised here. nil and why when it
   could not be run or carried: "apart_no_memory", "apart_not_data" (keys
   of the catalogues) */
static int host_apart(lua_State *L) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) luaL_checkstring(L, i);
  lua_State *A = luaL_newstate();
  if (A == NULL) {
    lua_pushnil(L);
    lua_pushliteral(L, "apart_no_memory");
    return 2;
  }
  lua_pushcfunction(A, call_apart);
  for (int i = 1; i <= n; i++) lua_pushstring(A, lua_tostring(L, i));
  int status = interrupt_docall(A, n, 1);
  if (status == LUA_OK) {
    lua_pushcfunction(L, carry_result);
    lua_pushlightuserdata(L, A);
    status = lua_pcall(L, 1, 1, 0);
  } else
    lua_pushstring(L, lua_tostring(A, -1));
  lua_close(A);
  if (status != LUA_OK) return lua_error(L);
  if (!lua_isnil(L, -1)) return 1;
  lua_pushliteral(L, "apart_not_data");
  return 2;
}

/* host.prompt(label): a nested REPL; true when a command left it, false
   at the end of input */
static int host_prompt(lua_State *L) {
  const char *label = luaL_optstring(L, 1, "");
  lua_settop(L, 1);
  lua_pushboolean(L, repl_run(L, label, 1));
  return 1;
}

/* host.read(prompt): one raw line; nil at end of input, false on Ctrl-C */
static int host_read(lua_State *L) {
  int cancelled;
  char *line = console_read(luaL_optstring(L, 1, ""), &cancelled);
  if (line == NULL) {
    if (cancelled) lua_pushboolean(L, 0);
    else lua_pushnil(L);
    return 1;
  }
  lua_pushstring(L, line);
  free(line);
  return 1;
}

static const luaL_Reg host_functions[] = {
  {"prompt", host_prompt},
  {"read", host_read},
  {"lessons", host_lessons},
  {"resource", host_resource},
  {"mkdir", host_mkdir},
  {"columns", host_columns},
  {"apart", host_apart},
  {NULL, NULL}
};

/* loads the explorer; returns a Lua status (the error is reported) */
int host_open(lua_State *L, int color, int tty, int interactive) {
  open_modules(L);
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  luaL_newlib(L, host_functions);
  lua_pushboolean(L, color);
  lua_setfield(L, -2, "color");
  lua_pushboolean(L, tty);                  /* stdout: else, deterministic */
  lua_setfield(L, -2, "tty");
  lua_pushboolean(L, interactive);
  lua_setfield(L, -2, "interactive");
  lua_setfield(L, -2, "corolab.host");
  lua_pop(L, 1);
  lua_getglobal(L, "require");
  lua_pushstring(L, EXPLORER_MODULE);
  return interrupt_report(L, interrupt_docall(L, 1, 0));
}

static const char *const entry_names[EXPLORER_NENTRIES] = {
#define NAME_(e, name) #name,
  EXPLORER_ENTRIES(NAME_)
#undef NAME_
};

/* puts the explorer's entry below the nargs values on top of L; false
   when the explorer has none (it did not load) */
static int push_entry(lua_State *L, ExplorerEntry entry, int nargs) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_getfield(L, -1, EXPLORER_MODULE);
  lua_remove(L, -2);
  if (lua_istable(L, -1)) lua_getfield(L, -1, entry_names[entry]);
  else lua_pushnil(L);
  lua_remove(L, -2);
  lua_insert(L, -nargs - 1);
  return lua_isfunction(L, -nargs - 1);
}

int explorer_call(lua_State *L, ExplorerEntry entry, int nargs, int nres) {
  if (!push_entry(L, entry, nargs)) {
    lua_pop(L, nargs + 1);
    lua_pushfstring(L, "the explorer did not load: %s has no %s", EXPLORER_MODULE,
                    entry_names[entry]);
    return interrupt_report(L, LUA_ERRRUN);
  }
  return interrupt_report(L, interrupt_docall(L, nargs, nres));
}

int explorer_try(lua_State *L, ExplorerEntry entry, int nargs, int nres) {
  if (!push_entry(L, entry, nargs)) {
    lua_pop(L, nargs + 1);
    return LUA_ERRRUN;
  }
  int status = lua_pcall(L, nargs, nres, 0);
  if (status != LUA_OK) lua_pop(L, 1);
  return status;
}
