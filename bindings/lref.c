/*
** lref.c — reference parameters ([dcl.fct.def.coroutine]/13): a parameter
** declared a reference (coro.coroutine's parameter types) is not copied
** into the frame, so its object can end while the coroutine is suspended.
** Where the Lua can see that end — the object's own __close ran — the body
** and the promise constructor get a proxy that forwards every use to the
** object, and names a use after its end, undefined behaviour in C++
** ([basic.life]/7). To see the end, the __close of the object's metatable
** is wrapped, once: the wrapper notes the object's end, then calls it.
*/
#include <string.h>

#include "lcoro.h"

/* the metamethods a proxy forwards, when its object's metatable has them
   (__index and __newindex always); no __close: a reference owns nothing */
static const char *const forwarded[] = {
  "__index", "__newindex", "__call", "__tostring", "__len", "__eq", "__lt",
  "__le", "__concat", "__unm", "__add", "__sub", "__mul", "__div", "__mod",
  "__pow", "__idiv", "__band", "__bor", "__bxor", "__shl", "__shr", "__bnot",
  "__pairs", "__copy", "__co_await", NULL
};

static const int arith[] = {     /* by forwarded[], from __unm on */
  LUA_OPUNM, LUA_OPADD, LUA_OPSUB, LUA_OPMUL, LUA_OPDIV, LUA_OPMOD, LUA_OPPOW,
  LUA_OPIDIV, LUA_OPBAND, LUA_OPBOR, LUA_OPBXOR, LUA_OPSHL, LUA_OPSHR, LUA_OPBNOT
};

/* --------------------------------------------------- the object's end -- */

/* the wrapped __close: upvalues c, the original */
static int closewatch(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, lua_upvalueindex(1));
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->ended);   /* its life ends now */
  lua_pushvalue(L, 1);
  lua_pushboolean(L, 1);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* the metatable of the value at i notes its objects' ends */
static void watch(Ctx *c, lua_State *L, int i) {
  lua_getmetatable(L, i);
  lua_getfield(L, -1, "__close");
  if (lua_tocfunction(L, -1) == closewatch) {
    lua_pop(L, 2);
    return;
  }
  lua_pushlightuserdata(L, c);
  lua_insert(L, -2);
  lua_pushcclosure(L, closewatch, 2);
  lua_pushliteral(L, "__close");
  lua_insert(L, -2);
  lua_rawset(L, -3);
  lua_pop(L, 1);
}

/* ----------------------------------------------------------- proxies -- */

/* the value at i, or what it refers to if it is a proxy: raises if that
   object has ended (a use after its end) */
static void unwrap(Ctx *c, lua_State *L, int i) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->refs);
  lua_pushvalue(L, i);
  if (lua_rawget(L, -2) != LUA_TTABLE) {
    lua_pop(L, 2);
    return;
  }
  lua_getfield(L, -1, "target");
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->ended);
  lua_pushvalue(L, -2);
  if (lua_rawget(L, -2) != LUA_TNIL) {
    lua_getfield(L, -4, "id");
    lua_getfield(L, -5, "coroutine");
    lua_getfield(L, -6, "param");
    lua_getfield(L, -7, "type");
    luaL_error(L, "coroutine #%d '%s' used its reference parameter '%s' (%s) after "
               "the object it refers to was destroyed (its __close ran): a "
               "reference parameter is not copied into the coroutine frame, so it "
               "dangles once its object dies while the coroutine is suspended; "
               "using it is undefined behaviour in C++ [basic.life]/7, "
               "[dcl.fct.def.coroutine]/13. Take the parameter by value (its copy "
               "lives in the frame), or keep the object alive until the coroutine "
               "is done", (int)lua_tointeger(L, -4), lua_tostring(L, -3),
               lua_tostring(L, -2), lua_tostring(L, -1));
  }
  lua_pop(L, 2);
  lua_replace(L, i);
  lua_pop(L, 2);
}

/* a forwarded metamethod: upvalues c, its index in forwarded[] */
static int forward(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, lua_upvalueindex(1));
  int m = (int)lua_tointeger(L, lua_upvalueindex(2)), n = lua_gettop(L);
  const char *name = forwarded[m];
  for (int i = 1; i <= (m == 2 ? 1 : n); i++) unwrap(c, L, i);   /* __call: self */
  switch (m) {
    case 0: lua_settop(L, 2); lua_gettable(L, 1); return 1;           /* __index */
    case 1: lua_settop(L, 3); lua_settable(L, 1); return 0;           /* __newindex */
    case 2: lua_call(L, n - 1, LUA_MULTRET); return lua_gettop(L);    /* __call */
    case 3: luaL_tolstring(L, 1, NULL); return 1;                     /* __tostring */
    case 4: lua_len(L, 1); return 1;                                   /* __len */
    case 5: case 6: case 7:                                            /* __eq, __lt, __le */
      lua_pushboolean(L, lua_compare(L, 1, 2, m == 5 ? LUA_OPEQ : m == 6 ? LUA_OPLT : LUA_OPLE));
      return 1;
    case 8: lua_settop(L, 2); lua_concat(L, 2); return 1;             /* __concat */
    default: break;
  }
  if (strcmp(name, "__pairs") == 0) {
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
      lua_pushvalue(L, 1);
      lua_call(L, 1, 3);
      return 3;
    }
    lua_getglobal(L, "next");
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
  }
  if (name[2] == 'c') {                                  /* __copy, __co_await */
    luaL_getmetafield(L, 1, name);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    return 1;
  }
  lua_settop(L, 2);                                      /* arithmetic */
  lua_arith(L, arith[m - 9]);
  return 1;
}

/* the metatable of proxies to objects whose metatable is at i (cached) */
static void proxymeta(Ctx *c, lua_State *L, int i) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->refmetas);
  lua_pushvalue(L, i);
  if (lua_rawget(L, -2) == LUA_TTABLE) {
    lua_remove(L, -2);
    return;
  }
  lua_pop(L, 1);
  lua_newtable(L);
  for (int m = 0; forwarded[m]; m++) {
    if (m > 1 && lua_getfield(L, i, forwarded[m]) == LUA_TNIL) {
      lua_pop(L, 1);
      continue;
    }
    if (m > 1) lua_pop(L, 1);
    lua_pushlightuserdata(L, c);
    lua_pushinteger(L, m);
    lua_pushcclosure(L, forward, 2);
    lua_setfield(L, -2, forwarded[m]);
  }
  if (lua_getfield(L, i, "__name") == LUA_TSTRING) lua_setfield(L, -2, "__name");
  else lua_pop(L, 1);
  lua_pushvalue(L, i);
  lua_pushvalue(L, -2);
  lua_rawset(L, -4);
  lua_remove(L, -2);
}

void coro_refparam(Ctx *c, lua_State *L, int i, const char *co, unsigned id,
                   const char *param, const char *type) {
  i = lua_absindex(L, i);
  if (!coro_pushdestructor(L, i)) return;       /* its end is not seen */
  lua_pop(L, 1);
  watch(c, L, i);
  lua_newtable(L);                              /* the proxy */
  lua_getmetatable(L, i);
  proxymeta(c, L, lua_gettop(L));
  lua_setmetatable(L, -3);
  lua_pop(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->refs);   /* refs[proxy] = {...} */
  lua_pushvalue(L, -2);
  lua_createtable(L, 0, 5);
  lua_pushvalue(L, i);
  lua_setfield(L, -2, "target");
  lua_pushinteger(L, id);
  lua_setfield(L, -2, "id");
  lua_pushstring(L, co);
  lua_setfield(L, -2, "coroutine");
  lua_pushstring(L, param);
  lua_setfield(L, -2, "param");
  lua_pushstring(L, type);
  lua_setfield(L, -2, "type");
  lua_rawset(L, -3);
  lua_pop(L, 1);
  lua_replace(L, i);
}

void coro_openref(lua_State *L, Ctx *c) {
  c->ended = coro_newref(L, "k");
  c->refs = coro_newref(L, "k");
  c->refmetas = coro_newref(L, "k");
}
