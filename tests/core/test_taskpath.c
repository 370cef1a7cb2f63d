/*
** test_taskpath.c — the task's own path (driver.c, call_task and
** await_task) is the general driver: random programs of tasks run twice,
** in a runtime made with COROLAB_NO_FASTPATH=1 and in one made without,
** must write the same log (results, errors, the order of destructors,
** events, leaks). The programs await tasks of cl_task_type, of a type
** extending it and with locals to destroy; raise, return and flow off;
** suspend; and do, inside an awaited task's body, what the path must hand
** back to the general driver for: destroy or resume the awaiter, set the
** task's error or continuation, observe, lower the nesting limit, leave a
** pointer into the step's stack.
*/
#define _POSIX_C_SOURCE 200809L     /* setenv */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "corolab.h"

#define assert_ok(e) assert_null(e)

/* ------------------------------------------------------------- the log -- */

static char trace[1 << 16];          /* what a run did, one line a thing */
static size_t traced;

static void say(const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 1, 2)))
#endif
  ;
static void say(const char *fmt, ...) {
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  for (char *p = line; (p = strstr(p, "0x")) != NULL; p += 2)   /* addresses */
    for (char *q = p + 2; (*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f'); q++)
      *q = '?';
  traced += (size_t)snprintf(trace + traced, sizeof trace - traced, "%s\n", line);
  if (traced >= sizeof trace) traced = sizeof trace - 1;
}

/* an error e (owned): its message, or "ok" */
static void say_error(cl_Runtime *R, const char *what, cl_Error *e) {
  if (e == NULL) say("%s: ok", what);
  else say("%s: %s", what, cl_error_message(e));
  cl_error_free(R, e);
}

/* ------------------------------------------------------------ programs -- */

typedef enum Do {
  DO_RETURN,            /* co_return acc; */
  DO_RETURN_VOID,       /* co_return; */
  DO_RAISE,             /* throw */
  DO_AWAIT,             /* acc += co_await program[arg](), of kind arg2 */
  DO_START_AWAIT,       /* the same, the task resumed once before the co_await */
  DO_AWAIT_STALE,       /* co_await a task already destroyed */
  DO_SUSPEND,           /* co_await suspend_always (the top resumes it) */
  DO_SUSPEND_NEVER,     /* co_await suspend_never */
  DO_YIELD,             /* co_yield: a task has no yield_value */
  DO_STACK_VALUE,       /* co_return of a pointer into the step's stack */
  DO_DESTROY_AWAITER,   /* destroy the coroutine awaiting this one */
  DO_RESUME_AWAITER,    /* resume it */
  DO_SET_ERROR,         /* store an error in this task's promise */
  DO_SET_RESULT,        /* ... or a result (co_return; must reset it) */
  DO_DROP_CONTINUATION, /* forget who awaits this task */
  DO_OBSERVE,           /* an observer, logging every event, comes */
  DO_UNOBSERVE,         /* ... and goes */
  DO_LIMIT,             /* the nesting limit set to the depth now */
  DO_UNLIMIT,           /* and back */
  DO_KINDS
} Do;

/* a task's coroutine: of cl_task_type, with or without locals to destroy;
   of a type extending it, from the slabs or from operator new */
enum { PLAIN, WITH_LOCALS, EXTENDED, ALLOCATED, KINDS };

#define SCRIPTS 8
#define SCRIPT_MAX 6

typedef struct Step { unsigned char what, arg, kind; } Step;
typedef struct Program {
  int root_allocated;         /* the root's frame from operator new */
  int n[SCRIPTS];
  Step op[SCRIPTS][SCRIPT_MAX];
} Program;

static uint64_t rng;
static unsigned pick(unsigned n) {                /* splitmix64 */
  uint64_t z = (rng += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return (unsigned)((z ^ (z >> 31)) % n);
}

/* script i awaits only scripts after it, so every program ends; most
   steps await a task (the path's case), the others are rarer */
static void make_program(Program *p, uint64_t seed) {
  rng = seed;
  p->root_allocated = pick(4) == 0;
  for (int i = 0; i < SCRIPTS; i++) {
    p->n[i] = 1 + (int)pick(SCRIPT_MAX);
    for (int k = 0; k < p->n[i]; k++) {
      Step *op = &p->op[i][k];
      unsigned r = pick(100);
      op->what = r < 45 ? DO_AWAIT : r < 55 ? DO_START_AWAIT
               : (unsigned char)pick(DO_KINDS);
      if ((op->what == DO_AWAIT || op->what == DO_START_AWAIT) && i + 1 >= SCRIPTS)
        op->what = DO_RETURN;
      op->arg = (unsigned char)(i + 1 < SCRIPTS ? i + 1 + (int)pick((unsigned)(SCRIPTS - i - 1)) : 0);
      op->kind = (unsigned char)(pick(4) == 0 ? pick(KINDS) : PLAIN);
    }
  }
}

/* ---------------------------------------------------------------- tasks -- */

typedef struct Args { const Program *program; int script; long long base; } Args;
typedef struct Locals {
  Args args;
  int pc;
  cl_Value acc, got, stale_result;
  cl_Handle child;
} Locals;

static const cl_Coroutine *coroutine_of(int kind);
static cl_Handle pending[64];         /* suspended by DO_SUSPEND, for the top */
static int npending;
static int observer;

static void log_events(cl_Runtime *R, const cl_Event *ev, void *ud) {
  (void)R; (void)ud;
  say("  event %s #%u other #%u depth %d", cl_event_names[ev->kind], ev->frame_id,
      ev->other_id, ev->depth);
}

static cl_TaskPromise *promise_of_task(cl_Runtime *R, cl_Handle h) {
  void *p = NULL;
  cl_FrameInfo info;
  if (!cl_frame_info(R, h, &info)) return NULL;
  cl_error_free(R, cl_promise(R, h, info.coroutine->promise_type, &p));
  return (cl_TaskPromise *)p;
}

/* call the task of script i, of kind k, into l->child */
static cl_Error *call_child(cl_Step *s, Locals *l, const Step *op) {
  Args a = {l->args.program, op->arg, l->args.base * 10 + op->arg};
  return cl_call(s->R, coroutine_of(op->kind), &a, &l->child);
}

static void task_step(cl_Step *s) {
  Locals *l = (Locals *)s->locals;
  const Program *p = l->args.program;
  cl_TaskPromise *mine;
  cl_Error *e;
  long long on_stack = 1;
  CL_BEGIN(s);
  for (l->pc = 0; l->pc < p->n[l->args.script]; l->pc++) {
    switch ((Do)p->op[l->args.script][l->pc].what) {
      case DO_RETURN: l->acc.i += l->args.base; CL_RETURN(s, &l->acc);
      case DO_RETURN_VOID: CL_RETURN_VOID(s);
      case DO_RAISE:
        CL_RAISE(s, cl_error_new(s->R, CL_EXCEPTION, "thrown by #%u", s->handle.id));
      case DO_STACK_VALUE: CL_RETURN(s, &on_stack);
      case DO_YIELD: break;                     /* below: a CL_YIELD */
      case DO_AWAIT: case DO_START_AWAIT:
        if ((e = call_child(s, l, &p->op[l->args.script][l->pc]))) CL_RAISE(s, e);
        if (p->op[l->args.script][l->pc].what == DO_START_AWAIT)
          say_error(s->R, "start", cl_resume(s->R, l->child));
        break;
      case DO_AWAIT_STALE:
        if ((e = call_child(s, l, &p->op[l->args.script][l->pc]))) CL_RAISE(s, e);
        say_error(s->R, "destroy", cl_destroy(s->R, l->child));
        break;
      case DO_SUSPEND:
        if (npending < 64) pending[npending++] = s->handle;
        break;
      case DO_SUSPEND_NEVER: break;
      case DO_DESTROY_AWAITER: case DO_RESUME_AWAITER:
        if ((mine = promise_of_task(s->R, s->handle)) != NULL) {
          cl_Handle c = mine->continuation;
          say_error(s->R, p->op[l->args.script][l->pc].what == DO_DESTROY_AWAITER
                    ? "destroy awaiter" : "resume awaiter",
                    c.frame ? (p->op[l->args.script][l->pc].what == DO_DESTROY_AWAITER
                               ? cl_destroy(s->R, c) : cl_resume(s->R, c)) : NULL);
        }
        break;
      case DO_SET_ERROR:
        if ((mine = promise_of_task(s->R, s->handle)) != NULL && mine->error == NULL)
          mine->error = cl_error_new(s->R, CL_EXCEPTION, "stored in #%u", s->handle.id);
        break;
      case DO_SET_RESULT:
        if ((mine = promise_of_task(s->R, s->handle)) != NULL) mine->result.i = 99;
        break;
      case DO_DROP_CONTINUATION:
        if ((mine = promise_of_task(s->R, s->handle)) != NULL)
          memset(&mine->continuation, 0, sizeof mine->continuation);
        break;
      case DO_OBSERVE:
        if (observer == 0) observer = cl_observe(s->R, log_events, NULL);
        break;
      case DO_UNOBSERVE:
        if (observer != 0) cl_unobserve(s->R, observer);
        observer = 0;
        break;
      case DO_LIMIT: say_error(s->R, "limit", cl_set_nesting_limit(s->R, 1)); break;
      case DO_UNLIMIT:
        say_error(s->R, "unlimit", cl_set_nesting_limit(s->R, CL_NESTING_LIMIT));
        break;
      default: break;
    }
    /* the suspend points, one a line (CL_BEGIN's switch) */
    if (p->op[l->args.script][l->pc].what == DO_YIELD) CL_YIELD(s, &l->acc);
    if (p->op[l->args.script][l->pc].what == DO_SUSPEND)
      CL_AWAIT(s, NULL, cl_suspend_always());
    if (p->op[l->args.script][l->pc].what == DO_SUSPEND_NEVER)
      CL_AWAIT(s, NULL, cl_suspend_never());
    if (p->op[l->args.script][l->pc].what == DO_AWAIT_STALE)
      CL_AWAIT(s, &l->stale_result, cl_task_awaitable(s->R, l->child));
    if (p->op[l->args.script][l->pc].what == DO_AWAIT ||
        p->op[l->args.script][l->pc].what == DO_START_AWAIT) {
      CL_AWAIT(s, &l->got, cl_task_awaitable(s->R, l->child));
      say("#%u got %lld", s->handle.id, l->got.i);
      l->acc.i += l->got.i;
    }
  }
  CL_END(s);
}

static void destroy_locals(cl_Runtime *R, cl_Handle h, void *locals, int scope) {
  (void)R; (void)locals;
  say("  ~locals #%u (scope %d)", h.id, scope);
}

static void destroy_params(cl_Runtime *R, cl_Handle h, void *locals) {
  (void)R; (void)locals;
  say("  ~params #%u", h.id);
}

static void extended_destroy(cl_Runtime *R, void *p) {
  say("  ~promise (extended)");
  cl_task_type.destroy(R, p);
}

static void *allocated_new(cl_Runtime *R, const cl_PromiseType *pt, size_t size,
                           void *args, cl_Error **e) {
  (void)pt; (void)args; (void)e;
  return cl_frame_alloc(R, size);
}

static void allocated_delete(cl_Runtime *R, const cl_PromiseType *pt, void *frame,
                             size_t size) {
  (void)pt;
  cl_frame_free(R, frame, size);
}

/* cl_task_type's members, and base; allocated's frames have a registry
   entry and are freed (poisoned) when destroyed */
static cl_PromiseType extended, allocated;

static const cl_Coroutine plain_task = {
  .name = "plain", .promise_type = &cl_task_type, .locals_size = sizeof(Locals),
  .args_size = sizeof(Args), .step = task_step, .source = __FILE__
};
static const cl_Coroutine task_with_locals = {
  .name = "with_locals", .promise_type = &cl_task_type, .locals_size = sizeof(Locals),
  .args_size = sizeof(Args), .step = task_step, .destroy_locals = destroy_locals,
  .destroy_params = destroy_params, .source = __FILE__
};
static const cl_Coroutine extended_task = {
  .name = "extended", .promise_type = &extended, .locals_size = sizeof(Locals),
  .args_size = sizeof(Args), .step = task_step, .source = __FILE__
};

static const cl_Coroutine allocated_task = {
  .name = "allocated", .promise_type = &allocated, .locals_size = sizeof(Locals),
  .args_size = sizeof(Args), .step = task_step, .source = __FILE__
};

static const cl_Coroutine *coroutine_of(int kind) {
  return kind == WITH_LOCALS ? &task_with_locals : kind == EXTENDED ? &extended_task
       : kind == ALLOCATED ? &allocated_task : &plain_task;
}

/* ------------------------------------------------------------- the run -- */

static void report_leak(cl_Runtime *R, const cl_FrameInfo *leak, void *ud) {
  (void)R; (void)ud;
  say("leak #%u %s", leak->id, cl_state_name(leak->state));
}

static void report_error(cl_Runtime *R, const cl_Error *e, size_t i, size_t n,
                         void *ud) {
  (void)R; (void)ud;
  say("error never freed (%zu of %zu): %s", i, n, cl_error_message(e));
}

/* a runtime with the task's own path on or off, whatever the environment
   says (COROLAB_NO_FASTPATH, read as a runtime is made; CI runs the suite
   again with it set), which is left as it was */
static cl_Runtime *runtime_with_path(int path) {
  const char *was = getenv("COROLAB_NO_FASTPATH");
  char saved[32] = "";
  cl_Runtime *R;
  if (was != NULL) snprintf(saved, sizeof saved, "%s", was);
  if (path) unsetenv("COROLAB_NO_FASTPATH");
  else setenv("COROLAB_NO_FASTPATH", "1", 1);
  R = cl_runtime_new(NULL, NULL);
  if (was != NULL) setenv("COROLAB_NO_FASTPATH", saved, 1);
  else unsetenv("COROLAB_NO_FASTPATH");
  return R;
}

/* run program p in a new runtime, the task path on or off; the log */
static const char *run(const Program *p, int path) {
  static char copy[2][sizeof trace];
  cl_Runtime *R;
  cl_Handle root = {0};
  Args a = {p, 0, 1};
  const cl_Coroutine *root_task = p->root_allocated ? &allocated_task : &plain_task;
  int done = 0;
  traced = 0;
  trace[0] = '\0';
  npending = 0;
  observer = 0;
  R = runtime_with_path(path);
  cl_set_leak_reporter(R, report_leak, NULL);
  cl_set_error_reporter(R, report_error, NULL);
  say_error(R, "call", cl_call(R, root_task, &a, &root));
  say_error(R, "resume", cl_resume(R, root));
  for (int round = 0; round < 64 && npending > 0; round++) {
    cl_Handle h = pending[--npending];
    say_error(R, "resume pending", cl_resume(R, h));
  }
  cl_TaskPromise *tp = promise_of_task(R, root);
  cl_error_free(R, cl_done(R, root, &done));
  if (tp != NULL && done)
    say("result %lld, error: %s", tp->result.i,
        tp->error ? cl_error_message(tp->error) : "none");
  say_error(R, "destroy", cl_destroy(R, root));
  say("close: %zu frames left", cl_runtime_close(R));
  memcpy(copy[path], trace, traced + 1);
  return copy[path];
}

static void test_random_programs(void **state) {
  const char *n_env = getenv("COROLAB_TASKPATH_PROGRAMS");
  long n = n_env ? atol(n_env) : 3000;
  Program p;
  (void)state;
  extended = cl_task_type;
  extended.name = "extended";
  extended.base = &cl_task_type;
  extended.destroy = extended_destroy;
  allocated = extended;
  allocated.name = "allocated";
  allocated.operator_new = allocated_new;
  allocated.operator_delete = allocated_delete;
  for (long seed = 1; seed <= n; seed++) {
    make_program(&p, (uint64_t)seed);
    const char *general = run(&p, 0), *own = run(&p, 1);
    if (strcmp(general, own) != 0) {
      print_error("program %ld: the task's own path differs from the general "
                  "driver\n-- general:\n%s-- own path:\n%s", seed, general, own);
      fail();
    }
  }
}

/* the path is taken at all: a task's step, started by a co_await in a
   step that ran from the trampoline, runs deeper in the C stack on it
   (tests/core/test_transfer.c says why) */
static uintptr_t parent_at, child_at;

static void child_step(cl_Step *s) {
  char here;
  CL_BEGIN(s);
  child_at = (uintptr_t)&here;
  CL_RETURN_VOID(s);
  CL_END(s);
}

static const cl_Coroutine child_task = {
  .name = "child", .promise_type = &cl_task_type, .step = child_step
};

static void parent_step(cl_Step *s) {
  cl_Handle *child = (cl_Handle *)s->locals;
  char here;
  cl_Error *e;
  CL_BEGIN(s);
  parent_at = (uintptr_t)&here;
  if ((e = cl_call(s->R, &child_task, NULL, child))) CL_RAISE(s, e);
  CL_AWAIT(s, NULL, cl_task_awaitable(s->R, *child));
  CL_END(s);
}

static const cl_Coroutine parent_task = {
  .name = "parent", .promise_type = &cl_task_type, .locals_size = sizeof(cl_Handle),
  .step = parent_step
};

static long long child_below_parent(int path) {
  cl_Runtime *R;
  cl_Handle t;
  R = runtime_with_path(path);
  assert_ok(cl_call(R, &parent_task, NULL, &t));
  assert_ok(cl_task_run(R, t, NULL));
  assert_ok(cl_destroy(R, t));
  assert_int_equal(cl_runtime_close(R), 0);
  return (long long)(parent_at - child_at);
}

static void test_path_taken(void **state) {
  (void)state;
  assert_true(child_below_parent(1) > child_below_parent(0));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_path_taken),
    cmocka_unit_test(test_random_programs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
