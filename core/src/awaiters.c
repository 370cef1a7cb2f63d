/*
** awaiters.c — the awaiters every program has: suspend_always and
** suspend_never (noop_coroutine() is the runtime's shared frame).
*/
#include "frame.h"

cl_Error *cl_await_ready_false(cl_Runtime *R, void *self, int *ready) {
  cl_api_check(R != NULL && ready != NULL,
               "cl_await_ready_false: R and ready must not be NULL");
  (void)R; (void)self; *ready = 0; return NULL;
}
static cl_Error *ready_true(cl_Runtime *R, void *self, int *ready) {
  (void)R; (void)self; *ready = 1; return NULL;
}
static cl_Error *suspend_void(cl_Runtime *R, void *self, cl_Frame *h,
                              cl_SuspendResult *res) {
  (void)R; (void)self; (void)h; res->kind = CL_SUSPEND_VOID; return NULL;
}
cl_Error *cl_await_resume_void(cl_Runtime *R, void *self, void *result) {
  cl_api_check(R != NULL, "cl_await_resume_void: R must not be NULL");
  (void)R; (void)self; (void)result; return NULL;
}

const cl_AwaitableOps cl_suspend_always_ops = {
  "suspend_always", NULL, NULL, NULL, cl_await_ready_false, suspend_void,
  cl_await_resume_void, NULL, NULL, CL_AWAITER_SUSPEND_ALWAYS
};
const cl_AwaitableOps cl_suspend_never_ops = {
  "suspend_never", NULL, NULL, NULL, ready_true, suspend_void, cl_await_resume_void,
  NULL, NULL, CL_AWAITER_SUSPEND_NEVER
};

cl_Awaitable cl_suspend_always(void) {
  cl_Awaitable a = {&cl_suspend_always_ops, NULL};
  return a;
}
cl_Awaitable cl_suspend_never(void) {
  cl_Awaitable a = {&cl_suspend_never_ops, NULL};
  return a;
}
