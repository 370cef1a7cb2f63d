/*
** interrupt.c — Ctrl-C. While the user types, it cancels the line (the
** console polls interrupt_typing_take); while Lua runs, it arms a hook that
** raises "interrupted!" on the main state and on every live coroutine body
** thread, since the loop being stopped may run in any of them, and keeps
** raising until the call is over — but not in observers that started after
** the call did: those are the explorer watching it. The report is one line
** that says what became of the coroutine that was running. A second Ctrl-C
** before the hook fires kills the process, as in lua.c.
*/
#define _POSIX_C_SOURCE 200809L

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "explorer.h"
#include "luacoro.h"
#include "shell.h"

static lua_State *volatile running;        /* state of the call under way */
static luacoro_Hooks *volatile bodies;     /* its coroutine bodies' hooks */
static int watching;                       /* observers running as it began */
static unsigned struck;                    /* the frame running at the first
                                              raise (0: none); -1u: no raise */
static char struck_name[64];               /* its coroutine's name */
static volatile sig_atomic_t typing;       /* line input in progress */
static volatile sig_atomic_t typed_ctrl_c; /* Ctrl-C while typing */
static volatile sig_atomic_t armed;        /* hooks set by a Ctrl-C */

#define STOP_MASK (LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT)

/* raise in every Lua function until the call returns to interrupt_docall:
   a promise's unhandled_exception or an observer may catch one error, the
   next instruction raises again (C functions, like the message handler,
   are left alone) */
static void stop(lua_State *L, lua_Debug *ar) {
  if (lua_getinfo(L, "S", ar) && ar->what[0] == 'C') return;
  if (bodies && luacoro_observing(bodies) > watching) return;
  if (struck == (unsigned)-1) {
    cl_Runtime *R = luacoro_runtime(L);
    cl_Frame *f = R ? cl_running(R) : NULL;
    cl_FrameInfo info;
    struck = f ? cl_frame_id(R, f) : 0;
    struck_name[0] = '\0';
    if (f && cl_frame_info(R, f, &info))  /* the frame may die before the report */
      snprintf(struck_name, sizeof struck_name, "%s", info.coroutine->name);
  }
  luaL_error(L, "interrupted!");
}

/* async-signal-safe: lua_sethook and luacoro_sethooks only */
static void set_hooks(lua_State *L, luacoro_Hooks *h, lua_Hook hook) {
  lua_sethook(L, hook, hook ? STOP_MASK : 0, hook ? 1 : 0);
  if (h) luacoro_sethooks(h, hook, hook ? STOP_MASK : 0, hook ? 1 : 0);
}

static void on_sigint(int sig) {
  if (typing) {
    typed_ctrl_c = 1;                      /* select() returns EINTR */
  } else if (running) {
    signal(sig, SIG_DFL);                  /* a second one is fatal */
    armed = 1;
    set_hooks(running, bodies, stop);
  }
}

void interrupt_install(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;                         /* no SA_RESTART: wake up select */
  sigaction(SIGINT, &sa, NULL);
}

void interrupt_typing(int on) {
  if (on) typed_ctrl_c = 0;
  typing = on;
}

int interrupt_typing_take(void) {
  int was = typed_ctrl_c;
  typed_ctrl_c = 0;
  return was;
}

static int message_handler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {                       /* an error object, not a string */
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* the error of an interrupted call: one line, the explorer's, in its
   language, with an account of the coroutine that was running then
   (explorer.interrupted); Lua's own words if the explorer has none */
static void interrupted(lua_State *L, unsigned frame) {
  lua_pop(L, 1);
  lua_pushinteger(L, frame);
  lua_pushstring(L, struck_name);
  if (explorer_try(L, EXPLORER_INTERRUPTED, 2, 1) == LUA_OK) {
    if (lua_isstring(L, -1)) return;
    lua_pop(L, 1);
  }
  lua_pushliteral(L, "interrupted!");
}

int interrupt_docall(lua_State *L, int narg, int nres) {
  int base = lua_gettop(L) - narg;
  lua_State *outer = running;
  luacoro_Hooks *outer_bodies = bodies;
  int outer_typing = typing, outer_watching = watching, outer_armed = armed;
  unsigned outer_struck = struck;
  if (outer_armed) {                       /* a call at a stop runs free of */
    armed = 0;                             /* the interrupted one around it */
    set_hooks(L, bodies, NULL);
  }
  lua_pushcfunction(L, message_handler);
  lua_insert(L, base);
  bodies = luacoro_hooks(L);               /* here, not in the handler */
  watching = bodies ? luacoro_observing(bodies) : 0;
  struck = (unsigned)-1;
  running = L;
  typing = 0;
  interrupt_install();                     /* undo a SIG_DFL of a Ctrl-C */
  int status = lua_pcall(L, narg, nres, base);
  if (armed) {                             /* hooks not fired yet: remove */
    armed = 0;
    set_hooks(L, bodies, NULL);
  }
  running = outer;
  bodies = outer_bodies;
  typing = outer_typing;
  watching = outer_watching;
  if (outer_armed) {                       /* which goes on being stopped */
    armed = 1;
    set_hooks(L, bodies, stop);
  }
  if (status != LUA_OK && struck != (unsigned)-1) interrupted(L, struck);
  struck = outer_struck;
  lua_remove(L, base);
  return status;
}

int interrupt_report(lua_State *L, int status) {
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    fflush(stdout);                        /* in order, when both are piped */
    fprintf(stderr, "%s: %s\n", COROLAB_PROGNAME, msg ? msg : "(error)");
    fflush(stderr);
    lua_pop(L, 1);
  }
  return status;
}
