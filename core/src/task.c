/*
** task.c — the reference task promise type: lazy; co_await on a task
** starts it by symmetric transfer, its final suspend transfers back to the
** awaiting coroutine, errors are stored and raised by await_resume.
*/
#include "await.h"

#define task_promise(h) ((cl_TaskPromise *)cl_frame_promise(h))

static cl_Error *initial_suspend(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)R; (void)p;
  *out = cl_suspend_always();
  return NULL;
}

/* final awaiter: transfer to the continuation, or back to the resumer */
static cl_Error *final_suspend_to(cl_Runtime *R, void *self, cl_Frame *h,
                                  cl_SuspendResult *res) {
  const cl_TaskPromise *p = task_promise(h);
  (void)self;
  res->kind = CL_SUSPEND_HANDLE;
  res->handle = p->continuation ? p->continuation : cl_noop_coroutine(R);
  res->id = p->continuation_id;      /* the awaiter may have died meanwhile */
  return NULL;
}

static const cl_AwaitableOps final_awaiter_ops = {
  "task::final_awaiter", NULL, NULL, NULL, cl_await_ready_false, final_suspend_to,
  cl_await_resume_void, NULL, NULL, CL_AWAITER_TO_CONTINUATION
};

static cl_Error *final_suspend(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)R; (void)p;
  out->ops = &final_awaiter_ops;
  out->self = NULL;
  return NULL;
}

static cl_Error *return_value(cl_Runtime *R, void *p, void *v) {
  (void)R;
  ((cl_TaskPromise *)p)->result = *(cl_Value *)v;
  return NULL;
}

static cl_Error *return_void(cl_Runtime *R, void *p) {   /* task<void> */
  (void)R;
  ((cl_TaskPromise *)p)->result.i = 0;
  return NULL;
}

static cl_Error *unhandled_exception(cl_Runtime *R, void *p, cl_Error *e) {
  (void)R;
  ((cl_TaskPromise *)p)->error = e;
  return NULL;
}

static void destroy(cl_Runtime *R, void *p) {
  cl_error_free(R, ((cl_TaskPromise *)p)->error);
}

const cl_PromiseType cl_task_type = {
  "task", sizeof(cl_TaskPromise), NULL,
  NULL, cl_return_handle, initial_suspend, final_suspend, NULL, return_value,
  return_void, unhandled_exception, NULL, NULL, NULL, NULL, destroy, NULL, NULL,
  CL_PROMISE_TASK
};

/* the state of t, a task's frame: the awaiter holds a
   coroutine_handle<task::promise_type>, which no other frame converts to */
static int is_task(const cl_FrameState *st) {
  const cl_PromiseType *pt = st ? st->co->promise_type : NULL;
  return pt != NULL && ((pt->flags & CL_PROMISE_TASK) || cl_extends(pt, &cl_task_type));
}

static cl_Error *task_of(cl_Runtime *R, const char *op, cl_Frame *t,
                         cl_FrameState **st) {
  char name[160];
  if ((*st = cl_frame_lookup(R, t)) == NULL) return cl_not_a_frame(R, op, t);
  if (!is_task(*st)) {
    cl_frame_name(*st, name, sizeof name);
    return cl_error_new(R, CL_MISUSE, "%s: %s is not a task; cl_task_awaitable "
                        "takes the frame of a task (cl_task_type)", op, name);
  }
  return NULL;
}

/* the awaiter of a task temporary: co_await child() */
static cl_Error *task_ready(cl_Runtime *R, void *self, int *ready) {
  cl_FrameState *st;
  cl_Error *e = task_of(R, "co_await task", (cl_Frame *)self, &st);
  if (e == NULL) *ready = ((cl_Frame *)self)->resume_fn == NULL;   /* done() */
  return e;
}

static cl_Error *task_suspend(cl_Runtime *R, void *self, cl_Frame *h,
                              cl_SuspendResult *res) {
  cl_FrameState *st;
  cl_Error *e = task_of(R, "co_await task", (cl_Frame *)self, &st);
  if (e) return e;
  cl_TaskPromise *p = task_promise((cl_Frame *)self);
  p->continuation = h;
  p->continuation_id = cl_frame_id(R, h);
  res->kind = CL_SUSPEND_HANDLE;
  res->handle = (cl_Frame *)self;
  res->id = st->id;
  return NULL;
}

static cl_Error *take_result(cl_Runtime *R, cl_Frame *task, cl_Value *result) {
  cl_FrameState *st;
  cl_Error *e = task_of(R, "task result", task, &st);
  if (e) return e;
  cl_TaskPromise *p = task_promise(task);
  if ((e = p->error)) { p->error = NULL; return e; }
  if (result) *result = p->result;
  return NULL;
}

static cl_Error *task_resume(cl_Runtime *R, void *self, void *result) {
  return take_result(R, (cl_Frame *)self, (cl_Value *)result);
}

/* ~task(): destroys the task it owns (and nothing that was never one) */
static void task_destroy(cl_Runtime *R, void *self) {
  cl_FrameState *st;
  cl_Error *e = task_of(R, "~task", (cl_Frame *)self, &st);
  if (e == NULL) e = cl_destroy(R, (cl_Frame *)self);
  cl_error_free(R, e);
}

const cl_AwaitableOps cl_task_awaitable_ops = {
  "task", NULL, NULL, NULL, task_ready, task_suspend, task_resume,
  task_destroy, NULL, CL_AWAITER_STARTS_TASK
};

cl_Awaitable cl_task_awaitable(cl_Frame *task) {
  cl_Awaitable a;
  a.ops = &cl_task_awaitable_ops;
  a.self = task;
  return a;
}

cl_Error *cl_task_run(cl_Runtime *R, cl_Frame *task, cl_Value *result) {
  cl_api_check(R != NULL, "cl_task_run: R must not be NULL");
  int done;
  cl_Error *e = cl_resume(R, task);
  if (e == NULL) e = cl_done(R, task, &done);
  if (e) return e;
  if (!done)
    return cl_error_new(R, CL_MISUSE, "cl_task_run: the task suspended without "
                        "finishing; resume it again when what it awaits is ready");
  return take_result(R, task, result);
}
