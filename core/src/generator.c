/*
** generator.c — the reference generator promise type: lazy, co_yield keeps
** a pointer to the value, errors are stored and rethrown by next()
** (driver.c).
*/
#include "await.h"
#include "events.h"

#define gen_promise(p) ((cl_GeneratorPromise *)(p))

static cl_Error *always(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)R; (void)p;
  *out = cl_suspend_always();
  return NULL;
}

/* co_yield v: keeps a pointer to v (CL_PROMISE_YIELD_KEEPS_POINTER) */
static cl_Error *yield_value(cl_Runtime *R, void *p, void *v, cl_Awaitable *out) {
  gen_promise(p)->current = v;
  return always(R, p, out);
}

static cl_Error *return_void(cl_Runtime *R, void *p) {
  (void)R;
  gen_promise(p)->current = NULL;
  return NULL;
}

static cl_Error *unhandled_exception(cl_Runtime *R, void *p, cl_Error *e) {
  (void)R;
  gen_promise(p)->error = e;
  return NULL;
}

/* template<class U> void await_transform(U&&) = delete; a generator only
   yields: next() could not tell an awaited value from a yielded one */
static cl_Error *await_transform(cl_Runtime *R, void *p, cl_Awaitable operand,
                                 cl_Awaitable *out) {
  (void)p; (void)out;
  return cl_error_new(R, CL_MISUSE, "co_await in the body of a generator: "
                      "use of deleted function 'generator::promise_type::"
                      "await_transform' (operand '%s'); a generator only "
                      "yields [expr.await]/3.2", operand.ops && operand.ops->name
                      ? operand.ops->name : "awaitable");
}

static void destroy(cl_Runtime *R, void *p) {
  cl_error_free(R, gen_promise(p)->error);
}

const cl_PromiseType cl_generator_type = {
  "generator", sizeof(cl_GeneratorPromise), NULL,
  NULL, cl_return_handle, always, always, yield_value, NULL, return_void,
  unhandled_exception, await_transform, NULL, NULL, NULL, destroy, NULL, NULL,
  CL_PROMISE_YIELD_KEEPS_POINTER
};

/* co_yield nullptr: the value next() reads as the end. (next() itself,
   cl_generator_next, is in driver.c, beside resume()) */
cl_Error *cl_yielded_null(cl_Runtime *R, cl_Handle h, cl_FrameState *st) {
  char name[160], where[128];
  cl_frame_name(st, name, sizeof name);
  cl_where(R, h, where, sizeof where);
  return cl_error_new(R, CL_MISUSE, "next(): %s yielded a null pointer at %s, "
                      "which next() cannot tell from its end; co_yield a pointer "
                      "to the value (CL_YIELD(s, &v))", name, where);
}
