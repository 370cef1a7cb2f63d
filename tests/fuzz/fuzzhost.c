/*
** fuzzhost.c — runs the random-operation fuzzer (fuzz.lua) over a range of
** seeds, each in a fresh Lua state with "coro" linked in and a failing
** allocator (with_failing_allocations), and checks after each sequence what must
** always hold: no frame left running, the registry and the live Lua bodies
** agree, and nothing is alive when the state closes. Prints, at the end,
** how many sequences ran, the errors they met by kind, and the seeds that
** broke an invariant.
**   fuzzhost [-s FIRST] [-n COUNT] [-t SECONDS] [-p PROGRESS] [-v] fuzz.lua
** -p names a file that holds the seed being run, so that whoever runs this
** can tell which seed crashed it; a sequence that runs over a minute is a
** hang: "HANG seed N" on stderr, exit status 3. Exit status otherwise: 0
** when no invariant broke.
*/
#define _POSIX_C_SOURCE 200809L

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lcoro.h"

typedef struct Budget {        /* as luahost -m: frees never fail */
  lua_Alloc alloc;
  void *ud;
  lua_Integer left;            /* allocations that may succeed; -1: all */
} Budget;

static void *failing_alloc(void *ud, void *p, size_t osize, size_t nsize) {
  Budget *b = (Budget *)ud;
  if (nsize > (p ? osize : 0) && b->left >= 0) {
    if (b->left == 0) return NULL;
    b->left--;
  }
  return b->alloc(b->ud, p, osize, nsize);
}

/* with_failing_allocations(n, f): calls f with every allocation after the
   n-th failing; returns pcall's results. The budget is set and reset here,
   in C, so that no Lua code runs with it by mistake */
static int with_failing_allocations(lua_State *L) {
  Budget *b = (Budget *)lua_touserdata(L, lua_upvalueindex(1));
  lua_Integer n = luaL_checkinteger(L, 1);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_settop(L, 2);
  b->left = n;
  int status = lua_pcall(L, 0, 1, 0);
  b->left = -1;
  lua_pushboolean(L, status == LUA_OK);
  lua_insert(L, -2);
  return 2;
}

/* ------------------------------------------------------------ tallies -- */

#define KINDS 128

typedef struct Tally { char name[80]; long count; } Tally;
static Tally tallies[KINDS];
static int ntallies;

static void tally(const char *name, long n) {
  int i;
  for (i = 0; i < ntallies && strcmp(tallies[i].name, name) != 0; i++) {}
  if (i == ntallies) {
    if (ntallies == KINDS) i = KINDS - 1;              /* "other" absorbs */
    else snprintf(tallies[ntallies++].name, sizeof tallies[i].name, "%s", name);
  }
  tallies[i].count += n;
}

static int by_count(const void *a, const void *b) {
  long x = ((const Tally *)a)->count, y = ((const Tally *)b)->count;
  return (x < y) - (x > y);
}

/* ------------------------------------------------------------ watchdog -- */

#define SEED_SECONDS 60        /* a sequence that runs longer hangs */

static char hang_message[64];

static void on_alarm(int sig) {       /* async-signal-safe: write, _exit */
  (void)sig;
  ssize_t n = write(2, hang_message, strlen(hang_message));
  (void)n;
  _exit(3);
}

/* ----------------------------------------------------------- invariants -- */

static int failures;

static void broken(long seed, const char *what) {
  failures++;
  printf("INVARIANT seed %ld: %s\n", seed, what);
  fflush(stdout);
}

/* fuzz_check(): raises if the runtime and the module disagree; called by
   the script after every top-level operation. The collector is stopped:
   a finalizer must not make or destroy frames while they are counted */
static int check(lua_State *L) {
  cl_Runtime *R = luacoro_runtime(L);
  luacoro_Hooks *live = luacoro_hooks(L);
  size_t frames = cl_frames(R, NULL, 0), bodies = 0;
  cl_Handle *all = (cl_Handle *)lua_newuserdatauv(L, (frames + 1) * sizeof *all, 0);
  cl_FrameInfo info;
  for (Body *b = live->bodies; b != NULL; b = b->next) bodies++;
  if (cl_address(cl_running(R)) != NULL)
    return luaL_error(L, "a frame is running at top level");
  cl_frames(R, all, frames);
  for (size_t i = 0; i < frames; i++) {
    Body *b;
    if (!cl_frame_info(R, all[i], &info))
      return luaL_error(L, "cl_frames lists a frame cl_frame_info does not know");
    for (b = live->bodies; b != NULL && b != info.locals; b = b->next) {}
    if (b == NULL)
      return luaL_error(L, "coroutine #%d (%s) is in the registry, but its Lua "
                        "body is not among the live ones", (int)info.id,
                        cl_state_name(info.state));
    if (info.state == CL_STATE_RUNNING || info.state == CL_STATE_PROLOGUE ||
        info.state == CL_STATE_DESTROYING)
      return luaL_error(L, "coroutine #%d is stuck %s at top level", (int)info.id,
                        cl_state_name(info.state));
  }
  if (bodies != frames)
    return luaL_error(L, "%d frames in the registry, %d live Lua bodies",
                      (int)frames, (int)bodies);
  return 0;
}

static int fuzz_check(lua_State *L) {
  int status;
  lua_gc(L, LUA_GCSTOP);
  lua_pushcfunction(L, check);
  status = lua_pcall(L, 0, 0, 0);
  lua_gc(L, LUA_GCRESTART);
  return status == LUA_OK ? 0 : lua_error(L);
}

static void count_leak(cl_Runtime *R, const cl_FrameInfo *leak, void *ud) {
  (void)R; (void)leak;
  (*(int *)ud)++;
}

/* one sequence: its tallies are added, its broken invariants printed */
static void run(const char *script, long seed, int verbose) {
  lua_State *L = luaL_newstate();
  Budget budget = {NULL, NULL, -1};
  int leaks = 0;
  budget.alloc = lua_getallocf(L, &budget.ud);
  lua_setallocf(L, failing_alloc, &budget);
  luaL_openlibs(L);
  lua_getglobal(L, "coroutine");              /* before "coro" guards them */
  lua_getfield(L, -1, "resume");
  lua_setglobal(L, "raw_resume");
  lua_getfield(L, -1, "close");
  lua_setglobal(L, "raw_close");
  lua_pop(L, 1);
  luaL_requiref(L, "coro", luaopen_coro, 0);
  lua_pop(L, 1);
  lua_pushlightuserdata(L, &budget);
  lua_pushcclosure(L, with_failing_allocations, 1);
  lua_setglobal(L, "with_failing_allocations");
  lua_pushcfunction(L, fuzz_check);
  lua_setglobal(L, "fuzz_check");
  if (luaL_dofile(L, script) != LUA_OK || lua_type(L, -1) != LUA_TFUNCTION) {
    fprintf(stderr, "fuzzhost: %s: %s\n", script, lua_tostring(L, -1));
    exit(2);
  }
  lua_pushinteger(L, seed);
  lua_pushboolean(L, verbose);
  if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
    budget.left = -1;
    broken(seed, luaL_tolstring(L, -1, NULL));
  } else if (lua_istable(L, -1)) {           /* errors met, by kind */
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (lua_type(L, -2) == LUA_TSTRING) tally(lua_tostring(L, -2), (long)lua_tointeger(L, -1));
      lua_pop(L, 1);
    }
  }
  budget.left = -1;
  cl_set_leak_reporter(luacoro_runtime(L), count_leak, &leaks);
  lua_close(L);
  if (leaks) {
    char what[64];
    snprintf(what, sizeof what, "%d frame(s) alive at close", leaks);
    broken(seed, what);
  }
}

int main(int argc, char **argv) {
  long first = 1, count = -1;
  double seconds = -1;
  const char *progress = NULL, *script = NULL;
  int verbose = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) first = atol(argv[++i]);
    else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) count = atol(argv[++i]);
    else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc) seconds = atof(argv[++i]);
    else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc) progress = argv[++i];
    else if (strcmp(argv[i], "-v") == 0) verbose = 1;
    else script = argv[i];
  }
  if (script == NULL || (count < 0 && seconds < 0)) {
    fprintf(stderr, "usage: %s [-s FIRST] [-n COUNT] [-t SECONDS] [-p FILE] [-v] "
            "fuzz.lua\n", argv[0]);
    return 2;
  }
  signal(SIGALRM, on_alarm);
  time_t start = time(NULL);
  long seed, ran = 0;
  for (seed = first; count < 0 || seed < first + count; seed++) {
    if (seconds >= 0 && difftime(time(NULL), start) >= seconds) break;
    if (progress) {
      FILE *f = fopen(progress, "w");
      if (f) { fprintf(f, "%ld\n", seed); fclose(f); }
    }
    snprintf(hang_message, sizeof hang_message, "HANG seed %ld: over %d s\n",
             seed, SEED_SECONDS);
    alarm(SEED_SECONDS);
    run(script, seed, verbose);
    alarm(0);
    ran++;
  }
  qsort(tallies, (size_t)ntallies, sizeof *tallies, by_count);
  printf("sequences %ld (seeds %ld..%ld)\n", ran, first, first + ran - 1);
  for (int i = 0; i < ntallies; i++)
    printf("  %-40s %ld\n", tallies[i].name, tallies[i].count);
  printf("invariants broken %d\n", failures);
  return failures ? 1 : 0;
}
