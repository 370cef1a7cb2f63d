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

/* the module: require "coro", or luaL_requiref(L, "coro", luaopen_coro, 1).
   The one symbol coro.so exports: the module, and the core linked into
   it, are built with hidden visibility */
#if defined(__GNUC__)
__attribute__((visibility("default")))
#endif
LUAMOD_API int luaopen_coro(lua_State *L);

/* the runtime of L's "coro" module; NULL if it was not opened in L */
cl_Runtime *luacoro_runtime(lua_State *L);

/* The hooks of the live Lua coroutine bodies: each body is its own thread,
   so a hook set on L alone does not fire while a body runs (new body
   threads inherit the hook of the thread that creates them). Get it once,
   outside any signal handler, after the module is opened (NULL if it was
   not opened in L); it lives as long as L. luacoro_sethooks calls
   lua_sethook on the thread of every live body: it only walks a C list and
   allocates nothing, so it is async-signal-safe, like lua_sethook. */
typedef struct luacoro_Hooks luacoro_Hooks;
luacoro_Hooks *luacoro_hooks(lua_State *L);
void luacoro_sethooks(luacoro_Hooks *h, lua_Hook f, int mask, int count);
/* how many observers (coro.observe) run now, one inside another: a hook
   that interrupts the user's code leaves the ones that watch it alone */
int luacoro_observing(const luacoro_Hooks *h);

#ifdef __cplusplus
}
#endif

#endif
