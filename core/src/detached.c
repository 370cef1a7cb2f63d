/*
** detached.c — the reference fire-and-forget promise type, as C++
** programs write it: initial_suspend and final_suspend return
** suspend_never, so a call runs the body to its first suspension and the
** coroutine's state is destroyed where the body ends; no return object.
** Its unhandled_exception is where C++ calls std::terminate: here the
** error goes to the resumer instead, named ([except.terminate]).
*/
#include "frame.h"

/* detached get_return_object() { return {}; }: nothing to write */
static cl_Error *get_return_object(cl_Runtime *R, void *p, void *ret) {
  (void)R; (void)p; (void)ret;
  return NULL;
}

static cl_Error *never(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)R; (void)p;
  *out = cl_suspend_never();
  return NULL;
}

static cl_Error *return_void(cl_Runtime *R, void *p) {
  (void)R; (void)p;
  return NULL;
}

/* std::terminate(), as an error: e's kind and payload, its message naming
   the coroutine; the driver hands it to the resumer and leaves the
   coroutine at its final suspend point ([dcl.fct.def.coroutine]/5) */
static cl_Error *unhandled_exception(cl_Runtime *R, void *p, cl_Error *e) {
  cl_FrameState *st = cl_frame_lookup(R, cl_promise_frame(p));
  char name[160] = "a coroutine";
  if (st != NULL) cl_frame_name(st, name, sizeof name);
  cl_Error *t = cl_error_new(R, e->kind, "%s: an exception escaped its body (%s); "
                             "nothing awaits a detached coroutine, so C++ calls "
                             "std::terminate here [except.terminate]", name,
                             e->message);
  if (t == R->oom) return e;          /* no memory for words: e as it is */
  t->payload = e->payload;
  t->release = e->release;
  e->release = NULL;
  cl_error_free(R, e);
  return t;
}

const cl_PromiseType cl_detached_type = {
  "detached", 0, NULL,
  NULL, get_return_object, never, never, NULL, NULL, return_void,
  unhandled_exception, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0
};
