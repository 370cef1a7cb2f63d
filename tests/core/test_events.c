/*
** test_events.c — lifecycle events: one per step of the standard's
** wrapper, in order, with frame ids and resume depth; observers that come
** and go (even from inside an event); event kinds by name.
*/
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* the whole life of range(2), through cl_generator_next */
static void test_generator_life_events(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  long long n = 2;
  void *v;
  record_events(fx);
  cl_Handle h = start_with(R, &range_generator, &n);
  assert_ok(cl_generator_next(R, h, &v));
  assert_ok(cl_generator_next(R, h, &v));
  assert_ok(cl_generator_next(R, h, &v));
  assert_null(v);
  destroy_ok(R, h);
  assert_log(&fx->events,
             /* the call */
             "operator new", "parameter copies", "promise_type",
             "get_return_object", "initial_suspend", "await_ready", "suspend",
             "await_suspend", "return to caller",
             /* co_yield 0 */
             "resume", "await_resume", "yield_value", "await_ready", "suspend",
             "await_suspend", "return to caller",
             /* co_yield 1 */
             "resume", "await_resume", "yield_value", "await_ready", "suspend",
             "await_suspend", "return to caller",
             /* flows off: locals, return_void, final suspend */
             "resume", "await_resume", "~locals", "return_void",
             "final_suspend", "await_ready", "suspend", "await_suspend",
             "return to caller",
             /* destroy() */
             "destroy", "~promise_type", "~parameters", "operator delete");
}

/* what an event says besides its kind; its detail lives only during
   the callback: keep a copy */
typedef struct Seen { int n; cl_Event ev[8]; char detail[8][48]; } Seen;

static void keep_event(cl_Runtime *R, const cl_Event *ev, void *ud) {
  Seen *seen = (Seen *)ud;
  (void)R;
  if (seen->n == 8) return;
  seen->ev[seen->n] = *ev;
  snprintf(seen->detail[seen->n], sizeof seen->detail[0], "%s", ev->detail);
  seen->ev[seen->n].detail = seen->detail[seen->n];
  seen->n++;
}

static void test_event_fields(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  long long n = 1;
  Seen seen;
  cl_Handle h;
  void *v;
  seen.n = 0;
  assert_true(cl_observe(R, keep_event, &seen) > 0);
  h = start_with(R, &range_generator, &n);
  assert_int_equal(seen.ev[0].kind, CL_EV_OPERATOR_NEW);
  assert_int_equal(seen.ev[0].frame_id, 0);          /* no frame yet */
  assert_non_null(strstr(seen.ev[0].detail, " bytes"));
  assert_int_equal(seen.ev[1].kind, CL_EV_PARAMS_COPY);
  assert_int_equal(seen.ev[1].frame_id, 1);
  assert_handle_equal(seen.ev[1].handle, h);
  assert_int_equal(seen.ev[5].kind, CL_EV_AWAIT_READY);
  assert_string_equal(seen.ev[5].detail, "suspend_always");
  seen.n = 0;
  assert_ok(cl_generator_next(R, h, &v));
  cl_FrameInfo info;
  assert_true(cl_frame_info(R, h, &info));
  assert_int_equal(seen.ev[0].kind, CL_EV_RESUME);
  assert_int_equal(seen.ev[0].other_id, 0);          /* resumed from main */
  assert_int_equal(seen.ev[3].kind, CL_EV_AWAIT_READY);
  assert_int_equal(seen.ev[3].index, info.index);    /* at the co_yield */
  /* [expr.yield]: yield_value gets the operand, and so does its event */
  assert_int_equal(seen.ev[2].kind, CL_EV_YIELD_VALUE);
  assert_ptr_equal(seen.ev[2].value, v);
  assert_int_equal(*(const long long *)seen.ev[2].value, 0);
  assert_null(seen.ev[0].value);
  assert_null(seen.ev[3].value);
  destroy_ok(R, h);
}

/* ------------------------------------------------------ nested resume -- */

static void log_resumes(cl_Runtime *R, const cl_Event *ev, void *ud) {
  (void)R;
  if (ev->kind == CL_EV_RESUME)
    log_add((Log *)ud, "resume #%u by #%u at depth %d", ev->frame_id,
            ev->other_id, ev->depth);
}

static cl_Handle inner;                 /* what the outer body resumes */

static void resume_inner(cl_Step *s) {
  resume_ok(s->R, inner);
}

/* [coroutine.handle.resumption]: a body that resumes another coroutine
   nests; the inner resume knows its resumer and depth */
static void test_nested_resume_depth(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op outer_body[] = {CALL(resume_inner), END}, inner_body[] = {END};
  cl_Coroutine outer_co = script_coroutine("outer", &rec_promise, outer_body);
  cl_Coroutine inner_co = script_coroutine("inner", &rec_promise, inner_body);
  cl_Handle outer = start(R, &outer_co);
  inner = start(R, &inner_co);
  assert_true(cl_observe(R, log_resumes, &fx->events) > 0);
  resume_ok(R, outer);
  assert_log(&fx->events, "resume #1 by #0 at depth 0",
             "resume #2 by #1 at depth 1");
  destroy_ok(R, outer);
  destroy_ok(R, inner);
}

/* ---------------------------------------------------------- observers -- */

typedef struct Quitter { int id, calls; } Quitter;

static void quit_at_once(cl_Runtime *R, const cl_Event *ev, void *ud) {
  Quitter *q = (Quitter *)ud;
  (void)ev;
  q->calls++;
  cl_unobserve(R, q->id);
}

/* an observer that unsubscribes inside an event does not make the next
   one miss that event; after cl_unobserve nothing more arrives */
static void test_observe_unobserve(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Quitter q = {0, 0};
  Log late = {0, {{0}}};
  long long n = 0;
  q.id = cl_observe(R, quit_at_once, &q);
  record_events(fx);                         /* after the quitter */
  int gone = cl_observe(R, log_event, &late);
  assert_true(q.id > 0 && gone > q.id);
  cl_unobserve(R, gone);
  cl_Handle h = start_with(R, &range_generator, &n);
  assert_int_equal(q.calls, 1);
  assert_string_equal(fx->events.entry[0], "operator new");
  assert_int_equal(late.n, 0);
  int id = cl_observe(R, log_event, &late);
  destroy_ok(R, h);
  cl_unobserve(R, id);
  assert_log(&late, "destroy", "~promise_type", "~parameters", "operator delete");
}

static Fixture *joiner;
static void subscribe(cl_Step *s) { (void)s; record_events(joiner); }

/* the driver is chosen as a call, resume or destroy starts (events.h): an
   observer that subscribes during a run nothing observed sees events from
   the next entry on */
static void test_observer_joins_at_next_entry(void **state) {
  Fixture *fx = *state;
  Op body[] = {CALL(subscribe), END};
  cl_Coroutine co = script_coroutine("joins", &rec_promise, body);
  joiner = fx;
  cl_Handle h = start(fx->R, &co);
  resume_ok(fx->R, h);                   /* subscribes inside: stays quiet */
  assert_int_equal(fx->events.n, 0);
  destroy_ok(fx->R, h);
  assert_log(&fx->events, "destroy", "~awaiter", "~promise_type",
             "~parameters", "operator delete");
}

/* --------------------------------------------------- kinds by name -- */

static void test_event_kind_from_name(void **state) {
  (void)state;
  for (int k = 0; k < CL_EV_COUNT; k++)
    assert_int_equal(cl_event_kind_from_name(cl_event_names[k]), k);
  assert_int_equal(cl_event_kind_from_name("await_suspend"), CL_EV_AWAIT_SUSPEND);
  assert_int_equal(cl_event_kind_from_name("operator new"), CL_EV_OPERATOR_NEW);
  assert_int_equal(cl_event_kind_from_name("operator_new"), CL_EV_OPERATOR_NEW);
  assert_int_equal(cl_event_kind_from_name("~awaiter"), CL_EV_AWAITER_DESTROY);
  assert_int_equal(cl_event_kind_from_name("awaiter_destroy"), CL_EV_AWAITER_DESTROY);
  assert_int_equal(cl_event_kind_from_name("return to caller"), CL_EV_RETURN_TO_CALLER);
  assert_int_equal(cl_event_kind_from_name("await"), -1);
  assert_int_equal(cl_event_kind_from_name("await_suspend_"), -1);
  assert_int_equal(cl_event_kind_from_name(""), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_generator_life_events),
    FIXTURE_TEST(test_event_fields),
    FIXTURE_TEST(test_nested_resume_depth),
    FIXTURE_TEST(test_observe_unobserve),
    FIXTURE_TEST(test_observer_joins_at_next_entry),
    cmocka_unit_test(test_event_kind_from_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
