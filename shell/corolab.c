/*
** corolab.c — main: the command line, in the manner of lua.c.
**   corolab [options] [script [args]]
**   corolab [options] --play record.json
** reads the options in two passes over one table of them: the first finds
** which are given, the script, and what the explorer is told at start;
** the second runs -e and -l in the order given. Then the script (or
** stdin), then, if asked or if nothing else was given on a terminal, the
** interactive explorer.
*/
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "corolab.h"
#include "explorer.h"
#include "shell.h"

typedef enum OptionKind {
  OPT_EXECUTE, OPT_INTERACTIVE, OPT_REQUIRE, OPT_VERSION, OPT_HELP, OPT_TOUR,
  OPT_PREDICT, OPT_DIFF, OPT_PLAY, OPT_LANG, OPT_ORDER, OPT_TRACE, OPT_EXPORT,
  OPT_LAST, OPT_STDIN
} OptionKind;

/* the options; a row without a name is one more line of usage for the
   option above, a row without usage another spelling of it. What each
   does is in the explorer's catalogue, in its language: usage is its key
   there (text/LANG.lua, section usage) */
static const struct Option {
  const char *name;            /* as typed */
  OptionKind kind;
  int has_arg;                 /* the next argument is its own */
  const char *shown, *usage;   /* in the usage text: as shown, and its key */
} options[] = {
  {"-e", OPT_EXECUTE, 1, "-e stat", "execute"},
  {"-i", OPT_INTERACTIVE, 0, "-i", "interactive"},
  {"-l", OPT_REQUIRE, 1, "-l mod", "require"},
  {NULL, OPT_REQUIRE, 1, "-l g=mod", "require_as"},
  {"-v", OPT_VERSION, 0, "-v", "version"},
  {"-h", OPT_HELP, 0, "-h, --help", "help"},
  {"--help", OPT_HELP, 0, NULL, NULL},
  {"--tour", OPT_TOUR, 0, "--tour", "tour"},
  {"--predict", OPT_PREDICT, 1, "--predict LESSON", "predict"},
  {"--diff", OPT_DIFF, 0, "--diff A B", "diff"},
  {"--play", OPT_PLAY, 1, "--play FILE", "play"},
  {"--lang", OPT_LANG, 1, "--lang en|tr|zh", "lang"},
  {"--order", OPT_ORDER, 1, "--order g++|clang", "order"},
  {"--trace", OPT_TRACE, 0, "--trace", "trace"},
  {"--export", OPT_EXPORT, 1, "--export FMT=FILE", "export"},
  {"--", OPT_LAST, 0, "--", "last"},
  {"-", OPT_STDIN, 0, "-", "stdin"},
};
#define NOPTIONS (sizeof options / sizeof options[0])

#define GIVEN(args, k) (((args).given >> (k)) & 1u)

typedef struct Args {
  unsigned given;              /* bit k: an option of kind k was given */
  int script;                  /* argv index of the script; 0: none */
  const char *predict;         /* --predict's lesson, or NULL */
  const char *lang;            /* --lang's language, or NULL */
  const char *order;           /* --order's compiler, or NULL */
  const char *play;            /* --play's record, or NULL */
} Args;

static const struct Option *find_option(const char *name) {
  for (size_t i = 0; i < NOPTIONS; i++)
    if (options[i].name && strcmp(options[i].name, name) == 0) return &options[i];
  return NULL;
}

/* the usage text, in language lang (NULL: the explorer's own), which the
   explorer words; with why (a key of its usage section, or NULL) first the
   complaint about argument bad */
static void usage(lua_State *L, FILE *out, const char *lang, const char *why,
                  const char *bad) {
  lua_pushstring(L, COROLAB_PROGNAME);
  lua_pushstring(L, lang);
  lua_createtable(L, (int)NOPTIONS, 0);
  for (size_t i = 0; i < NOPTIONS; i++) {
    if (options[i].usage == NULL) continue;
    lua_createtable(L, 2, 0);
    lua_pushstring(L, options[i].shown);
    lua_rawseti(L, -2, 1);
    lua_pushstring(L, options[i].usage);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
  }
  lua_pushstring(L, why);
  lua_pushstring(L, bad);
  if (explorer_try(L, EXPLORER_USAGE, 5, 2) != LUA_OK) return;
  if (lua_isstring(L, -1)) fprintf(out, "%s: %s\n", COROLAB_PROGNAME, lua_tostring(L, -1));
  if (lua_isstring(L, -2)) fputs(lua_tostring(L, -2), out);
  lua_pop(L, 2);
}

static int bad_usage(lua_State *L, const Args *args, const char *bad, const char *why) {
  usage(L, stderr, args->lang, why, bad);
  return 0;
}

/* the first pass: which options are given and where the script is; pushes
   what the explorer is told at start ({trace, lang, order, script,
   exports});
   false (usage told) for options that make no sense */
static int collect(lua_State *L, int argc, char **argv, Args *args) {
  int i;
  *args = (Args){0, 0, NULL, NULL, NULL, NULL};
  lua_createtable(L, 0, 7);
  lua_newtable(L);                          /* exports */
  for (i = 1; i < argc && argv[i][0] == '-'; i++) {
    const struct Option *o = find_option(argv[i]);
    if (o == NULL) return bad_usage(L, args, argv[i], "unrecognized");
    if (o->kind == OPT_LAST) { i++; break; }
    if (o->kind == OPT_STDIN) break;
    if (o->has_arg && i + 1 >= argc) return bad_usage(L, args, argv[i], "argument_needed");
    args->given |= 1u << o->kind;
    if (!o->has_arg) continue;
    const char *value = argv[++i];
    if (o->kind == OPT_PREDICT) args->predict = value;
    else if (o->kind == OPT_LANG) args->lang = value;
    else if (o->kind == OPT_ORDER) args->order = value;
    else if (o->kind == OPT_PLAY) args->play = value;
    else if (o->kind == OPT_EXPORT) {
      lua_pushstring(L, value);
      lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    }
  }
  lua_setfield(L, -2, "exports");
  args->script = i < argc ? i : 0;
  lua_pushstring(L, args->script ? argv[args->script] : NULL);
  lua_setfield(L, -2, "script");
  lua_pushstring(L, args->lang);
  lua_setfield(L, -2, "lang");
  lua_pushstring(L, args->order);
  lua_setfield(L, -2, "order");
  lua_pushstring(L, args->play);
  lua_setfield(L, -2, "play");
  lua_pushboolean(L, GIVEN(*args, OPT_TRACE));
  lua_setfield(L, -2, "trace");
  if (GIVEN(*args, OPT_DIFF) && (!args->script || args->script + 2 != argc))
    return bad_usage(L, args, "--diff", "two_scripts");
  if (args->play && args->script)
    return bad_usage(L, args, argv[args->script], "play_alone");
  return 1;
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

/* the second pass: -e and -l, in the order given, up to argv[last] */
static int run_options(lua_State *L, char **argv, int last) {
  for (int i = 1; i < last; i++) {
    const struct Option *o = find_option(argv[i]);
    int status = LUA_OK;
    if (o->kind == OPT_EXECUTE)
      status = run_chunk(L, luaL_loadbuffer(L, argv[i + 1], strlen(argv[i + 1]),
                                            "=(command line)"));
    else if (o->kind == OPT_REQUIRE)
      status = run_require(L, argv[i + 1]);
    if (status != LUA_OK) return status;
    if (o->has_arg) i++;
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
  lua_pushstring(L, scripts[0]);
  lua_pushstring(L, scripts[1]);
  return explorer_call(L, EXPLORER_DIFF, 2, 0);
}

/* the explorer's prompt, after the command --tour or --predict asked for */
static void interact(lua_State *L, const Args *args) {
  explorer_call(L, EXPLORER_GREET, 0, 0);
  if (GIVEN(*args, OPT_TOUR)) {
    lua_pushliteral(L, "tour");
    explorer_call(L, EXPLORER_COMMAND, 1, 0);
  } else if (args->predict) {
    lua_pushfstring(L, "predict %s", args->predict);
    explorer_call(L, EXPLORER_COMMAND, 1, 0);
  }
  repl_run(L, "", 0);
}

/* the body of main, in protected mode: returns the exit status */
static int protected_main(lua_State *L) {
  int argc = (int)lua_tointeger(L, 1);
  char **argv = (char **)lua_touserdata(L, 2);
  const char *no_color = getenv("NO_COLOR");
  int tty = isatty(STDOUT_FILENO);
  int color = tty && !(no_color && *no_color);
  int terminal = isatty(STDIN_FILENO);
  luaL_openlibs(L);
  lua_warning(L, "@on", 0);                 /* e.g. an observer's error */
  interrupt_install();
  console_open(L);
  if (host_open(L, color, tty, terminal) != LUA_OK) return lua_pushinteger(L, EXIT_FAILURE), 1;
  Args args;
  if (!collect(L, argc, argv, &args)) return lua_pushinteger(L, EXIT_FAILURE), 1;
  if (GIVEN(args, OPT_HELP)) {
    usage(L, stdout, args.lang, NULL, NULL);
    return lua_pushinteger(L, EXIT_SUCCESS), 1;
  }
  int run_more = args.script || GIVEN(args, OPT_EXECUTE) || GIVEN(args, OPT_VERSION) ||
                 args.play;
  int interactive = GIVEN(args, OPT_INTERACTIVE) || GIVEN(args, OPT_TOUR) || args.predict ||
                    (args.play && terminal);      /* a record plays at the prompt */
  lua_pushboolean(L, interactive || (!run_more && terminal));  /* a prompt will follow */
  lua_setfield(L, -2, "interactive");
  int nargs = make_arg_table(L, argc, argv, args.script);
  int status = explorer_call(L, EXPLORER_START, 1, 0);
  if (GIVEN(args, OPT_VERSION)) puts(COROLAB_VERSION "  (" LUA_RELEASE ")");
  if (status == LUA_OK) status = run_options(L, argv, args.script ? args.script : argc);
  if (status == LUA_OK && GIVEN(args, OPT_DIFF)) status = run_diff(L, argv + args.script);
  else if (status == LUA_OK && args.script) status = run_script(L, argv, args.script, nargs);
  if (status == LUA_OK && interactive) interact(L, &args);
  else if (status == LUA_OK && !run_more) {
    if (terminal) interact(L, &args);
    else status = run_chunk(L, luaL_loadfile(L, NULL));  /* stdin */
  }
  int stopped = explorer_call(L, EXPLORER_STOP, 0, 0);  /* writes the exports */
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
