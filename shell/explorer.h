/*
** explorer.h — the explorer's entry points: the functions of
** explorer/terminal/shell.lua that the shell calls, all of them, and the
** one way to call them.
*/
#ifndef COROLAB_EXPLORER_H
#define COROLAB_EXPLORER_H

#include <lua.h>

#define EXPLORER_MODULE "explorer.terminal.shell"

/* X(ENUM, name in shell.lua): what each gets, and gives */
#define EXPLORER_ENTRIES(X)                                                   \
  X(START, start)             /* (options): --trace, --export, --lang, ...  */ \
  X(STOP, stop)               /* (): writes the exports                     */ \
  X(GREET, greet)             /* (): the banner                             */ \
  X(READY, ready)             /* (): back at the top-level prompt           */ \
  X(COMMAND, command)         /* (line): ":line"; "leave" leaves the prompt */ \
  X(COMPLETE, complete)       /* (line, command): candidates, "files", nil  */ \
  X(INTERRUPTED, interrupted) /* (frame id, name): the report of Ctrl-C    */ \
  X(DIFF, diff)               /* (a, b): corolab --diff a b                 */ \
  X(USAGE, usage)             /* (name, lang, rows, why, bad): the usage
                                 text, and a complaint                      */

typedef enum ExplorerEntry {
#define ENTRY_(e, name) EXPLORER_##e,
  EXPLORER_ENTRIES(ENTRY_)
#undef ENTRY_
  EXPLORER_NENTRIES
} ExplorerEntry;

/* calls entry with the nargs values on top of L, as the shell runs user
   code: Ctrl-C armed, an error reported on stderr (interrupt.c); leaves
   nres results when it returns LUA_OK */
int explorer_call(lua_State *L, ExplorerEntry entry, int nargs, int nres);

/* the same, quietly and with no Ctrl-C: for completion, and for the report
   of an interrupt; an error is dropped */
int explorer_try(lua_State *L, ExplorerEntry entry, int nargs, int nres);

#endif
