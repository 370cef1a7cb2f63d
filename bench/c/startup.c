/*
** startup.c — start-up to exit of a command (e.g. `corolab -e ''`): spawn it
** reps times, median wall time. Its exit status must be 0.
** Usage: startup key reps command [args...]. Prints <key>_ms.
*/
#include "../common/bench.h"   /* first: it sets _POSIX_C_SOURCE */

#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

typedef struct Command { char **argv; } Command;

static void run(void *ctx, long n) {
  Command *c = (Command *)ctx;
  for (long i = 0; i < n; i++) {
    pid_t pid;
    int status;
    if (posix_spawnp(&pid, c->argv[0], NULL, NULL, c->argv, environ) != 0 ||
        waitpid(pid, &status, 0) != pid) {
      fprintf(stderr, "bench: cannot run %s\n", c->argv[0]);
      exit(2);
    }
    bench_check("start-up command exit status", status, 0);
  }
}

int main(int argc, char **argv) {
  char key[64];
  Command c;
  if (argc < 4) {
    fprintf(stderr, "usage: startup key reps command [args...]\n");
    return 2;
  }
  c.argv = argv + 3;
  snprintf(key, sizeof key, "%s_ms", argv[1]);
  bench_print(key, bench_ns_per_op(run, &c, 1, (int)bench_arg(argc, argv, 2, 15)) / 1e6);
  return 0;
}
