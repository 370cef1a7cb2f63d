/*
** promise.c — the rules a promise type must follow, checked when it is
** defined: its members, with messages worded as g++ words them
** ([dcl.fct.def.coroutine]); its size, which the frame must hold; the
** chain of types it extends, which must end, each type as large as its
** base ([class.derived]). The runtime's task type is task<T> and
** task<void> at once (two specializations in C++), so it has both
** return_value and return_void.
*/
#include <stdio.h>

#include "frame.h"

/* the largest promise: its frame (head, promise, the runtime's state) is
   an object, at most PTRDIFF_MAX bytes (cl_call checks the locals too) */
#define PROMISE_MAX ((size_t)PTRDIFF_MAX - CL_FRAME_PROMISE_OFFSET - CL_ALIGN - \
                     cl_align(sizeof(cl_FrameState)))

#define name_of(pt) ((pt)->name != NULL ? (pt)->name : "(unnamed)")

/* what a type's flags let the runtime write at the start of its promise */
static size_t flags_need(unsigned flags, const char **which) {
  *which = flags & CL_PROMISE_TASK ? "CL_PROMISE_TASK: a cl_TaskPromise"
         : "CL_PROMISE_YIELD_KEEPS_POINTER: a void *";
  return flags & CL_PROMISE_TASK ? sizeof(cl_TaskPromise)
       : flags & CL_PROMISE_YIELD_KEEPS_POINTER ? sizeof(void *) : 0;
}

/* "'a' -> 'b' -> 'c' -> 'b'": from pt until the chain comes back to the
   type where its loop starts (Floyd's: a second walk from pt meets the
   first one there) */
static void describe_loop(const cl_PromiseType *pt, const cl_PromiseType *met,
                          char *buf, size_t n) {
  const cl_PromiseType *entry = pt, *t = pt;
  int seen_entry = 0;
  size_t len = 0;
  while (entry != met) { entry = entry->base; met = met->base; }
  for (int i = 0; i < 12 && len < n; i++, t = t->base) {
    len += (size_t)snprintf(buf + len, n - len, "%s'%s'", i ? " -> " : "", name_of(t));
    if (t == entry && seen_entry++) return;
  }
  if (len < n) snprintf(buf + len, n - len, " -> ...");
}

/* [class.derived]/2: no class is its own base, so the chain of bases ends;
   and a type begins with its base's promise, which the base's members and
   the runtime (for a base's flags) write: it is at least as large */
static cl_Error *check_bases(cl_Runtime *R, const cl_PromiseType *pt) {
  const cl_PromiseType *slow = pt, *fast = pt;
  char chain[400];
  while (fast != NULL && fast->base != NULL) {
    slow = slow->base;
    fast = fast->base->base;
    if (slow == fast) {
      describe_loop(pt, slow, chain, sizeof chain);
      return cl_error_new(R, CL_MISUSE, "promise type '%s': its chain of bases "
                          "comes back to a type already in it (%s); no class "
                          "can be its own base [class.derived]/2", name_of(pt),
                          chain);
    }
  }
  for (const cl_PromiseType *t = pt; t->base != NULL; t = t->base)
    if (t->size < t->base->size)
      return cl_error_new(R, CL_MISUSE, "promise type '%s' extends '%s' but is "
                          "smaller (size %zu, not at least %zu): its promise "
                          "begins with the base's, which the base's members "
                          "write [class.derived]", name_of(t), name_of(t->base),
                          t->size, t->base->size);
  return NULL;
}

static cl_Error *check_size(cl_Runtime *R, const cl_PromiseType *pt) {
  const char *which;
  size_t need = flags_need(pt->flags, &which);
  if (pt->size > PROMISE_MAX)
    return cl_error_new(R, CL_MISUSE, "promise type '%s': its size (%zu) makes "
                        "the frame larger than any object can be (PTRDIFF_MAX "
                        "bytes)", pt->name, pt->size);
  if (pt->size < need)
    return cl_error_new(R, CL_MISUSE, "promise type '%s': its flags say %s "
                        "begins its promise, but its size (%zu) is less than "
                        "that (%zu)", pt->name, which, pt->size, need);
  return check_bases(R, pt);
}

cl_Error *cl_return_handle(cl_Runtime *R, void *promise, void *ret) {
  cl_FrameState *st;
  char name[160] = "the coroutine";
  if (ret != NULL) {
    *(cl_Frame **)ret = cl_promise_frame(promise);
    return NULL;
  }
  if ((st = cl_frame_lookup(R, cl_promise_frame(promise))) != NULL)
    cl_frame_name(st, name, sizeof name);
  return cl_error_new(R, CL_MISUSE, "get_return_object: the return object of "
                      "%s is its handle, which its caller keeps to destroy it: "
                      "give cl_call a cl_Frame * to put it in (ret is NULL)", name);
}

cl_Error *cl_promise_type_check(cl_Runtime *R, const cl_PromiseType *pt) {
  cl_api_check(R != NULL && pt != NULL && pt->name != NULL,
               "cl_promise_type_check: R, pt and pt->name must not be NULL");
  static const char rule[] = "[dcl.fct.def.coroutine]";
  cl_Error *e = check_size(R, pt);
  if (e) return e;
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
