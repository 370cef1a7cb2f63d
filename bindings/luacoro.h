/*
** luacoro.h — the Lua module "coro" for embedders (the corolab REPL):
** open it, find its runtime, and reach every live coroutine body thread.
*/
#ifndef luacoro_h
#define luacoro_h

#include <lua.h>

#include "corolab.h"

#ifdef __cplusplus
extern "C" {
#endif

/* the module: require "coro", or luaL_requiref(L, "coro", luaopen_coro, 1) */
LUAMOD_API int luaopen_coro(lua_State *L);

/* the runtime of L's "coro" module; NULL if it was not opened in L */
cl_Runtime *luacoro_runtime(lua_State *L);

/* lua_sethook on the thread of every live Lua coroutine body (new body
   threads inherit the hook of the thread that creates them): a hook set on
   L alone does not fire while a body runs, since each body is its own
   thread. Allocates nothing; finds the module through L's registry (one
   value pushed and popped on L). */
void luacoro_sethook(lua_State *L, lua_Hook f, int mask, int count);

#ifdef __cplusplus
}
#endif

#endif
