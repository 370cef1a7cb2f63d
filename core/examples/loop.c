/* loop.c — a one-thread event loop: detached coroutines co_await sleep(n ticks) */
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include "corolab.h"

static struct Sleeper { cl_Frame *h; long wake; } sleepers[8];
static long now, nsleepers;                  /* the clock; how many sleep */

static cl_Error *sleep_suspend(cl_Runtime *R, void *ticks, cl_Frame *h, cl_SuspendResult *r) {
  (void)R; (void)r;
  sleepers[nsleepers++] = (struct Sleeper){h, now + *(long *)ticks};
  return NULL;
}
static const cl_AwaitableOps sleep_ops = {.name = "sleep", .await_ready = cl_await_ready_false,
  .await_suspend = sleep_suspend, .await_resume = cl_await_resume_void};   /* sleep{ticks} */

typedef struct Worker { const char *name; long period; int i; } Worker;
static void worker(cl_Step *s) {             /* detached worker(name, period) */
  Worker *l = s->locals;
  CL_BEGIN(s);
  for (l->i = 1; l->i <= 3; l->i++) {
    CL_AWAIT(s, NULL, cl_awaitable(&sleep_ops, &l->period));  /* co_await sleep{period} */
    printf("tick %ld: %s woke (%d)\n", now, l->name, l->i);
  }
  CL_END(s);
}
static const cl_Coroutine worker_co = {.name = "worker", .promise_type = &cl_detached_type,
  .locals_size = sizeof(Worker), .args_size = offsetof(Worker, i), .step = worker};

int main(void) {
  cl_Runtime *R = cl_runtime_new(NULL, NULL);
  cl_Error *e = cl_call(R, &worker_co, &(Worker){"fast", 2, 0}, NULL);
  if (e == NULL) e = cl_call(R, &worker_co, &(Worker){"slow", 3, 0}, NULL);
  for (now = 1; nsleepers > 0 && e == NULL; now++)
    for (int i = 0; i < nsleepers && e == NULL;) {
      if (sleepers[i].wake > now) { i++; continue; }
      e = cl_resume(R, sleepers[i].h);         /* it may end there, destroyed */
      memmove(&sleepers[i], &sleepers[i + 1], (size_t)(--nsleepers - i) * sizeof *sleepers);
    }
  int failed = e != NULL;
  if (failed) fprintf(stderr, "loop: %s\n", cl_error_message(e));
  cl_runtime_close(R);              /* frees e, and a coroutine it left */
  return failed;
}
