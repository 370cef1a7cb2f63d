/*
** generator.c — the reference generator promise type: lazy, co_yield keeps
** a pointer to the value, errors are stored and rethrown by next().
*/
#include "frame.h"

#define gen_promise(p) ((cl_GeneratorPromise *)(p))

static cl_Error *get_return_object(cl_Runtime *R, void *p, void *ret) {
  (void)R;
  *(cl_Frame **)ret = (cl_Frame *)((char *)p - sizeof(struct cl_Frame));
  return NULL;
}

static cl_Error *always(cl_Runtime *R, void *p, cl_Awaitable *out) {
  (void)R; (void)p;
  *out = cl_suspend_always();
  return NULL;
}

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

static void destroy(cl_Runtime *R, void *p) {
  cl_error_free(R, gen_promise(p)->error);
}

const cl_PromiseType cl_generator_type = {
  "generator", sizeof(cl_GeneratorPromise), NULL,
  NULL, get_return_object, always, always, yield_value, NULL, return_void,
  unhandled_exception, NULL, NULL, NULL, NULL, destroy, NULL
};

cl_Error *cl_generator_next(cl_Runtime *R, cl_Frame *h, void **value) {
  cl_FrameState *st = cl_frame_lookup(R, h);
  cl_GeneratorPromise *p;
  cl_Error *e;
  *value = NULL;
  if (st == NULL || st->co->promise_type != &cl_generator_type)  /* say why */
    return cl_promise(R, h, &cl_generator_type, (void **)&p);
  p = gen_promise(cl_frame_promise(h));
  if ((e = cl_resume(R, h))) return e;
  if (cl_frame_lookup(R, h) != st)          /* destroyed while it ran */
    return cl_not_a_frame(R, "generator next", h);
  if (p->error) {                           /* rethrow, once */
    e = p->error;
    p->error = NULL;
    return e;
  }
  if (h->resume_fn != NULL) *value = p->current;   /* not done */
  return NULL;
}
