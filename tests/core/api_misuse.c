/*
** api_misuse.c — breaks one of corolab.h's NULL preconditions: `api_misuse
** FUNCTION ARGUMENT` calls FUNCTION with ARGUMENT NULL and everything else
** valid; built with COROLAB_APICHECK the library must abort, naming both.
** `api_misuse --list` prints the cases; preconditions.lua requires one for
** every precondition the header documents, and runs each.
*/
#include <stdio.h>
#include <string.h>

#include "corolab.h"

static const char *volatile no_format;       /* NULL, unseen by the compiler */

static void body(cl_Step *s) {
  CL_BEGIN(s);
  CL_END(s);
}

static const cl_Coroutine coroutine = {
  .name = "coroutine", .promise_type = &cl_generator_type, .step = body
};

static void observer(cl_Runtime *R, const cl_Event *ev, void *ud) {
  (void)R; (void)ev; (void)ud;
}

/* X(function, argument, the call with that argument NULL) */
#define CASES(X) \
  X(cl_error_new, R, cl_error_new(NULL, CL_EXCEPTION, "x")) \
  X(cl_error_new, fmt, cl_error_new(R, CL_EXCEPTION, no_format)) \
  X(cl_error_with_payload, R, cl_error_with_payload(NULL, "x", NULL, NULL)) \
  X(cl_error_with_payload, message, cl_error_with_payload(R, NULL, NULL, NULL)) \
  X(cl_error_kind, e, cl_error_kind(NULL)) \
  X(cl_error_message, e, cl_error_message(NULL)) \
  X(cl_error_payload, e, cl_error_payload(NULL)) \
  X(cl_error_free, R, cl_error_free(NULL, e)) \
  X(cl_runtime_close, R, cl_runtime_close(NULL)) \
  X(cl_runtime_userdata, R, cl_runtime_userdata(NULL)) \
  X(cl_runtime_set_userdata, R, cl_runtime_set_userdata(NULL, NULL)) \
  X(cl_alloc, R, cl_alloc(NULL, 8)) \
  X(cl_free, R, cl_free(NULL, NULL, 0)) \
  X(cl_frame_alloc, R, cl_frame_alloc(NULL, 64)) \
  X(cl_frame_free, R, cl_frame_free(NULL, NULL, 0)) \
  X(cl_set_nesting_limit, R, cl_set_nesting_limit(NULL, 10)) \
  X(cl_await_ready_false, R, cl_await_ready_false(NULL, NULL, &flag)) \
  X(cl_await_ready_false, ready, cl_await_ready_false(R, NULL, NULL)) \
  X(cl_await_resume_void, R, cl_await_resume_void(NULL, NULL, NULL)) \
  X(cl_promise_type_check, R, cl_promise_type_check(NULL, &cl_task_type)) \
  X(cl_promise_type_check, pt, cl_promise_type_check(R, NULL)) \
  X(cl_call, R, cl_call(NULL, &coroutine, NULL, &h)) \
  X(cl_call, co, cl_call(R, NULL, NULL, &h)) \
  X(cl_step_unknown, s, cl_step_unknown(NULL)) \
  X(cl_resume, R, cl_resume(NULL, g)) \
  X(cl_destroy, R, cl_destroy(NULL, g)) \
  X(cl_done, R, cl_done(NULL, g, &flag)) \
  X(cl_done, done, cl_done(R, g, NULL)) \
  X(cl_promise, R, cl_promise(NULL, g, &cl_generator_type, &p)) \
  X(cl_promise, promise, cl_promise(R, g, &cl_generator_type, NULL)) \
  X(cl_from_promise, R, cl_from_promise(NULL, cl_frame_promise(g), NULL, &h)) \
  X(cl_from_promise, h, cl_from_promise(R, cl_frame_promise(g), NULL, NULL)) \
  X(cl_from_address, R, cl_from_address(NULL, g, NULL, &h)) \
  X(cl_from_address, h, cl_from_address(R, g, NULL, NULL)) \
  X(cl_check_handle, R, cl_check_handle(NULL, "op", g, 0)) \
  X(cl_check_handle, op, cl_check_handle(R, NULL, g, 0)) \
  X(cl_noop_coroutine, R, cl_noop_coroutine(NULL)) \
  X(cl_frame_info, R, cl_frame_info(NULL, g, &info)) \
  X(cl_frame_info, info, cl_frame_info(R, g, NULL)) \
  X(cl_is_live, R, cl_is_live(NULL, g)) \
  X(cl_is_done, R, cl_is_done(NULL, g)) \
  X(cl_promise_of, R, cl_promise_of(NULL, g, &cl_generator_type)) \
  X(cl_frame_id, R, cl_frame_id(NULL, g)) \
  X(cl_frames_freed, R, cl_frames_freed(NULL)) \
  X(cl_await_ready_calls, R, cl_await_ready_calls(NULL)) \
  X(cl_frames, R, cl_frames(NULL, NULL, 0)) \
  X(cl_running, R, cl_running(NULL)) \
  X(cl_where, R, cl_where(NULL, g, where, sizeof where)) \
  X(cl_where, buf, cl_where(R, g, NULL, 8)) \
  X(cl_event_kind_from_name, s, cl_event_kind_from_name(NULL)) \
  X(cl_observe, R, cl_observe(NULL, observer, NULL)) \
  X(cl_observe, fn, cl_observe(R, NULL, NULL)) \
  X(cl_unobserve, R, cl_unobserve(NULL, 1)) \
  X(cl_set_leak_reporter, R, cl_set_leak_reporter(NULL, NULL, NULL)) \
  X(cl_generator_next, R, cl_generator_next(NULL, g, &p)) \
  X(cl_generator_next, value, cl_generator_next(R, g, NULL)) \
  X(cl_task_run, R, cl_task_run(NULL, g, NULL))

int main(int argc, char **argv) {
  const char *fn = argc > 1 ? argv[1] : "", *arg = argc > 2 ? argv[2] : "";
#define LIST(f, a, call) puts(#f " " #a);
  if (strcmp(fn, "--list") == 0) {
    CASES(LIST)
    return 0;
  }
  cl_Runtime *R = cl_runtime_new(NULL, NULL);
  cl_Frame *g, *h;
  cl_Error *e = cl_error_new(R, CL_EXCEPTION, "an error");
  cl_FrameInfo info;
  char where[64];
  void *p;
  int flag;
  if (cl_call(R, &coroutine, NULL, &g) != NULL) return 1;
#define RUN(f, a, call) \
  if (strcmp(fn, #f) == 0 && strcmp(arg, #a) == 0) { (void)(call); goto done; }
  CASES(RUN)
  printf("no case for %s %s\n", fn, arg);
  return 2;
done:
  cl_runtime_close(R);
  puts("no precondition was checked");
  return 0;
}
