/*
** lorder.c — the orders C++ leaves unspecified, where g++ 12 and clang 14
** choose differently: coro.order = "g++" (the default) or "clang" picks
** whose choice corolab makes, and coro.unspecified lists them, each with
** its rule and both choices. An event whose place is such a choice names
** it (ev.unspecified).
*/
#include <string.h>

#include "lcoro.h"

typedef struct Unspecified {
  const char *name, *rule, *what, *gxx, *clang;
} Unspecified;

static const Unspecified orders[] = {
  {"argument_order", "[expr.call]/8",
   "the order in which the arguments of a call are evaluated (coro.args)",
   "last to first", "first to last"},
  {"unsequenced_co_await", "[intro.execution]/10, [expr.await]/5",
   "the co_awaits of one expression's unsequenced operands, as in co_await a + "
   "co_await b (coro.co_awaits)",
   "makes every operand first, then suspends at each co_await in turn, then "
   "calls their await_resume in order",
   "evaluates each co_await whole (its operand, its suspension, its "
   "await_resume), first to last"},
  {"parameter_destruction", "[dcl.fct.def.coroutine]/13",
   "the order in which a coroutine's parameter copies are destroyed (~parameters)",
   "in the order of the parameters", "in the reverse order"},
  {"return_object_destruction", "[dcl.fct.def.coroutine]/7, CWG2935",
   "when a call that fails after get_return_object destroys its return object",
   "first, then the coroutine state (~promise_type, ~parameters, operator delete)",
   "last, after operator delete has freed the frame"},
};

static const char *const names[] = {"g++", "clang", NULL};

/* the module's metatable: coro.order reads and sets the choice */
static int module_index(lua_State *L) {
  Ctx *c = ctx_up(L);
  if (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "order") == 0) {
    lua_pushstring(L, names[c->order]);
    return 1;
  }
  return 0;
}

static int module_newindex(lua_State *L) {
  Ctx *c = ctx_up(L);
  if (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "order") == 0) {
    if (lua_type(L, 3) != LUA_TSTRING)
      return luaL_error(L, "coro.order must be \"g++\" or \"clang\" (whose choice "
                        "corolab makes where C++ leaves the order unspecified), "
                        "not a %s", luaL_typename(L, 3));
    for (int i = 0; names[i]; i++)
      if (strcmp(lua_tostring(L, 3), names[i]) == 0) {
        c->order = (Order)i;
        return 0;
      }
    return luaL_error(L, "coro.order must be \"g++\" or \"clang\" (whose choice "
                      "corolab makes where C++ leaves the order unspecified), "
                      "not \"%s\"", lua_tostring(L, 3));
  }
  lua_rawset(L, 1);
  return 0;
}

static void setfield(lua_State *L, const char *k, const char *v) {
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

void coro_openorder(lua_State *L, Ctx *c) {
  static const luaL_Reg meta[] = {
    {"__index", module_index}, {"__newindex", module_newindex}, {NULL, NULL}
  };
  int n = (int)(sizeof orders / sizeof *orders);
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    lua_createtable(L, 0, 5);
    setfield(L, "name", orders[i].name);
    setfield(L, "rule", orders[i].rule);
    setfield(L, "what", orders[i].what);
    setfield(L, "gxx", orders[i].gxx);
    setfield(L, "clang", orders[i].clang);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "unspecified");
  lua_createtable(L, 0, 2);
  coro_newlib(L, c, meta);
  lua_setmetatable(L, -2);
}
