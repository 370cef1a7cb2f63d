/*
** shell.h — what the files of the corolab shell share with one another.
** corolab.c: options and main; repl.c: the read-eval-print loop;
** console.c: line input and history; complete.c: tab completion;
** interrupt.c: protected calls that Ctrl-C can stop; host.c: the C side
** of the explorer written in Lua (embedded.c, generated at build time),
** whose entry points explorer.h lists.
*/
#ifndef COROLAB_SHELL_H
#define COROLAB_SHELL_H

#include <lua.h>

#define COROLAB_PROGNAME "corolab"

/* interrupt.c */
void interrupt_install(void);              /* SIGINT handler, once */
int interrupt_docall(lua_State *L, int narg, int nres);  /* like lua_pcall;
                                              traceback, Ctrl-C armed */
int interrupt_typing_take(void);           /* Ctrl-C pressed while typing? */
void interrupt_typing(int on);             /* line input in progress */
int interrupt_report(lua_State *L, int status);  /* error to stderr */

/* console.c */
void console_open(lua_State *L);           /* readline, history, completion */
char *console_read(const char *prompt, int *cancelled);  /* malloc'd line;
                                              NULL at end of input */
void console_remember(const char *chunk);  /* add to history */

/* complete.c */
void complete_open(lua_State *L);

/* repl.c */
/* until end of input (returns 0), or (nested: at a stop) until a command
   says "leave" (returns 1) */
int repl_run(lua_State *L, const char *label, int nested);

/* host.c (and explorer.h: calling the explorer) */
int host_open(lua_State *L, int color, int tty, int interactive);

/* embedded.c (generated) */
typedef struct EmbeddedModule {
  const char *name;                        /* e.g. "explorer.run.record" */
  const char *file;                        /* its chunk name, e.g. "task.lua" */
  const unsigned char *code;
  unsigned long size;
} EmbeddedModule;
extern const EmbeddedModule embedded_modules[];  /* ends with a NULL name */

#endif
