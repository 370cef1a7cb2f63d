/*
** helpers.c — the log, the recording promise type and awaiter, and the
** interpreter of scripted bodies used by every core test.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* ----------------------------------------------------------------- log -- */

static const char *log_vadd(Log *log, const char *fmt, va_list ap) {
  if (log->n == LOG_MAX) {
    print_error("log full (%d entries)\n", LOG_MAX);
    fail();
  }
  char *entry = log->entry[log->n++];
  vsnprintf(entry, LOG_ENTRY, fmt, ap);
  return entry;
}

void log_add(Log *log, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  log_vadd(log, fmt, ap);
  va_end(ap);
}

/* 1 if the log is not exactly expected[0..n-1]; then says how */
static int log_differs(const Log *log, const char *const *expected, size_t n) {
  int same = (size_t)log->n == n;
  for (size_t i = 0; same && i < n; i++)
    same = strcmp(log->entry[i], expected[i]) == 0;
  if (same) return 0;
  print_error("log differs:\n  %-40s %s\n", "recorded", "expected");
  for (size_t i = 0; i < n || i < (size_t)log->n; i++) {
    const char *got = i < (size_t)log->n ? log->entry[i] : "";
    const char *want = i < n ? expected[i] : "";
    print_error("%c %-40s %s\n", strcmp(got, want) ? '!' : ' ', got, want);
  }
  return 1;
}

void log_check(const Log *log, const char *const *expected, size_t n,
               const char *file, int line) {
  if (log_differs(log, expected, n)) _fail(file, line);
}

/* the lines of section "== test" in f (-1: no such section); *terminates:
   it ends at "std::terminate" */
static int gxx_section(FILE *f, const char *test, char (*lines)[LOG_ENTRY],
                       int *terminates) {
  char buf[LOG_ENTRY];
  int n = 0, in = 0;
  *terminates = 0;
  while (fgets(buf, sizeof buf, f)) {
    buf[strcspn(buf, "\n")] = '\0';
    if (strncmp(buf, "== ", 3) == 0) {
      if (in) break;
      in = strcmp(buf + 3, test) == 0;
    } else if (in && strcmp(buf, "std::terminate") == 0) {
      *terminates = 1;
      break;
    } else if (in && n < LOG_MAX)
      memcpy(lines[n++], buf, sizeof buf);
  }
  return in ? n : -1;
}

int log_check_gxx(const Log *log, const char *program, const char *test,
                  const char *file, int line) {
  static char lines[LOG_MAX][LOG_ENTRY];
  const char *expected[LOG_MAX];
  char path[512];
  int terminates;
  snprintf(path, sizeof path, "%s/%s.expected", COROLAB_GXX_ORDERS, program);
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    print_error("cannot read g++'s order %s: %s\n", path, strerror(errno));
    _fail(file, line);
  }
  int n = gxx_section(f, test, lines, &terminates);
  fclose(f);
  if (n < 0) {
    print_error("%s has no section \"== %s\"\n", path, test);
    _fail(file, line);
  }
  for (int i = 0; i < n; i++) expected[i] = lines[i];
  Log head = *log;                     /* where C++ stops: the log's start */
  if (terminates && head.n > n) head.n = n;
  if (log_differs(&head, expected, (size_t)n)) {
    print_error("(expected: what g++ 12 printed, %s, \"== %s\")\n", path, test);
    _fail(file, line);
  }
  return n;
}

void error_check(cl_Runtime *R, cl_Error *e, cl_ErrorKind kind,
                 const char *text, int exact, const char *file, int line) {
  const char *how = exact ? "saying exactly" : "containing";
  if (e == NULL) {
    print_error("expected an error %s \"%s\", got none\n", how, text);
    _fail(file, line);
  }
  const char *message = cl_error_message(e);
  int ok = cl_error_kind(e) == kind &&
           (exact ? strcmp(message, text) == 0 : strstr(message, text) != NULL);
  if (!ok)
    print_error("expected an error of kind %d %s \"%s\"\n"
                "got kind %d: %s\n", (int)kind, how, text, (int)cl_error_kind(e),
                message);
  cl_error_free(R, e);
  if (!ok) _fail(file, line);
}

/* ------------------------------------------------------------- fixture -- */

Fixture *fixture_of(cl_Runtime *R) {
  return (Fixture *)cl_runtime_userdata(R);
}

void note(cl_Runtime *R, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  log_vadd(&fixture_of(R)->log, fmt, ap);
  va_end(ap);
}

cl_Error *rec(cl_Runtime *R, const char *fmt, ...) {
  Fixture *fx = fixture_of(R);
  va_list ap;
  va_start(ap, fmt);
  const char *entry = log_vadd(&fx->log, fmt, ap);
  va_end(ap);
  if (fx->throw_at && strcmp(fx->throw_at, entry) == 0)
    return cl_error_new(R, CL_EXCEPTION, "%s", entry);
  return NULL;
}

void log_event(cl_Runtime *R, const cl_Event *ev, void *ud) {
  (void)R;
  log_add((Log *)ud, "%s", cl_event_names[ev->kind]);
}

void record_events(Fixture *fx) {
  assert_true(cl_observe(fx->R, log_event, &fx->events) > 0);
}

/* an error never freed (the tests free every error they get): printed,
   and counted in *ud if ud is not NULL */
static void error_leaked(cl_Runtime *R, const cl_Error *e, size_t i, size_t count,
                         void *ud) {
  (void)R;
  print_error("error %zu of %zu leaked: %s\n", i, count, cl_error_message(e));
  if (ud) *(size_t *)ud = count;
}

Fixture *fixture_new(cl_Alloc alloc, void *alloc_ud) {
  Fixture *fx = (Fixture *)calloc(1, sizeof *fx);
  assert_non_null(fx);
  fx->R = cl_runtime_new(alloc, alloc_ud);
  assert_non_null(fx->R);
  cl_runtime_set_userdata(fx->R, fx);
  cl_set_error_reporter(fx->R, error_leaked, NULL);
  fx->initial = rec_awaiter("init", 0);
  fx->final = rec_awaiter("final", 0);
  fx->yield = rec_awaiter("yield", 0);
  fx->transformed = rec_awaiter("transformed", 1);
  return fx;
}

size_t fixture_free(Fixture *fx) {
  size_t leaks = cl_runtime_close(fx->R);
  free(fx);
  return leaks;
}

int fixture_setup(void **state) {
  *state = fixture_new(NULL, NULL);
  return 0;
}

int fixture_teardown(void **state) {
  Fixture *fx = (Fixture *)*state;
  size_t errors = 0;
  cl_set_error_reporter(fx->R, error_leaked, &errors);
  size_t leaks = fixture_free(fx);
  if (leaks != 0) print_error("%zu coroutine frame(s) leaked\n", leaks);
  return leaks == 0 && errors == 0 ? 0 : -1;
}

/* ------------------------------------------------------------- awaiter -- */

static cl_Error *aw_ready(cl_Runtime *R, void *self, int *ready) {
  RecAwaiter *a = (RecAwaiter *)self;
  *ready = a->ready;
  return rec(R, "%s.await_ready", a->name);
}

static cl_Error *aw_suspend(cl_Runtime *R, void *self, cl_Handle h,
                            cl_SuspendResult *res) {
  RecAwaiter *a = (RecAwaiter *)self;
  cl_frame_info(R, h, &a->seen);
  *res = a->suspend;
  return rec(R, "%s.await_suspend", a->name);
}

static cl_Error *aw_resume(cl_Runtime *R, void *self, void *result) {
  RecAwaiter *a = (RecAwaiter *)self;
  if (result) *(long long *)result = a->value;
  return rec(R, "%s.await_resume", a->name);
}

static void aw_destroy(cl_Runtime *R, void *self) {
  note(R, "~%s", ((RecAwaiter *)self)->name);
}

static void aw_describe(cl_Runtime *R, void *self, char *buf, size_t n) {
  (void)R;
  snprintf(buf, n, "%s", ((RecAwaiter *)self)->name);
}

const cl_AwaitableOps rec_awaiter_ops = {
  "rec_awaiter", NULL, NULL, NULL, aw_ready, aw_suspend, aw_resume,
  aw_destroy, aw_describe, 0
};

RecAwaiter rec_awaiter(const char *name, int ready) {
  RecAwaiter a;
  memset(&a, 0, sizeof a);
  a.name = name;
  a.ready = ready;
  a.suspend.kind = CL_SUSPEND_VOID;
  return a;
}

cl_Awaitable rec_awaitable(RecAwaiter *a) {
  cl_Awaitable w = {&rec_awaiter_ops, a};
  return w;
}

/* ------------------------------------------------------------- promise -- */

static cl_Error *p_construct(cl_Runtime *R, void *p, void *args) {
  (void)p; (void)args;
  return rec(R, "promise.ctor");
}

static cl_Error *p_get_return_object(cl_Runtime *R, void *p, void *ret) {
  cl_Error *e = rec(R, "get_return_object");
  return e ? e : cl_from_promise(R, p, NULL, (cl_Handle *)ret);
}

static cl_Error *p_initial_suspend(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)p;
  *out = rec_awaitable(&fixture_of(R)->initial);
  return rec(R, "initial_suspend");
}

static cl_Error *p_final_suspend(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)p;
  *out = rec_awaitable(&fixture_of(R)->final);
  return rec(R, "final_suspend");
}

static cl_Error *p_yield_value(cl_Runtime *R, void *p, void *v, cl_Awaitable *out) {
  ((RecPromise *)p)->value = *(long long *)v;
  *out = rec_awaitable(&fixture_of(R)->yield);
  return rec(R, "yield_value(%lld)", *(long long *)v);
}

static cl_Error *p_return_value(cl_Runtime *R, void *p, void *v) {
  ((RecPromise *)p)->value = *(long long *)v;
  return rec(R, "return_value(%lld)", *(long long *)v);
}

static cl_Error *p_return_void(cl_Runtime *R, void *p) {
  (void)p;
  return rec(R, "return_void");
}

static cl_Error *p_unhandled_exception(cl_Runtime *R, void *p, cl_Error *e) {
  Fixture *fx = fixture_of(R);
  cl_Error *own = rec(R, "unhandled_exception(%s)",
                     cl_error_kind(e) == CL_EXCEPTION ? cl_error_message(e)
                     : cl_error_kind(e) == CL_MISUSE ? "misuse" : "nomemory");
  (void)p;
  if (own == NULL && fx->rethrow) return e;     /* throw; */
  cl_error_free(R, e);
  return own;
}

static cl_Error *p_await_transform(cl_Runtime *R, void *p, cl_Awaitable operand,
                                   cl_Awaitable *out) {
  (void)p;
  *out = rec_awaitable(&fixture_of(R)->transformed);
  return rec(R, "await_transform(%s)", ((RecAwaiter *)operand.self)->name);
}

static void *p_operator_new(cl_Runtime *R, const cl_PromiseType *pt,
                            size_t size, void *args, cl_Error **error) {
  (void)pt; (void)args;
  if ((*error = rec(R, "operator new")) || fixture_of(R)->fail_new) return NULL;
  return cl_alloc(R, size);
}

static void p_operator_delete(cl_Runtime *R, const cl_PromiseType *pt,
                              void *frame, size_t size) {
  (void)pt;
  note(R, "operator delete");
  cl_free(R, frame, size);
}

static void p_destroy(cl_Runtime *R, void *p) {
  (void)p;
  note(R, "~promise");
}

static void p_return_object_destroy(cl_Runtime *R, void *ret) {
  (void)ret;
  note(R, "~return_object");
}

const cl_PromiseType rec_promise = {
  "rec_promise", sizeof(RecPromise), NULL,
  p_construct, p_get_return_object, p_initial_suspend, p_final_suspend,
  p_yield_value, NULL, p_return_void, p_unhandled_exception, NULL,
  p_operator_new, p_operator_delete, NULL, p_destroy, p_return_object_destroy,
  NULL, 0
};

const cl_PromiseType rec_promise_valued = {
  "rec_promise_valued", sizeof(RecPromise), NULL,
  p_construct, p_get_return_object, p_initial_suspend, p_final_suspend,
  p_yield_value, p_return_value, NULL, p_unhandled_exception, NULL,
  p_operator_new, p_operator_delete, NULL, p_destroy, p_return_object_destroy,
  NULL, 0
};

const cl_PromiseType rec_promise_transforming = {
  "rec_promise_transforming", sizeof(RecPromise), NULL,
  p_construct, p_get_return_object, p_initial_suspend, p_final_suspend,
  p_yield_value, NULL, p_return_void, p_unhandled_exception, p_await_transform,
  p_operator_new, p_operator_delete, NULL, p_destroy, p_return_object_destroy,
  NULL, 0
};

/* ------------------------------------------------------ scripted bodies -- */

static cl_Error *script_init(cl_Runtime *R, cl_Handle h, void *locals, void *args) {
  ScriptLocals *L = (ScriptLocals *)locals;
  cl_FrameInfo info;
  (void)args;
  cl_Error *e = rec(R, "params.copy");
  if (e) return e;
  assert_true(cl_frame_info(R, h, &info));
  L->script = (const Op *)info.coroutine->userdata;
  return NULL;
}

/* the resume index is one past the position of the statement that ended
   the last step; so is the scope marker: the statements before it say
   which locals are alive */
static void script_step(cl_Step *s) {
  ScriptLocals *L = (ScriptLocals *)s->locals;
  if (s->thrown) CL_RAISE(s, s->thrown);         /* raised at the co_await */
  for (int pc = s->index;; pc++) {
    const Op *op = &L->script[pc];
    s->index = s->scope = pc + 1;
    switch (op->kind) {
      case OP_NOTE: note(s->R, "%s", op->text); break;
      case OP_LOCAL: note(s->R, "%s.ctor", op->text); break;
      case OP_END_LOCAL: note(s->R, "~%s", op->text); break;
      case OP_CALL: op->call(s); break;
      case OP_AWAIT:
        s->request = CL_REQ_AWAIT;
        s->operand = rec_awaitable(op->awaiter);
        s->result = &L->result;
        return;
      case OP_YIELD: case OP_RETURN:
        L->yielded = op->value;
        s->request = op->kind == OP_YIELD ? CL_REQ_YIELD : CL_REQ_RETURN_VALUE;
        s->value = &L->yielded;
        return;
      case OP_RETURN_VOID: CL_RETURN_VOID(s);
      case OP_RAISE: CL_RAISE(s, cl_error_new(s->R, CL_EXCEPTION, "%s", op->text));
      case OP_END: s->request = CL_REQ_FLOW_OFF; return;
    }
  }
}

static void script_destroy_locals(cl_Runtime *R, cl_Handle h, void *locals,
                                  int scope) {
  const Op *script = ((ScriptLocals *)locals)->script;
  const char *alive[16];
  int n = 0;
  (void)h;
  for (int pc = 0; pc < scope - 1; pc++) {
    if (script[pc].kind == OP_LOCAL) alive[n++] = script[pc].text;
    else if (script[pc].kind == OP_END_LOCAL) n--;
  }
  while (n > 0) note(R, "~%s", alive[--n]);      /* innermost first */
}

static void script_destroy_params(cl_Runtime *R, cl_Handle h, void *locals) {
  (void)h; (void)locals;
  note(R, "~params");
}

cl_Coroutine script_coroutine(const char *name, const cl_PromiseType *pt,
                              const Op *script) {
  cl_Coroutine co;
  memset(&co, 0, sizeof co);
  co.name = name;
  co.promise_type = pt;
  co.locals_size = sizeof(ScriptLocals);
  co.userdata = (void *)script;
  co.init = script_init;
  co.step = script_step;
  co.destroy_locals = script_destroy_locals;
  co.destroy_params = script_destroy_params;
  return co;
}

typedef struct OneAwait { cl_Awaitable operand; long long result; } OneAwait;

static void one_step(cl_Step *s) {
  OneAwait *L = (OneAwait *)s->locals;
  CL_BEGIN(s);
  CL_AWAIT(s, &L->result, L->operand);
  note(s->R, "result=%lld", L->result);
  CL_END(s);
}

const cl_Coroutine one_await = {
  .name = "one_await", .promise_type = &rec_promise,
  .locals_size = sizeof(OneAwait), .args_size = sizeof(cl_Awaitable), .step = one_step,
  .source = __FILE__
};

typedef struct Range { long long n, i; } Range;   /* n: the argument */

static void range_step(cl_Step *s) {
  Range *L = (Range *)s->locals;
  CL_BEGIN(s);
  for (L->i = 0; L->i < L->n; L->i++) CL_YIELD(s, &L->i);
  CL_END(s);
}

const cl_Coroutine range_generator = {
  .name = "range", .promise_type = &cl_generator_type,
  .locals_size = sizeof(Range), .args_size = sizeof(long long), .step = range_step,
  .source = __FILE__
};

static void ok(cl_Runtime *R, cl_Error *e, const char *what) {
  if (e == NULL) return;
  print_error("%s: %s\n", what, cl_error_message(e));
  cl_error_free(R, e);
  fail();
}

cl_Handle start_with(cl_Runtime *R, const cl_Coroutine *co, void *args) {
  cl_Handle h = {0};
  ok(R, cl_call(R, co, args, &h), "cl_call");
  return h;
}

void resume_ok(cl_Runtime *R, cl_Handle h) { ok(R, cl_resume(R, h), "resume()"); }
void destroy_ok(cl_Runtime *R, cl_Handle h) { ok(R, cl_destroy(R, h), "destroy()"); }

int done_of(cl_Runtime *R, cl_Handle h) {
  int done = -1;
  ok(R, cl_done(R, h, &done), "done()");
  return done;
}

void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  FailingAlloc *f = (FailingAlloc *)ud;
  if (nsize == 0) {
    f->live_bytes -= osize;
    free(ptr);
    return NULL;
  }
  assert_null(ptr);                 /* the runtime never reallocates */
  if (++f->count == f->fail_at) {
    f->failed = 1;
    return NULL;
  }
  f->live_bytes += nsize;
  return malloc(nsize);
}
