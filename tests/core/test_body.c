/*
** test_body.c — the C body protocol (corolab.h, "Resume-point macros" and
** "Lifetimes"): each way a body can break it is a named error and the
** runtime stays usable; catching at a co_await; task<void>; parameters
** copied by size; the queries on a handle; where a body stands.
*/
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* after a broken body: the frame is done (or gone), destroying it works,
   and the runtime still runs a coroutine to its end */
static void still_usable(cl_Runtime *R, cl_Handle h) {
  long long n = 2;
  void *v;
  if (cl_is_live(R, h)) {
    assert_true(done_of(R, h));
    destroy_ok(R, h);
  }
  cl_Handle g = start_with(R, &range_generator, &n);
  assert_ok(cl_generator_next(R, g, &v));
  assert_int_equal(*(long long *)v, 0);
  destroy_ok(R, g);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

/* -------------------------------------------------- broken bodies -- */

static void plain_return(cl_Step *s) {      /* a return; asking for nothing */
  (void)s;
}

static void raise_null(cl_Step *s) {
  CL_BEGIN(s);
  CL_RAISE(s, NULL);
  CL_END(s);
}

static void bad_scope(cl_Step *s) {
  CL_BEGIN(s);
  CL_SCOPE(s, 256);
  CL_AWAIT(s, NULL, cl_suspend_always());
  CL_END(s);
}

/* C++ cannot write it: each is an error from the first resume, named */
static void test_broken_steps(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  static const struct { void (*step)(cl_Step *); const char *says; } cases[] = {
    {plain_return, "the body of coroutine #1 'broken' returned without "
                   "CL_AWAIT/CL_YIELD/CL_RETURN/CL_END"},
    {raise_null, "'broken' raised a NULL error (CL_RAISE needs a cl_Error)"},
    {bad_scope, "set scope marker outside 0..255 (CL_SCOPE)"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    cl_Coroutine co = {.name = "broken", .promise_type = &rec_promise,
                       .step = cases[i].step, .source = __FILE__};
    cl_Handle h = start(R, &co);
    assert_error(R, cl_resume(R, h), CL_MISUSE, cases[i].says);
    still_usable(R, h);
  }
}

/* CL_YIELD inside a nested switch: its case label belongs to the inner
   switch, so the resume finds no case in CL_BEGIN's */
typedef struct Nested { int kind; long long v; } Nested;

static void nested_yield(cl_Step *s) {
  Nested *L = (Nested *)s->locals;
  CL_BEGIN(s);
  switch (L->kind) {
    case 0: L->v = 1; CL_YIELD(s, &L->v); break;
    default: break;
  }
  L->v = 2;
  CL_YIELD(s, &L->v);
  CL_END(s);
}

static void test_unknown_suspend_index(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "nested", .promise_type = &cl_generator_type,
                     .locals_size = sizeof(Nested), .step = nested_yield};
  cl_Handle h = start(R, &co);
  void *v;
  assert_ok(cl_generator_next(R, h, &v));
  assert_int_equal(*(long long *)v, 1);
  assert_error(R, cl_generator_next(R, h, &v), CL_MISUSE,
               "coroutine #1 'nested' (generator) was resumed at suspend index");
  still_usable(R, h);
}

/* a hand-written step that ignores the error its co_await raised */
static void ignores_thrown(cl_Step *s) {
  static RecAwaiter aw;
  if (s->index == 0) {
    aw = rec_awaiter("aw", 1);
    s->index = 1;
    s->request = CL_REQ_AWAIT;
    s->operand = rec_awaitable(&aw);
    return;
  }
  s->request = CL_REQ_FLOW_OFF;               /* s->thrown left alone */
}

static void test_thrown_ignored(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "ignorer", .promise_type = &rec_promise,
                     .step = ignores_thrown};
  cl_Handle h = start(R, &co);
  fx->throw_at = "aw.await_resume";
  assert_error(R, cl_resume(R, h), CL_MISUSE,
               "went on past the error its co_await raised (see cl_Step.thrown)");
  fx->throw_at = NULL;
  still_usable(R, h);
}

/* an awaitable without ops is raised at its co_await, like a missing
   member, and names the maker */
static void await_no_ops(cl_Step *s) {
  CL_BEGIN(s);
  CL_AWAIT(s, NULL, cl_awaitable(NULL, NULL));
  CL_END(s);
}

static void test_awaitable_without_ops(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "noops", .promise_type = &rec_promise,
                     .step = await_no_ops};
  cl_Handle h = start(R, &co);
  fx->rethrow = 1;
  assert_error(R, cl_resume(R, h), CL_MISUSE, "co_await: the operand is an "
               "awaitable whose ops are NULL (cl_Awaitable.ops)");
  still_usable(R, h);
}

/* -------------------------------------------------- bad definitions -- */

static const cl_PromiseType incomplete = {.name = "incomplete"};

/* C's compile time is the first cl_call: nothing is allocated */
static void test_bad_definitions(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Handle h = {0};
  long long n = 1;
  static const struct { cl_Coroutine co; int args; const char *says; } cases[] = {
    {{.name = "a", .promise_type = &rec_promise}, 0,
     "coroutine 'a' cannot be called: its step (the body) is NULL"},
    {{.name = "b", .step = plain_return}, 0, "its promise_type is NULL"},
    {{.promise_type = &rec_promise, .step = plain_return}, 0, "its name is NULL"},
    {{.name = "c", .promise_type = &rec_promise, .step = plain_return,
      .locals_size = 4, .args_size = 8}, 1,
     "its args_size is larger than locals_size"},
    {{.name = "d", .promise_type = &rec_promise, .step = plain_return,
      .locals_size = 8, .args_size = 8}, 0, "but args is NULL"},
    {{.name = "e", .promise_type = &incomplete, .step = plain_return}, 0,
     "no member named 'get_return_object' in 'incomplete'"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    assert_error(R, cl_call(R, &cases[i].co, cases[i].args ? &n : NULL, &h),
                 CL_MISUSE, cases[i].says);
  assert_null(h.frame);
  assert_log_empty(&fx->log);
  still_usable(R, h);
}

/* ------------------------------------------------- catching, task<void> -- */

typedef struct Child { int fail; } Child;

static void child_step(cl_Step *s) {              /* task<void> child(bool fail) */
  Child *L = (Child *)s->locals;
  CL_BEGIN(s);
  if (L->fail) CL_RAISE(s, cl_error_new(s->R, CL_EXCEPTION, "child failed"));
  CL_RETURN_VOID(s);
  CL_END(s);
}

static const cl_Coroutine child = {
  .name = "child", .promise_type = &cl_task_type, .locals_size = sizeof(Child),
  .args_size = sizeof(int), .step = child_step, .source = __FILE__
};

/* try { co_await child(true); } catch (...) { caught = message; }
   co_await child(false); co_return 7; */
typedef struct Parent { cl_Handle t; cl_Error *err; char caught[32]; cl_Value v; } Parent;

static void parent_step(cl_Step *s) {
  Parent *L = (Parent *)s->locals;
  CL_BEGIN(s);
  CL_CALL(s, &L->t, &child, &(int){1});
  CL_AWAIT_CATCH(s, NULL, L->err, cl_task_awaitable(s->R, L->t));
  assert_non_null(L->err);
  strcpy(L->caught, cl_error_message(L->err));
  cl_error_free(s->R, L->err);
  CL_AWAIT_TASK(s, NULL, &child, &(int){0});
  L->v.i = 7;
  CL_RETURN(s, &L->v);
  CL_END(s);
}

static const cl_Coroutine parent = {
  .name = "parent", .promise_type = &cl_task_type, .locals_size = sizeof(Parent),
  .step = parent_step
};

/* [expr.await]/5.1.3 + [except.handle]: the error of a co_await is caught
   in the body, which owns it; the coroutine goes on */
static void test_await_catch(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Handle t = start(R, &parent);
  cl_Value v;
  assert_ok(cl_task_run(R, t, &v));
  assert_int_equal(v.i, 7);
  cl_FrameInfo info;
  assert_true(cl_frame_info(R, t, &info));
  assert_string_equal(((Parent *)info.locals)->caught, "child failed");
  destroy_ok(R, t);
}

/* CL_AWAIT (no catch) rethrows it: the task stores it, task_run raises it */
static void awaits_failing(cl_Step *s) {
  CL_BEGIN(s);
  CL_AWAIT_TASK(s, NULL, &child, &(int){1});
  CL_END(s);
}

static void test_await_rethrows(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "p", .promise_type = &cl_task_type,
                     .step = awaits_failing};
  cl_Handle t = start(R, &co);
  assert_error(R, cl_task_run(R, t, NULL), CL_EXCEPTION, "child failed");
  destroy_ok(R, t);
}

/* task<void>: co_return; and flowing off both give 0 */
static void test_task_void(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Handle t = start_with(R, &child, &(int){0});
  cl_Value v = {.i = 99};
  assert_ok(cl_task_run(R, t, &v));
  assert_int_equal(v.i, 0);
  assert_true(done_of(R, t));
  destroy_ok(R, t);
}

/* ------------------------------------------------ parameters by size -- */

typedef struct Args { long long from, to; } Args;
typedef struct Counting { Args args; long long i; int init_saw; } Counting;

static cl_Error *counting_init(cl_Runtime *R, cl_Handle h, void *locals, void *args) {
  Counting *L = (Counting *)locals;
  (void)R; (void)h; (void)args;
  L->init_saw = L->args.to == 3;          /* copied before init runs */
  return NULL;
}

static void counting_step(cl_Step *s) {
  Counting *L = (Counting *)s->locals;
  CL_BEGIN(s);
  for (L->i = L->args.from; L->i < L->args.to; L->i++) CL_YIELD(s, &L->i);
  CL_END(s);
}

/* [dcl.fct.def.coroutine]/13: the parameters are copied into the frame;
   the caller's argument (a compound literal here) may die after the call */
static void test_args_by_size(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "counting", .promise_type = &cl_generator_type,
                     .locals_size = sizeof(Counting), .args_size = sizeof(Args),
                     .init = counting_init, .step = counting_step};
  cl_Handle h = start_with(R, &co, &(Args){1, 3});
  void *v;
  long long seen[3];
  int n = 0;
  for (;;) {
    assert_ok(cl_generator_next(R, h, &v));
    if (v == NULL) break;
    seen[n++] = *(long long *)v;
  }
  assert_int_equal(n, 2);
  assert_int_equal(seen[0], 1);
  assert_int_equal(seen[1], 2);
  cl_FrameInfo info;
  assert_true(cl_frame_info(R, h, &info));
  assert_true(((Counting *)info.locals)->init_saw);
  destroy_ok(R, h);
}

/* ------------------------------------------------------------ queries -- */

static void test_queries(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  long long n = 1;
  cl_Handle h = start_with(R, &range_generator, &n), null = {0};
  void *v, *p;
  assert_true(cl_is_live(R, h));
  assert_false(done_of(R, h));
  assert_ok(cl_promise(R, h, &cl_generator_type, &p));
  assert_ptr_equal(p, cl_frame_promise(h.frame));
  assert_error(R, cl_promise(R, h, &cl_task_type, &p), CL_MISUSE, "not 'task'");
  assert_ok(cl_generator_next(R, h, &v));
  assert_ok(cl_generator_next(R, h, &v));
  assert_null(v);
  assert_true(done_of(R, h));
  destroy_ok(R, h);
  assert_false(cl_is_live(R, h));
  assert_error(R, cl_promise(R, h, &cl_generator_type, &p), CL_MISUSE,
               "promise(): coroutine #1 'range' was already destroyed");
  assert_false(done_of(R, cl_noop_coroutine(R)));
  assert_false(cl_is_live(R, cl_noop_coroutine(R)));
  assert_false(cl_is_live(R, null));
}

/* "file:line" of the suspend point, from .source */
static void test_where_from_source(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "where", .promise_type = &cl_generator_type,
                     .locals_size = sizeof(Counting), .args_size = sizeof(Args),
                     .step = counting_step, .source = "/some/dir/counting.c"};
  cl_Handle h = start_with(R, &co, &(Args){0, 5});
  char buf[64], want[64];
  void *v;
  assert_ok(cl_generator_next(R, h, &v));
  cl_where(R, h, buf, sizeof buf);
  cl_FrameInfo info;
  assert_true(cl_frame_info(R, h, &info));
  snprintf(want, sizeof want, "counting.c:%d", info.index);
  assert_string_equal(buf, want);
  destroy_ok(R, h);
}

#ifdef COROLAB_APICHECK
/* a yielded pointer into the step's own C stack, caught by the driver */
static void yields_stack(cl_Step *s) {
  long long dead = 5;
  CL_BEGIN(s);
  CL_YIELD(s, &dead);
  CL_END(s);
}

static void test_pointer_into_step_stack(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "dangling", .promise_type = &cl_generator_type,
                     .step = yields_stack};
  cl_Handle h = start(R, &co);
  void *v;
  assert_error(R, cl_generator_next(R, h, &v), CL_MISUSE,
               "left the value pointing into its own C stack");
  still_usable(R, h);
}
#endif

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_broken_steps),
    FIXTURE_TEST(test_unknown_suspend_index),
    FIXTURE_TEST(test_thrown_ignored),
    FIXTURE_TEST(test_awaitable_without_ops),
    FIXTURE_TEST(test_bad_definitions),
    FIXTURE_TEST(test_await_catch),
    FIXTURE_TEST(test_await_rethrows),
    FIXTURE_TEST(test_task_void),
    FIXTURE_TEST(test_args_by_size),
    FIXTURE_TEST(test_queries),
    FIXTURE_TEST(test_where_from_source),
#ifdef COROLAB_APICHECK
    FIXTURE_TEST(test_pointer_into_step_stack),
#endif
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
