/*
** test_reference.c — the reference promise types: generator (lazy,
** cl_generator_next rethrows what the body threw) and task (lazy, started
** by co_await through symmetric transfer, result or error delivered by
** await_resume, cl_task_run from plain code).
*/
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* ----------------------------------------------------------- generator -- */

static void test_generator_values(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  long long n = 3;
  cl_Handle h = start_with(R, &range_generator, &n);
  void *v;
  for (long long i = 0; i < n; i++) {
    assert_ok(cl_generator_next(R, h, &v));
    assert_non_null(v);
    assert_int_equal(*(long long *)v, i);
  }
  assert_ok(cl_generator_next(R, h, &v));
  assert_null(v);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
}

typedef struct Failing { long long v; } Failing;

static void yield_then_fail(cl_Step *s) {
  Failing *L = (Failing *)s->locals;
  CL_BEGIN(s);
  CL_YIELD(s, &L->v);
  CL_RAISE(s, cl_error_new(s->R, CL_EXCEPTION, "generator failed"));
  CL_END(s);
}

static const cl_Coroutine failing_generator = {
  .name = "failing", .promise_type = &cl_generator_type,
  .locals_size = sizeof(Failing), .step = yield_then_fail,
  .source = __FILE__
};

/* the error is stored by unhandled_exception and rethrown once by next() */
static void test_generator_rethrows(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle h = start(R, &failing_generator);
  void *v;
  assert_ok(cl_generator_next(R, h, &v));
  assert_non_null(v);
  assert_error(R, cl_generator_next(R, h, &v), CL_EXCEPTION, "generator failed");
  assert_null(v);
  assert_int_equal(done_of(R, h), 1);
  assert_error(R, cl_generator_next(R, h, &v), CL_MISUSE,
               "is suspended at its final suspend point (done)");
  destroy_ok(R, h);
}

static void test_generator_next_wrong_type(void **state) {
  Fixture *fx = *state;
  Op body[] = {END};
  cl_Coroutine co = script_coroutine("coro", &rec_promise, body);
  cl_Handle h = start(fx->R, &co);
  void *v;
  assert_error(fx->R, cl_generator_next(fx->R, h, &v), CL_MISUSE,
               "has promise type 'rec_promise', not 'generator'");
  destroy_ok(fx->R, h);
}

/* what the frame says about itself after a next(): state, suspend index,
   scope, the initial-await-resume-called flag and its pending awaiter */
static void frame_summary(cl_Runtime *R, cl_Handle h, char *buf, size_t n) {
  cl_FrameInfo info;
  assert_true(cl_frame_info(R, h, &info));
  snprintf(buf, n, "%s|%d|%d|%d|%s", cl_state_name(info.state), info.index,
           info.scope, info.initial_await_resume_called,
           info.awaiter.ops ? info.awaiter.ops->name : "-");
}

static void noop_observer(cl_Runtime *R, const cl_Event *ev, void *ud) {
  (void)R; (void)ev; (void)ud;
}

/* cl_generator_next takes a specialised step when nothing observes (the
   core generator's yield_value and suspend_always inlined): each next()
   leaves the frame exactly as the general driver does when observed */
static void test_generator_quiet_step_same_state(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  long long n = 3;
  cl_Handle quiet = start_with(R, &range_generator, &n);
  int id = cl_observe(R, noop_observer, NULL);
  cl_Handle loud = start_with(R, &range_generator, &n);
  cl_unobserve(R, id);
  for (long long i = 0; i <= n; i++) {
    char a[128], b[128];
    void *v, *w;
    assert_ok(cl_generator_next(R, quiet, &v));
    id = cl_observe(R, noop_observer, NULL);
    assert_ok(cl_generator_next(R, loud, &w));
    cl_unobserve(R, id);
    frame_summary(R, quiet, a, sizeof a);
    frame_summary(R, loud, b, sizeof b);
    assert_string_equal(a, b);
    if (i < n) assert_int_equal(*(long long *)v, *(long long *)w);
    else assert_true(v == NULL && w == NULL);
  }
  destroy_ok(R, quiet);
  destroy_ok(R, loud);
}

typedef struct Nested { cl_Handle inner; void *v; long long n; } Nested;

/* a generator whose body steps another generator with next(): the inner
   step nests inside the outer one, and each restores the running frame */
static void outer_step(cl_Step *s) {
  Nested *L = (Nested *)s->locals;
  cl_Error *e;
  CL_BEGIN(s);
  L->n = 2;
  if ((e = cl_call(s->R, &range_generator, &L->n, &L->inner))) CL_RAISE(s, e);
  for (;;) {
    if ((e = cl_generator_next(s->R, L->inner, &L->v))) CL_RAISE(s, e);
    if (L->v == NULL) break;
    assert_handle_equal(cl_running(s->R), s->handle);
    CL_YIELD(s, L->v);
  }
  if ((e = cl_destroy(s->R, L->inner))) CL_RAISE(s, e);
  CL_END(s);
}

static const cl_Coroutine outer_generator = {
  .name = "outer", .promise_type = &cl_generator_type,
  .locals_size = sizeof(Nested), .step = outer_step, .source = __FILE__
};

static void test_generator_quiet_step_nested(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle h = start(R, &outer_generator);
  void *v;
  for (long long i = 0; i < 2; i++) {
    assert_ok(cl_generator_next(R, h, &v));
    assert_int_equal(*(long long *)v, i);
    assert_null((cl_running(R)).frame);
  }
  assert_ok(cl_generator_next(R, h, &v));
  assert_null(v);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
}

/* a co_await in a generator's body (await_transform is deleted) is an
   error at the co_await [expr.await]/3.2, unobserved as observed: it goes
   to unhandled_exception, and next() rethrows it */
static void await_in_generator(cl_Step *s) {
  CL_BEGIN(s);
  CL_AWAIT(s, NULL, cl_suspend_always());
  CL_END(s);
}

static const cl_Coroutine awaiting_generator = {
  .name = "awaiting", .promise_type = &cl_generator_type,
  .step = await_in_generator, .source = __FILE__
};

static void test_generator_quiet_step_await(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle h = start(R, &awaiting_generator);
  void *v;
  assert_error(R, cl_generator_next(R, h, &v), CL_MISUSE,
               "use of deleted function 'generator::promise_type::await_transform'");
  assert_null(v);
  assert_int_equal(done_of(R, h), 1);
  destroy_ok(R, h);
}

/* ---------------------------------------------------------------- task -- */

typedef struct TaskArgs { long long value; int fail; } TaskArgs;

typedef struct Child { TaskArgs args; cl_Value v; } Child;

static void child_step(cl_Step *s) {
  Child *L = (Child *)s->locals;
  CL_BEGIN(s);
  if (L->args.fail) CL_RAISE(s, cl_error_new(s->R, CL_EXCEPTION, "child failed"));
  L->v.i = L->args.value;
  CL_RETURN(s, &L->v);
  CL_END(s);
}

static const cl_Coroutine child = {
  .name = "child", .promise_type = &cl_task_type,
  .locals_size = sizeof(Child), .args_size = sizeof(TaskArgs), .step = child_step,
  .source = __FILE__
};

/* co_return co_await child(args) + 1; */
typedef struct Parent { TaskArgs args; cl_Handle child; cl_Value v; } Parent;

static void parent_step(cl_Step *s) {
  Parent *L = (Parent *)s->locals;
  cl_Error *e;
  CL_BEGIN(s);
  if ((e = cl_call(s->R, &child, &L->args, &L->child))) CL_RAISE(s, e);
  CL_AWAIT(s, &L->v, cl_task_awaitable(s->R, L->child));
  L->v.i += 1;
  CL_RETURN(s, &L->v);
  CL_END(s);
}

static const cl_Coroutine parent = {
  .name = "parent", .promise_type = &cl_task_type,
  .locals_size = sizeof(Parent), .args_size = sizeof(TaskArgs), .step = parent_step,
  .source = __FILE__
};

static void test_task_run(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  TaskArgs args = {41, 0};
  cl_Value v = {0};
  cl_Handle h = start_with(R, &child, &args);
  assert_ok(cl_task_run(R, h, &v));
  assert_int_equal(v.i, 41);
  destroy_ok(R, h);
}

/* the awaited task runs by symmetric transfer and is destroyed with the
   awaitable, at the end of the co_await's full-expression */
static void test_task_awaits_task(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  TaskArgs args = {41, 0};
  cl_Value v = {0};
  cl_Handle h = start_with(R, &parent, &args);
  assert_ok(cl_task_run(R, h, &v));
  assert_int_equal(v.i, 42);
  assert_int_equal(cl_frames(R, NULL, 0), 1);
  destroy_ok(R, h);
}

/* the child's error is stored, raised by await_resume in the parent, which
   stores it in turn; cl_task_run raises it */
static void test_task_error_reraised(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  TaskArgs args = {0, 1};
  cl_Value v = {0};
  cl_Handle h = start_with(R, &parent, &args);
  assert_error(R, cl_task_run(R, h, &v), CL_EXCEPTION, "child failed");
  assert_int_equal(done_of(R, h), 1);
  assert_int_equal(cl_frames(R, NULL, 0), 1);
  destroy_ok(R, h);
}

static void await_forever(cl_Step *s) {
  CL_BEGIN(s);
  CL_AWAIT(s, NULL, cl_suspend_always());
  CL_END(s);
}

static const cl_Coroutine unfinished = {
  .name = "unfinished", .promise_type = &cl_task_type, .step = await_forever,
  .source = __FILE__
};

static void test_task_run_unfinished(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle h = start(R, &unfinished);
  assert_error(R, cl_task_run(R, h, NULL), CL_MISUSE,
               "the task suspended without finishing");
  destroy_ok(R, h);
}

/* co_await task and the task's final awaiter run inline when nothing
   observes (their flags, CL_AWAITER_STARTS_TASK and _TO_CONTINUATION): the
   frames end up exactly as the general protocol leaves them when
   observed, at the suspension (the child knows its continuation) and after
   the child ends (back in the parent, the child destroyed with the
   co_await's temporary) */
typedef struct Waiter { cl_Handle child; cl_Value v; } Waiter;

static void waiter_step(cl_Step *s) {
  Waiter *L = (Waiter *)s->locals;
  cl_Error *e;
  CL_BEGIN(s);
  if ((e = cl_call(s->R, &unfinished, NULL, &L->child))) CL_RAISE(s, e);
  CL_AWAIT(s, &L->v, cl_task_awaitable(s->R, L->child));
  CL_RETURN(s, &L->v);
  CL_END(s);
}

static const cl_Coroutine waiter = {
  .name = "waiter", .promise_type = &cl_task_type,
  .locals_size = sizeof(Waiter), .step = waiter_step, .source = __FILE__
};

/* run one waiter to its suspension, then its child to its end, observed
   or not; the summaries of both frames after each */
static void run_waiter(cl_Runtime *R, int observed, char out[4][128]) {
  int id = observed ? cl_observe(R, noop_observer, NULL) : 0;
  cl_Handle h = start(R, &waiter);
  cl_FrameInfo info;
  resume_ok(R, h);
  assert_true(cl_frame_info(R, h, &info));
  cl_Handle child = ((Waiter *)info.locals)->child;
  cl_TaskPromise *cp = NULL;
  assert_ok(cl_promise(R, child, &cl_task_type, (void **)&cp));
  assert_handle_equal(cp->continuation, h);
  frame_summary(R, h, out[0], 128);
  frame_summary(R, child, out[1], 128);
  resume_ok(R, child);                  /* ends: back to the waiter */
  assert_false(cl_is_live(R, child));
  frame_summary(R, h, out[2], 128);
  snprintf(out[3], 128, "%d", done_of(R, h));
  if (observed) cl_unobserve(R, id);
  destroy_ok(R, h);
}

static void test_task_quiet_await_same_state(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  char quiet[4][128], loud[4][128];
  run_waiter(R, 0, quiet);
  run_waiter(R, 1, loud);
  for (int i = 0; i < 4; i++) assert_string_equal(quiet[i], loud[i]);
  assert_true(strncmp(quiet[0], "suspended|", 10) == 0);      /* at its co_await */
  assert_non_null(strstr(quiet[0], "|0|1|task"));
  assert_string_equal(quiet[3], "1");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_generator_values),
    FIXTURE_TEST(test_generator_rethrows),
    FIXTURE_TEST(test_generator_next_wrong_type),
    FIXTURE_TEST(test_generator_quiet_step_same_state),
    FIXTURE_TEST(test_generator_quiet_step_nested),
    FIXTURE_TEST(test_generator_quiet_step_await),
    FIXTURE_TEST(test_task_run),
    FIXTURE_TEST(test_task_awaits_task),
    FIXTURE_TEST(test_task_error_reraised),
    FIXTURE_TEST(test_task_run_unfinished),
    FIXTURE_TEST(test_task_quiet_await_same_state),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
