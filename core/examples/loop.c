/* loop.c — a one-thread event loop: coroutines co_await sleep(n ticks) */
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include "corolab.h"

static struct { cl_Handle h; long wake; } sleepers[8];
static int nsleepers;
static long now;

typedef struct Sleep { long ticks; } Sleep;           /* the awaiter: sleep(n) */

static cl_Error *sleep_suspend(cl_Runtime *R, void *self, cl_Handle h,
                               cl_SuspendResult *r) {
  (void)R; (void)r;
  sleepers[nsleepers].h = h;
  sleepers[nsleepers++].wake = now + ((Sleep *)self)->ticks;
  return NULL;
}
static const cl_AwaitableOps sleep_ops = {.name = "sleep",
  .await_ready = cl_await_ready_false, .await_suspend = sleep_suspend,
  .await_resume = cl_await_resume_void};

typedef struct Worker { const char *name; long period; int i; Sleep sleep; } Worker;

static void worker(cl_Step *s) {             /* task<void> worker(name, period) */
  Worker *l = s->locals;
  CL_BEGIN(s);
  for (l->i = 1; l->i <= 3; l->i++) {
    l->sleep.ticks = l->period;
    CL_AWAIT(s, NULL, cl_awaitable(&sleep_ops, &l->sleep));  /* co_await sleep(period) */
    printf("tick %ld: %s woke (%d)\n", now, l->name, l->i);
  }
  CL_END(s);
}
static const cl_Coroutine worker_coroutine = {.name = "worker", .promise_type = &cl_task_type,
  .locals_size = sizeof(Worker), .args_size = offsetof(Worker, i), .step = worker};

int main(void) {
  cl_Runtime *R = cl_runtime_new(NULL, NULL);
  cl_Handle w[2] = {{0}};
  cl_call(R, &worker_coroutine, &(Worker){.name = "fast", .period = 2}, &w[0]);
  cl_call(R, &worker_coroutine, &(Worker){.name = "slow", .period = 3}, &w[1]);
  for (int i = 0; i < 2; i++) cl_resume(R, w[i]);
  for (now = 1; nsleepers > 0; now++)
    for (int i = 0; i < nsleepers;) {
      if (sleepers[i].wake > now) { i++; continue; }
      cl_Handle h = sleepers[i].h;
      memmove(&sleepers[i], &sleepers[i + 1], (size_t)(--nsleepers - i) * sizeof *sleepers);
      cl_Error *e = cl_resume(R, h);
      if (e) fprintf(stderr, "loop: %s\n", cl_error_message(e));
    }
  for (int i = 0; i < 2; i++) cl_destroy(R, w[i]);
  cl_runtime_close(R);
  return 0;
}
