/*
** repl.c — the read-eval-print loop, in the manner of lua.c: a line is
** first tried as "return <line>" so that expressions print their values
** ("=expr" too), a chunk that ends early (error at <eof>) asks for more
** lines on the second prompt (_PROMPT2), and a line that starts with ':' is an
** explorer command. The loop nests: a breakpoint runs one inside the event.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "explorer.h"
#include "shell.h"

#define EOF_MARK "<eof>"

enum { END_OF_INPUT = -1, CANCELLED = -2 };  /* besides Lua statuses */

static const char *prompt_of(lua_State *L, const char *label, int first) {
  lua_getglobal(L, first ? "_PROMPT" : "_PROMPT2");
  const char *p = lua_tostring(L, -1);
  lua_pushfstring(L, "%s%s", label, p ? p : first ? "> " : ">> ");
  lua_remove(L, -2);
  return lua_tostring(L, -1);               /* kept on the stack by caller */
}

/* a syntax error at the end of the text: the chunk goes on */
static int incomplete(lua_State *L, int status) {
  if (status == LUA_ERRSYNTAX) {
    size_t len;
    const char *msg = lua_tolstring(L, -1, &len);
    size_t mark = sizeof(EOF_MARK) - 1;
    if (len >= mark && strcmp(msg + len - mark, EOF_MARK) == 0) return 1;
  }
  return 0;
}

/* "return <chunk>" compiles: an expression (the only try for "=expr") */
static int compile_as_return(lua_State *L, const char *chunk) {
  const char *text = lua_pushfstring(L, "return %s", chunk);
  int status = luaL_loadbuffer(L, text, strlen(text), "=stdin");
  lua_remove(L, -2);
  if (status != LUA_OK) lua_pop(L, 1);
  return status;
}

/* read lines until they compile (or fail for good); leaves the function or
   the error message; or END_OF_INPUT, CANCELLED (Ctrl-C), nothing left */
static int read_statement(lua_State *L, const char *label, char *first) {
  int status;
  const char *body = first[0] == '=' ? first + 1 : first;
  if (compile_as_return(L, body) == LUA_OK) {
    console_remember(first);
    free(first);
    return LUA_OK;
  }
  lua_pushstring(L, body);
  free(first);
  for (;;) {
    size_t len;
    const char *chunk = lua_tolstring(L, -1, &len);
    status = luaL_loadbuffer(L, chunk, len, "=stdin");
    if (!incomplete(L, status)) break;
    lua_pop(L, 1);                          /* the <eof> message */
    int cancelled;
    char *more = console_read(prompt_of(L, label, 0), &cancelled);
    lua_pop(L, 1);                          /* the prompt */
    if (more == NULL) {                     /* EOF or Ctrl-C: drop it all */
      lua_pop(L, 1);
      return cancelled ? CANCELLED : END_OF_INPUT;
    }
    lua_pushfstring(L, "%s\n%s", lua_tostring(L, -1), more);
    free(more);
    lua_remove(L, -2);                      /* the shorter chunk */
  }
  console_remember(lua_tostring(L, -2));
  lua_remove(L, -2);                        /* the chunk's text */
  return status;
}

static void print_results(lua_State *L, int base) {
  int n = lua_gettop(L) - base;
  if (n == 0) return;
  luaL_checkstack(L, LUA_MINSTACK, "too many results to print");
  lua_getglobal(L, "print");
  lua_insert(L, base + 1);
  interrupt_report(L, interrupt_docall(L, n, 0));
}

/* ":cmd args": the explorer runs it; it returns "leave" to end this loop */
static int run_command(lua_State *L, char *line) {
  console_remember(line);
  lua_pushstring(L, line + 1);
  free(line);
  int leave = 0;
  if (explorer_call(L, EXPLORER_COMMAND, 1, 1) == LUA_OK) {
    const char *action = lua_tostring(L, -1);
    leave = action && strcmp(action, "leave") == 0;
    lua_pop(L, 1);
  }
  return leave;
}

int repl_run(lua_State *L, const char *label, int nested) {
  for (;;) {
    int base = lua_gettop(L), cancelled;
    if (!nested) explorer_call(L, EXPLORER_READY, 0, 0);  /* nothing runs now */
    char *line = console_read(prompt_of(L, label, 1), &cancelled);
    lua_pop(L, 1);
    if (line == NULL) {
      if (cancelled) continue;              /* Ctrl-C: a fresh line */
      break;                                /* end of input */
    }
    if (line[0] == ':') {
      if (run_command(L, line)) return 1;
      continue;
    }
    int status = read_statement(L, label, line);
    if (status == END_OF_INPUT) break;
    if (status == CANCELLED) continue;
    if (status == LUA_OK) status = interrupt_docall(L, 0, LUA_MULTRET);
    if (status == LUA_OK) print_results(L, base);
    else interrupt_report(L, status);
    lua_settop(L, base);
  }
  fputc('\n', stdout);
  fflush(stdout);
  return 0;
}
