/*
** benchlib.c — Lua module "benchlib": the timing helper of bench.h for the
** Lua benchmarks, so that C, C++ and Lua figures come from one clock and one
** median. benchlib.interleave({f1, f2, ...}, n, reps) times f1(n), f2(n),
** ... (each does n operations) in turn, reps rounds, and returns their
** median ns per operation; ns_per_op(f, n, reps) times one. Also
** print(key, v), check(what, got, want), rss_bytes(), peak_rss_mb().
*/
#include "../common/bench.h"   /* first: it sets _POSIX_C_SOURCE */

#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>

typedef struct LuaCase { lua_State *L; int index; } LuaCase;

static void call_lua(void *ctx, long n) {     /* the function at ctx's index */
  LuaCase *c = (LuaCase *)ctx;
  lua_pushvalue(c->L, c->index);
  lua_pushinteger(c->L, (lua_Integer)n);
  lua_call(c->L, 1, 0);
}

/* the functions at stack indices first..first+k-1, n operations each */
static void time_functions(lua_State *L, int first, int k, long n, int reps,
                           bench_Case *cases) {
  LuaCase ctx[BENCH_MAX_CASES];
  for (int i = 0; i < k; i++) {
    ctx[i].L = L;
    ctx[i].index = first + i;
    cases[i].fn = call_lua;
    cases[i].ctx = &ctx[i];
    cases[i].n = n;
  }
  bench_interleave(cases, k, reps);
}

static int l_interleave(lua_State *L) {
  bench_Case cases[BENCH_MAX_CASES];
  luaL_checktype(L, 1, LUA_TTABLE);
  long n = (long)luaL_checkinteger(L, 2);
  int reps = (int)luaL_optinteger(L, 3, 5);
  int k = (int)luaL_len(L, 1), top = lua_gettop(L);
  luaL_argcheck(L, k >= 1 && k <= BENCH_MAX_CASES, 1, "1 to 8 functions");
  for (int i = 1; i <= k; i++) {
    lua_geti(L, 1, i);
    luaL_checktype(L, -1, LUA_TFUNCTION);
  }
  time_functions(L, top + 1, k, n, reps, cases);
  lua_createtable(L, k, 0);
  for (int i = 0; i < k; i++) {
    lua_pushnumber(L, cases[i].ns);
    lua_seti(L, -2, i + 1);
  }
  return 1;
}

static int l_ns_per_op(lua_State *L) {
  bench_Case c;
  luaL_checktype(L, 1, LUA_TFUNCTION);
  time_functions(L, 1, 1, (long)luaL_checkinteger(L, 2),
                 (int)luaL_optinteger(L, 3, 5), &c);
  lua_pushnumber(L, c.ns);
  return 1;
}

static int l_print(lua_State *L) {
  bench_print(luaL_checkstring(L, 1), (double)luaL_checknumber(L, 2));
  return 0;
}

static int l_check(lua_State *L) {
  bench_check(luaL_checkstring(L, 1), (long long)luaL_checkinteger(L, 2),
              (long long)luaL_checkinteger(L, 3));
  return 0;
}

static int l_rss_bytes(lua_State *L) {              /* current resident set */
  long pages = 0, resident = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (f != NULL) {
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    fclose(f);
  }
  lua_pushinteger(L, (lua_Integer)resident * sysconf(_SC_PAGESIZE));
  return 1;
}

static int l_peak_rss_mb(lua_State *L) {
  lua_pushnumber(L, bench_peak_rss_mb());
  return 1;
}

static const luaL_Reg benchlib[] = {
  {"interleave", l_interleave}, {"ns_per_op", l_ns_per_op},
  {"print", l_print}, {"check", l_check},
  {"rss_bytes", l_rss_bytes}, {"peak_rss_mb", l_peak_rss_mb}, {NULL, NULL}
};

int luaopen_benchlib(lua_State *L) {
  luaL_newlib(L, benchlib);
  return 1;
}
