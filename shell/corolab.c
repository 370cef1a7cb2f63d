/*
** corolab.c — main: the command line, in the manner of lua.c.
**   corolab [options] [script [args]]
** runs the options in order, then the script (or stdin), then, if asked or
** if nothing else was given on a terminal, the interactive explorer.
*/
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "corolab.h"
#include "shell.h"

static const char usage_text[] =
  "usage: " COROLAB_PROGNAME " [options] [script [args]]\n"
  "Available options are:\n"
  "  -e stat            execute string 'stat'\n"
  "  -i                 enter interactive mode after executing 'script'\n"
  "  -l mod             require library 'mod' into global 'mod'\n"
  "  -l g=mod           require library 'mod' into global 'g'\n"
  "  -v                 show version information\n"
  "  -h, --help         show this help\n"
  "  --tour             start the explorer with its guided tour\n"
  "  --predict LESSON   start the explorer stepping LESSON as a quiz\n"
  "  --diff A B         run scripts A and B and show their events side by side\n"
  "  --lang en|tr|zh    the language of the explanations (default: from LANG)\n"
  "  --trace            print every lifecycle event as it happens\n"
  "  --export FMT=FILE  write the recorded run at exit (chrome, mermaid, dot, html)\n"
  "  --                 stop handling options\n"
  "  -                  stop handling options and execute stdin\n";

typedef struct Options {
  int interactive, version, execute, trace, tour, diff, help, bad;
  int script;                               /* argv index of the script; 0 none */
  const char *predict;                      /* --predict's lesson, or NULL */
  const char *lang;                         /* --lang's, or NULL */
} Options;

static void usage(const char *bad, const char *why) {
  fprintf(stderr, "%s: %s '%s'\n", COROLAB_PROGNAME, why, bad);
  fputs(usage_text, stderr);
}

/* a first pass: which options, and where the script is */
static Options collect(int argc, char **argv) {
  Options o = {0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL};
  int i;
  for (i = 1; i < argc && argv[i][0] == '-'; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) { i++; break; }
    if (strcmp(a, "-") == 0) break;
    if (strcmp(a, "-i") == 0) o.interactive = 1;
    else if (strcmp(a, "-v") == 0) o.version = 1;
    else if (strcmp(a, "--trace") == 0) o.trace = 1;
    else if (strcmp(a, "--tour") == 0) o.tour = o.interactive = 1;
    else if (strcmp(a, "--diff") == 0) o.diff = 1;
    else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) o.help = 1;
    else if (strcmp(a, "-e") == 0 || strcmp(a, "-l") == 0 ||
             strcmp(a, "--export") == 0 || strcmp(a, "--predict") == 0 ||
             strcmp(a, "--lang") == 0) {
      if (i + 1 >= argc) { usage(a, "an argument is needed after"); o.bad = 1; return o; }
      if (a[2] == 'p') o.predict = argv[i + 1], o.interactive = 1;
      if (a[2] == 'l') o.lang = argv[i + 1];
      if (a[1] == 'e') o.execute = 1;
      i++;
    } else { usage(a, "unrecognized option"); o.bad = 1; return o; }
  }
  o.script = i < argc ? i : 0;
  if (o.diff && (!o.script || o.script + 2 != argc)) {
    usage("--diff", "two scripts are needed after");
    o.bad = 1;
  }
  return o;
}

/* arg: the script at 0, its arguments after, the interpreter and options
   before (no script: the interpreter at 0); returns how many arguments the
   script gets */
static int make_arg_table(lua_State *L, int argc, char **argv, int script) {
  lua_createtable(L, argc - script, script + 1);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - script);
  }
  lua_setglobal(L, "arg");
  return script ? argc - script - 1 : 0;
}

static int run_chunk(lua_State *L, int status) {
  if (status == LUA_OK) status = interrupt_docall(L, 0, 0);
  return interrupt_report(L, status);
}

static int run_require(lua_State *L, const char *spec) {
  const char *eq = strchr(spec, '=');
  const char *mod = eq ? eq + 1 : spec;
  lua_getglobal(L, "require");
  lua_pushstring(L, mod);
  int status = interrupt_docall(L, 1, 1);
  if (status == LUA_OK) {
    if (eq) lua_pushlstring(L, spec, (size_t)(eq - spec));
    else lua_pushstring(L, mod);
    lua_insert(L, -2);
    lua_setglobal(L, lua_tostring(L, -2));
    lua_pop(L, 1);
  }
  return interrupt_report(L, status);
}

/* the explorer's part: trace and exports asked for on the command line,
   and whether a prompt will follow (then it records from the start) */
static int start_explorer(lua_State *L, int argc, char **argv, const Options *o,
                          int interactive) {
  host_explorer(L, "start");
  lua_createtable(L, 0, 4);
  lua_pushboolean(L, o->trace);
  lua_setfield(L, -2, "trace");
  lua_pushboolean(L, interactive);
  lua_setfield(L, -2, "interactive");
  if (o->lang) {
    lua_pushstring(L, o->lang);
    lua_setfield(L, -2, "lang");
  }
  if (o->script) {
    lua_pushstring(L, argv[o->script]);
    lua_setfield(L, -2, "script");
  }
  lua_newtable(L);
  int last = o->script ? o->script : argc;
  for (int i = 1; i < last; i++)
    if (strcmp(argv[i], "--export") == 0) {
      lua_pushstring(L, argv[++i]);
      lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    } else if (strcmp(argv[i], "-e") == 0 || strcmp(argv[i], "-l") == 0 ||
               strcmp(argv[i], "--predict") == 0 || strcmp(argv[i], "--lang") == 0) i++;
  lua_setfield(L, -2, "exports");
  return interrupt_report(L, interrupt_docall(L, 1, 0));
}

/* -e and -l, in the order given */
static int run_options(lua_State *L, char **argv, int last) {
  for (int i = 1; i < last; i++) {
    int status = LUA_OK;
    if (strcmp(argv[i], "-e") == 0)
      status = run_chunk(L, luaL_loadbuffer(L, argv[i + 1], strlen(argv[i + 1]),
                                            "=(command line)"));
    else if (strcmp(argv[i], "-l") == 0)
      status = run_require(L, argv[i + 1]);
    if (strcmp(argv[i], "-e") == 0 || strcmp(argv[i], "-l") == 0 ||
        strcmp(argv[i], "--export") == 0 || strcmp(argv[i], "--predict") == 0 ||
        strcmp(argv[i], "--lang") == 0)
      i++;
    if (status != LUA_OK) return status;
  }
  return LUA_OK;
}

static int run_script(lua_State *L, char **argv, int script, int nargs) {
  const char *name = strcmp(argv[script], "-") == 0 &&
                     strcmp(argv[script - 1], "--") != 0 ? NULL : argv[script];
  int status = luaL_loadfile(L, name);
  if (status == LUA_OK) {
    for (int i = 1; i <= nargs; i++) lua_pushstring(L, argv[script + i]);
    status = interrupt_docall(L, nargs, 0);
  }
  return interrupt_report(L, status);
}

/* --diff: the explorer runs the two scripts and compares their events */
static int run_diff(lua_State *L, char **scripts) {
  host_explorer(L, "diff");
  lua_pushstring(L, scripts[0]);
  lua_pushstring(L, scripts[1]);
  return interrupt_report(L, interrupt_docall(L, 2, 0));
}

/* the explorer's prompt, after the command --tour or --predict asked for */
static void interact(lua_State *L, const Options *o) {
  host_explorer(L, "greet");
  interrupt_report(L, interrupt_docall(L, 0, 0));
  if (o->tour || o->predict) {
    host_explorer(L, "command");
    if (o->tour) lua_pushliteral(L, "tour");
    else lua_pushfstring(L, "predict %s", o->predict);
    interrupt_report(L, interrupt_docall(L, 1, 0));
  }
  repl_run(L, "", 0);
}

/* the body of main, in protected mode: returns the exit status */
static int protected_main(lua_State *L) {
  int argc = (int)lua_tointeger(L, 1);
  char **argv = (char **)lua_touserdata(L, 2);
  Options o = collect(argc, argv);
  if (o.bad) return lua_pushinteger(L, EXIT_FAILURE), 1;
  if (o.help) {
    fputs(usage_text, stdout);
    return lua_pushinteger(L, EXIT_SUCCESS), 1;
  }
  const char *no_color = getenv("NO_COLOR");
  int tty = isatty(STDOUT_FILENO);
  int color = tty && !(no_color && *no_color);
  int terminal = isatty(STDIN_FILENO);
  luaL_openlibs(L);
  lua_warning(L, "@on", 0);                 /* e.g. an observer's error */
  interrupt_install();
  int nargs = make_arg_table(L, argc, argv, o.script);
  console_open(L);
  int status = host_open(L, color, tty, terminal);
  int prompt = o.interactive || (!o.script && !o.execute && !o.version && terminal);
  if (status == LUA_OK) status = start_explorer(L, argc, argv, &o, prompt);
  if (o.version) puts(COROLAB_VERSION "  (" LUA_RELEASE ")");
  if (status == LUA_OK) status = run_options(L, argv, o.script ? o.script : argc);
  if (status == LUA_OK && o.diff) status = run_diff(L, argv + o.script);
  else if (status == LUA_OK && o.script) status = run_script(L, argv, o.script, nargs);
  if (status == LUA_OK && o.interactive) interact(L, &o);
  else if (status == LUA_OK && !o.script && !o.execute && !o.version) {
    if (terminal) interact(L, &o);
    else status = run_chunk(L, luaL_loadfile(L, NULL));  /* stdin */
  }
  host_explorer(L, "stop");                 /* writes the exports */
  int stopped = interrupt_report(L, interrupt_docall(L, 0, 0));
  lua_pushinteger(L, status == LUA_OK && stopped == LUA_OK ? EXIT_SUCCESS : EXIT_FAILURE);
  return 1;
}

int main(int argc, char **argv) {
  lua_State *L = luaL_newstate();
  if (L == NULL) {
    fprintf(stderr, "%s: cannot create state: not enough memory\n", argv[0]);
    return EXIT_FAILURE;
  }
  lua_pushcfunction(L, protected_main);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  int status = lua_pcall(L, 2, 1, 0);
  int result = status == LUA_OK ? (int)lua_tointeger(L, -1) : EXIT_FAILURE;
  if (status != LUA_OK) interrupt_report(L, status);
  lua_close(L);
  return result;
}
