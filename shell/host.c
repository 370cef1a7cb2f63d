/*
** host.c — the C side of the explorer. The explorer is Lua (explorer/,
** embedded into the binary, opened by modules.c); this file loads it, opens
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
  {"lessons", modules_lessons},
  {"resource", modules_resource},
  {"mkdir", host_mkdir},
  {"columns", host_columns},
  {NULL, NULL}
};

/* loads the explorer; returns a Lua status (the error is reported) */
int host_open(lua_State *L, int color, int tty, int interactive) {
  modules_open(L);
  luaL_requiref(L, "coro", luaopen_coro, 1);  /* also the global coro */
  lua_pop(L, 1);
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
