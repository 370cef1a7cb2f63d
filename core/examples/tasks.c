/* tasks.c — a task awaits two child tasks; one throws, the parent catches */
#include <stdio.h>
#include "corolab.h"

typedef struct Child { int n; cl_Value v; } Child;          /* n: argument */

static void child(cl_Step *s) {                   /* task<int> child(int n) */
  Child *l = s->locals;
  CL_BEGIN(s);
  if (l->n == 2) CL_RAISE(s, cl_error_new(s->R, CL_EXCEPTION, "child %d failed", l->n));
  printf("child(%d) returns %lld\n", l->n, l->v.i = l->n * 10);
  CL_RETURN(s, &l->v);
  CL_END(s);
}
static const cl_Coroutine child_coroutine = {.name = "child", .promise_type = &cl_task_type,
  .locals_size = sizeof(Child), .args_size = sizeof(int), .step = child};

typedef struct Parent { cl_Handle t; cl_Value a, b, sum; cl_Error *err; } Parent;

static void parent(cl_Step *s) {                  /* task<int> parent() */
  Parent *l = s->locals;
  CL_BEGIN(s);
  CL_AWAIT_TASK(s, &l->a, &child_coroutine, &(int){1});   /* co_await child(1) */
  CL_CALL(s, &l->t, &child_coroutine, &(int){2});         /* try { co_await child(2) } */
  CL_AWAIT_CATCH(s, &l->b, l->err, cl_task_awaitable(s->R, l->t));
  if (l->err) printf("caught: %s\n", cl_error_message(l->err));
  cl_error_free(s->R, l->err);
  l->sum.i = l->a.i + l->b.i;
  CL_RETURN(s, &l->sum);
  CL_END(s);
}
static const cl_Coroutine parent_coroutine = {.name = "parent", .promise_type = &cl_task_type,
  .locals_size = sizeof(Parent), .step = parent};

int main(void) {
  cl_Runtime *R = cl_runtime_new(NULL, NULL);
  cl_Handle t = {0};                  /* the null handle, until the call */
  cl_Value v;
  cl_Error *e = cl_call(R, &parent_coroutine, NULL, &t);
  if (e == NULL && (e = cl_task_run(R, t, &v)) == NULL) printf("parent returns %lld\n", v.i);
  if (e == NULL) e = cl_destroy(R, t);
  if (e) fprintf(stderr, "tasks: %s\n", cl_error_message(e));
  int failed = e != NULL;
  cl_error_free(R, e);                /* each error is its caller's to free */
  cl_runtime_close(R);
  return failed;
}
