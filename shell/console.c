/*
** console.c — reading a line. On a terminal: GNU readline in its callback
** mode, so that Ctrl-C can cancel the line being typed, with history kept
** in ~/.corolab_history (or $COROLAB_HISTORY), each line appended as it is
** entered. Otherwise: plain stdio, and the prompt is still printed, so that
** piped sessions read like real ones.
*/
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "shell.h"

#define HISTORY_SIZE 1000

static int on_terminal;
static char history_path[4096];

static char *line_read;                    /* set by the readline callback */
static int line_done;

static void trim_history(void) {
  history_truncate_file(history_path, HISTORY_SIZE);
}

static void find_history(void) {
  const char *env = getenv("COROLAB_HISTORY");
  const char *home = getenv("HOME");
  if (env && *env)
    snprintf(history_path, sizeof history_path, "%s", env);
  else if (home && *home)
    snprintf(history_path, sizeof history_path, "%s/.corolab_history", home);
}

void console_open(lua_State *L) {
  on_terminal = isatty(STDIN_FILENO);
  if (!on_terminal) return;
  rl_readline_name = COROLAB_PROGNAME;
  rl_catch_signals = 0;                    /* Ctrl-C is ours: interrupt.c */
  rl_persistent_signal_handlers = 1;       /* SIGWINCH, also between keys */
  complete_open(L);
  find_history();
  using_history();
  stifle_history(HISTORY_SIZE);
  if (history_path[0] == '\0') return;
  if (read_history(history_path) != 0)
    write_history(history_path);           /* a new file, to append to */
  atexit(trim_history);                    /* also on os.exit() */
}

static void got_line(char *line) {
  line_read = line;
  line_done = 1;
  rl_callback_handler_remove();
}

static char *read_terminal(const char *prompt, int *cancelled) {
  line_read = NULL;
  line_done = 0;
  interrupt_typing(1);
  rl_callback_handler_install(prompt, got_line);
  while (!line_done) {
    fd_set in;
    FD_ZERO(&in);
    FD_SET(fileno(rl_instream), &in);
    if (select(fileno(rl_instream) + 1, &in, NULL, NULL, NULL) < 0) {
      if (errno == EINTR && interrupt_typing_take()) {  /* Ctrl-C: drop line */
        rl_echo_signal_char(2);
        rl_free_line_state();
        rl_callback_sigcleanup();
        rl_callback_handler_remove();
        rl_crlf();
        *cancelled = 1;
        break;
      }
      if (errno != EINTR) break;
      continue;
    }
    rl_callback_read_char();
  }
  interrupt_typing(0);
  return line_read;
}

static char *read_stream(const char *prompt) {
  size_t size = 0;
  char *line = NULL;
  fputs(prompt, stdout);
  fflush(stdout);
  ssize_t n = getline(&line, &size, stdin);
  if (n < 0) {
    free(line);
    return NULL;
  }
  if (n > 0 && line[n - 1] == '\n') line[n - 1] = '\0';
  return line;
}

char *console_read(const char *prompt, int *cancelled) {
  *cancelled = 0;
  return on_terminal ? read_terminal(prompt, cancelled) : read_stream(prompt);
}

void console_remember(const char *chunk) {
  if (!on_terminal || chunk[0] == '\0') return;
  HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1)
                                        : NULL;
  if (last != NULL && strcmp(last->line, chunk) == 0) return;
  add_history(chunk);
  if (history_path[0]) append_history(1, history_path);  /* kept if killed */
}
