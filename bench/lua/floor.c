/*
** floor.c — Lua module "floor": the floor of the coro.generator row, the
** least a generator object with a Lua body can do when, like coro's, it is
** a userdata called as g(), checks what it is given and that co_yield is
** called by the body itself, and runs the body in its own thread. No
** runtime, promise or frame: floor.generator(f) resumes f's thread, and
** floor.co_yield(v) yields v. bench/analysis.md says what it shows.
*/
#include <lauxlib.h>
#include <lua.h>

typedef struct Generator { const char *kind; lua_State *T; } Generator;
typedef struct Floor { lua_State *body; } Floor;   /* the body running */

static const char GENERATOR[] = "floor.generator";

#define floor_up(L) ((Floor *)lua_touserdata(L, lua_upvalueindex(1)))

/* g(): the next value, or nothing at the end */
static int generator_call(lua_State *L) {
  Generator *g = lua_rawlen(L, 1) == sizeof(Generator)
               ? (Generator *)lua_touserdata(L, 1) : NULL;
  Floor *f = floor_up(L);
  lua_State *outer = f->body;
  int n, status;
  if (g == NULL || g->kind != GENERATOR) return luaL_typeerror(L, 1, GENERATOR);
  if (lua_status(g->T) == LUA_YIELD) lua_settop(g->T, 0);
  f->body = g->T;
  status = lua_resume(g->T, L, 0, &n);
  f->body = outer;
  if (status == LUA_OK) return 0;
  if (status != LUA_YIELD) {
    lua_xmove(g->T, L, 1);
    return lua_error(L);
  }
  lua_pushvalue(g->T, -1);
  lua_xmove(g->T, L, 1);
  return 1;
}

/* co_yield(v), from the body itself only */
static int co_yield(lua_State *L) {
  lua_Debug ar;
  if (floor_up(L)->body != L || lua_getstack(L, 2, &ar))
    return luaL_error(L, "co_yield outside of a generator's body");
  lua_settop(L, 1);
  return lua_yield(L, 1);
}

/* floor.generator(f): a generator whose body is f */
static int generator(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  Generator *g = (Generator *)lua_newuserdatauv(L, sizeof *g, 1);
  g->kind = GENERATOR;
  g->T = lua_newthread(L);
  lua_setiuservalue(L, -2, 1);                 /* the thread lives with g */
  lua_pushvalue(L, 1);
  lua_xmove(L, g->T, 1);
  lua_pushvalue(L, lua_upvalueindex(2));
  lua_setmetatable(L, -2);
  return 1;
}

int luaopen_floor(lua_State *L) {
  Floor *f = (Floor *)lua_newuserdatauv(L, sizeof *f, 0);
  f->body = NULL;
  lua_createtable(L, 0, 1);                    /* the generators' metatable */
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, generator_call, 1);
  lua_setfield(L, -2, "__call");
  lua_createtable(L, 0, 2);                    /* the module */
  lua_pushvalue(L, -3);
  lua_pushvalue(L, -3);
  lua_pushcclosure(L, generator, 2);
  lua_setfield(L, -2, "generator");
  lua_pushvalue(L, -3);
  lua_pushcclosure(L, co_yield, 1);
  lua_setfield(L, -2, "co_yield");
  return 1;
}
