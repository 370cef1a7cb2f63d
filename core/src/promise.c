/*
** promise.c — the rules a promise type must follow, checked when it is
** defined, with messages worded as g++ words them. The runtime's task type
** is task<T> and task<void> at once (two specializations in C++), so it has
** both return_value and return_void.
*/
#include "frame.h"

cl_Error *cl_promise_type_check(cl_Runtime *R, const cl_PromiseType *pt) {
  cl_api_check(R != NULL && pt != NULL && pt->name != NULL,
               "cl_promise_type_check: R, pt and pt->name must not be NULL");
  static const char rule[] = "[dcl.fct.def.coroutine]";
  const char *missing = !pt->get_return_object ? "get_return_object"
                      : !pt->initial_suspend ? "initial_suspend"
                      : !pt->final_suspend ? "final_suspend"
                      : !pt->unhandled_exception ? "unhandled_exception" : NULL;
  if (missing)
    return cl_error_new(R, CL_MISUSE, "no member named '%s' in '%s' %s", missing,
                        pt->name, rule);
  if (pt->return_value && pt->return_void && !cl_extends(pt, &cl_task_type))
    return cl_error_new(R, CL_MISUSE, "the coroutine promise type '%s' declares "
                        "both 'return_value' and 'return_void' %s", pt->name, rule);
  return NULL;
}
