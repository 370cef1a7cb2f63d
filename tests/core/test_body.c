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

/* an awaitable without ops, from the body or a member that makes one,
   names its maker and ends the coroutine, as a broken step does: the
   misuse goes to the resumer, never to unhandled_exception (which would
   store it, and the resume say nothing) */
static void await_no_ops(cl_Step *s) {
  CL_BEGIN(s);
  CL_AWAIT(s, NULL, cl_awaitable(NULL, NULL));
  CL_END(s);
}

static void yield_one(cl_Step *s) {
  static long long one = 1;
  CL_BEGIN(s);
  CL_YIELD(s, &one);
  CL_END(s);
}

static cl_Error *no_ops_out(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)R; (void)p;
  *out = cl_awaitable(NULL, NULL);
  return NULL;
}

static cl_Error *no_ops_yielded(cl_Runtime *R, void *p, void *v, cl_Awaitable *out) {
  (void)v;
  return no_ops_out(R, p, out);
}

static cl_Error *no_ops_transformed(cl_Runtime *R, void *p, cl_Awaitable operand,
                                    cl_Awaitable *out) {
  (void)operand;
  return no_ops_out(R, p, out);
}

static void test_awaitable_without_ops(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_PromiseType yielding = rec_promise, transforming = rec_promise,
                 finishing = rec_promise, starting = rec_promise;
  yielding.yield_value = no_ops_yielded;
  transforming.await_transform = no_ops_transformed;
  finishing.final_suspend = no_ops_out;
  starting.initial_suspend = no_ops_out;
  static RecAwaiter aw;
  aw = rec_awaiter("aw", 1);
  Op await_aw[] = {AWAIT(&aw), END}, nothing[] = {END};
  static const char fmt[] = "co_await: %s an awaitable whose ops are NULL "
                            "(cl_Awaitable.ops); make one with cl_awaitable(&ops, self)";
  struct { cl_Coroutine co; const char *who; } cases[] = {
    {{.name = "noops", .promise_type = &rec_promise, .step = await_no_ops},
     "the operand is"},
    {{.name = "y", .promise_type = &yielding, .step = yield_one}, "yield_value returned"},
    {script_coroutine("t", &transforming, await_aw), "await_transform returned"},
    {script_coroutine("f", &finishing, nothing), "final_suspend returned"},
  };
  char says[256];
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    cl_Handle h = start(R, &cases[i].co);
    snprintf(says, sizeof says, fmt, cases[i].who);
    fx->log.n = 0;
    assert_error_exact(R, cl_resume(R, h), CL_MISUSE, says);
    for (int j = 0; j < fx->log.n; j++)
      assert_null(strstr(fx->log.entry[j], "unhandled_exception"));
    assert_true(done_of(R, h));
    still_usable(R, h);
  }
  cl_Coroutine co = script_coroutine("i", &starting, nothing);    /* to the caller */
  cl_Handle h = {0};
  snprintf(says, sizeof says, fmt, "initial_suspend returned");
  assert_error_exact(R, cl_call(R, &co, NULL, &h), CL_MISUSE, says);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
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

/* -------------------------------------- what a consumer would misread -- */

/* Pointers into the step's own C stack, which dies when the step returns
   (corolab.h, "Lifetimes"): a co_yield's or co_return's value, a
   co_await's result slot and an awaitable's self. The driver checks each
   against the step's stack in every build (one comparison each), before
   anything reads it. (gcc sees these too, and says so: the test means it) */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif

static void yields_stack(cl_Step *s) {
  long long dead = 5;
  CL_BEGIN(s);
  CL_YIELD(s, &dead);
  CL_END(s);
}

static void returns_stack(cl_Step *s) {
  cl_Value dead = {.i = 5};
  CL_BEGIN(s);
  CL_RETURN(s, &dead);
  CL_END(s);
}

static void result_on_stack(cl_Step *s) {
  long long dead = 0;
  CL_BEGIN(s);
  CL_AWAIT(s, &dead, cl_suspend_always());
  CL_END(s);
}

static void self_on_stack(cl_Step *s) {
  RecAwaiter dead = rec_awaiter("dead", 0);
  CL_BEGIN(s);
  CL_AWAIT(s, NULL, rec_awaitable(&dead));
  CL_END(s);
}

/* ... and a pointer into the resumer's stack, above the step's, is fine */
typedef struct Outside { long long *p; } Outside;

static void yields_outside(cl_Step *s) {
  Outside *l = (Outside *)s->locals;
  CL_BEGIN(s);
  CL_YIELD(s, l->p);
  CL_END(s);
}

static void test_pointer_into_step_stack(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  static const char fmt[] = "the body of coroutine #%u '%s' left %s pointing "
                            "into its own C stack, which is gone once the step "
                            "returns; keep it in the frame's locals";
  struct { cl_Coroutine co; const char *what; } cases[] = {
    {{.name = "yields", .promise_type = &cl_generator_type, .step = yields_stack},
     "the value"},
    {{.name = "returns", .promise_type = &cl_task_type, .step = returns_stack},
     "the value"},
    {{.name = "result", .promise_type = &cl_task_type, .step = result_on_stack},
     "the result slot"},
    {{.name = "self", .promise_type = &rec_promise, .step = self_on_stack},
     "the awaitable's self"},
  };
  char says[256];
  void *v;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    cl_Handle h = start(R, &cases[i].co);
    snprintf(says, sizeof says, fmt, h.id, cases[i].co.name, cases[i].what);
    assert_error_exact(R, i == 0 ? cl_generator_next(R, h, &v) : cl_resume(R, h),
                       CL_MISUSE, says);
    assert_true(done_of(R, h));
    still_usable(R, h);
  }
  for (int j = 0; j < fx->log.n; j++)          /* "dead" was never called */
    assert_null(strstr(fx->log.entry[j], "dead"));
  long long outside = 42;
  cl_Coroutine co = {.name = "outside", .promise_type = &cl_generator_type,
                     .locals_size = sizeof(Outside), .args_size = sizeof(Outside),
                     .step = yields_outside};
  cl_Handle h = start_with(R, &co, &(Outside){&outside});
  assert_ok(cl_generator_next(R, h, &v));
  assert_ptr_equal(v, &outside);
  destroy_ok(R, h);
}

/* co_yield of NULL: next() would read it as the end and stop early; it
   is an error that names where the body yielded it, and the generator
   stays suspended there: the next next() goes on */
typedef struct Three { long long a, c; } Three;

static void yields_null(cl_Step *s) {
  Three *l = (Three *)s->locals;
  CL_BEGIN(s);
  l->a = 1;
  CL_YIELD(s, &l->a);
  CL_YIELD(s, NULL);
  l->c = 3;
  CL_YIELD(s, &l->c);
  CL_END(s);
}

static void test_yield_of_null(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "holes", .promise_type = &cl_generator_type,
                     .locals_size = sizeof(Three), .step = yields_null,
                     .source = __FILE__};
  cl_Handle h = start(R, &co);
  char says[256];
  void *v;
  assert_ok(cl_generator_next(R, h, &v));
  assert_int_equal(*(long long *)v, 1);
  snprintf(says, sizeof says, "next(): coroutine #1 'holes' (generator) yielded "
           "a null pointer at test_body.c:%d, which next() cannot tell from its "
           "end; co_yield a pointer to the value (CL_YIELD(s, &v))", __LINE__ - 19);
  assert_error_exact(R, cl_generator_next(R, h, &v), CL_MISUSE, says);
  assert_null(v);
  assert_ok(cl_generator_next(R, h, &v));
  assert_int_equal(*(long long *)v, 3);
  assert_ok(cl_generator_next(R, h, &v));
  assert_null(v);                              /* the end */
  assert_true(done_of(R, h));
  destroy_ok(R, h);
}

/* the request set by hand, with no suspend point (no case label to come
   back to): the next resume would start the body again, for ever */
static void yields_by_hand(cl_Step *s) {
  static long long v = 1;
  s->request = CL_REQ_YIELD;
  s->value = &v;
}

static void test_suspend_without_resume_point(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  cl_Coroutine co = {.name = "endless", .promise_type = &cl_generator_type,
                     .step = yields_by_hand};
  cl_Handle h = start(R, &co);
  void *v;
  assert_error_exact(R, cl_generator_next(R, h, &v), CL_MISUSE,
                     "the body of coroutine #1 'endless' asked to suspend "
                     "without a resume point (its suspend index is still 0, so "
                     "its next resume would run it again from the top: suspend "
                     "with CL_AWAIT or CL_YIELD, which set the index)");
  assert_true(done_of(R, h));
  still_usable(R, h);
}

/* cl_task_run of a frame that is no task says so */
static void test_task_run_of_a_generator(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  long long n = 3;
  cl_Handle g = start_with(R, &range_generator, &n);
  assert_error_exact(R, cl_task_run(R, g, NULL), CL_MISUSE, "cl_task_run: "
                     "coroutine #1 'range' (generator) is not a task; "
                     "cl_task_run takes the frame of a task (cl_task_type)");
  void *v;
  assert_ok(cl_generator_next(R, g, &v));       /* untouched */
  assert_int_equal(*(long long *)v, 0);
  destroy_ok(R, g);
}

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
    FIXTURE_TEST(test_pointer_into_step_stack),
    FIXTURE_TEST(test_yield_of_null),
    FIXTURE_TEST(test_suspend_without_resume_point),
    FIXTURE_TEST(test_task_run_of_a_generator),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
