/*
** capi.c — the C API fuzzer: for each seed, random promise types (sizes
** from 0 to SIZE_MAX, bases among the reference types and each other, so
** chains that loop; flags; members left NULL), random coroutines on them
** (locals and argument sizes, bodies that suspend, yield, raise), calls
** with and without a place for the return object, random operations on the
** frames alive, nesting limits from -5 to INT_MAX with a chain of nested
** resumes as deep, and errors with payloads in two runtimes. A model says which definitions C++ would reject; the runtime
** must agree, name each refusal, never crash (ASan and UBSan watch), and
** leave nothing behind. How this configuration bugs were found.
**   capi [-s FIRST] [-n COUNT] [-v]       prints "capi: ok ..." or failures
*/
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corolab.h"

static uint64_t rng;
static uint64_t next(void) {                   /* splitmix64 */
  uint64_t z = (rng += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}
static size_t pick(size_t n) { return (size_t)(next() % n); }

static int failures, verbose;
static unsigned long long seed;
static unsigned long checked, accepted, calls, operations;

#define fail(...) do { failures++; printf("seed %llu: ", seed); printf(__VA_ARGS__); \
                       putchar('\n'); } while (0)

/* the runtimes' allocator: refuses 1 GiB or more (as a real one refuses
   what it has not) and counts the bytes live */
static void *capped(void *ud, void *ptr, size_t osize, size_t nsize) {
  size_t *live = (size_t *)ud;
  if (nsize == 0) { *live -= osize; free(ptr); return NULL; }
  if (ptr != NULL || nsize >= (size_t)1 << 30) return NULL;
  *live += nsize;
  return malloc(nsize);
}

/* ------------------------------------------------------------ sizes -- */

static size_t any_size(void) {
  static const size_t sizes[] = {
    0, 1, 4, 7, 8, 16, 24, sizeof(cl_TaskPromise) - 1, sizeof(cl_TaskPromise), 64,
    4096, (size_t)1 << 20, (size_t)1 << 31, (size_t)1 << 40, (size_t)PTRDIFF_MAX / 8,
    (size_t)PTRDIFF_MAX / 2, (size_t)PTRDIFF_MAX + 1, SIZE_MAX / 2 + 7, SIZE_MAX - 64,
    SIZE_MAX - 1, SIZE_MAX
  };
  return sizes[pick(sizeof sizes / sizeof *sizes)];
}

/* sizes too close to PTRDIFF_MAX for the model to say (the runtime's state
   is not the API's): a frame there may or may not be an object */
#define UNSURE(size) ((size) > (size_t)PTRDIFF_MAX - 4096 && (size) <= (size_t)PTRDIFF_MAX)
#define TOO_LARGE(size) ((size) > (size_t)PTRDIFF_MAX)

/* ---------------------------------------------------- promise types -- */

#define NTYPES 6

static const cl_PromiseType *const references[] = {
  &cl_task_type, &cl_generator_type, &cl_detached_type
};

static void frame_delete(cl_Runtime *R, const cl_PromiseType *pt, void *frame,
                         size_t size) {
  (void)pt;
  cl_frame_free(R, frame, size);
}

static void *frame_new(cl_Runtime *R, const cl_PromiseType *pt, size_t size,
                       void *args, cl_Error **error) {
  (void)pt; (void)args; (void)error;
  return cl_frame_alloc(R, size);
}

/* a type with the members of a reference type: as large as that one's
   promise, which they write, or smaller and saying that it extends it (the
   mistake the runtime must refuse: members copied without their promise
   are the program's own, no API can see them) */
static void random_type(cl_PromiseType *types, int i, char *name) {
  cl_PromiseType *pt = &types[i];
  const cl_PromiseType *members = references[pick(3)];
  *pt = *members;
  snprintf(name, 8, "t%d", i);
  pt->name = name;
  pt->size = pick(3) ? pt->size + pick(3) * 8 : any_size();
  switch (pick(4)) {
    case 0: pt->base = NULL; break;
    case 1: pt->base = references[pick(3)]; break;
    default: pt->base = &types[pick(NTYPES)];   /* may come back: a loop */
  }
  if (pt->size < members->size) pt->base = members;
  if (pick(4) == 0) pt->flags = (unsigned)pick(4);
  if (pick(6) == 0) pt->unhandled_exception = NULL;
  if (pick(8) == 0) pt->final_suspend = NULL;
  if (pick(8) == 0) pt->return_void = NULL;
  if (pick(5) == 0) pt->operator_delete = frame_delete;
  if (pick(5) == 0) pt->operator_new = frame_new;
}

static int extends(const cl_PromiseType *pt, const cl_PromiseType *base) {
  for (int steps = 0; pt != NULL && steps < NTYPES + 8; pt = pt->base, steps++)
    if (pt == base) return 1;
  return 0;
}

/* what C++ (and the header) says of pt: 1 well-formed, 0 not, -1 the
   model cannot tell (a size near PTRDIFF_MAX) */
static int model_type(const cl_PromiseType *pt) {
  int steps = 0;
  for (const cl_PromiseType *t = pt; t != NULL; t = t->base)
    if (++steps > NTYPES + 8) return 0;           /* its chain loops */
  if (TOO_LARGE(pt->size)) return 0;
  for (const cl_PromiseType *t = pt; t->base != NULL; t = t->base)
    if (t->size < t->base->size) return 0;
  if ((pt->flags & CL_PROMISE_TASK) && pt->size < sizeof(cl_TaskPromise)) return 0;
  if ((pt->flags & CL_PROMISE_YIELD_KEEPS_POINTER) && pt->size < sizeof(void *)) return 0;
  if (!pt->get_return_object || !pt->initial_suspend || !pt->final_suspend ||
      !pt->unhandled_exception)
    return 0;
  if (pt->return_value && pt->return_void && !extends(pt, &cl_task_type)) return 0;
  return UNSURE(pt->size) ? -1 : 1;
}

/* an error the runtime gave: of a kind, with words */
static void named(const cl_Error *e, const char *what) {
  if (e != NULL && (cl_error_kind(e) > CL_NOMEMORY || cl_error_message(e)[0] == '\0'))
    fail("%s: an error without a kind or words", what);
}

/* ----------------------------------------------------------- bodies -- */

static long long yielded = 1;

static void ends(cl_Step *s) { CL_BEGIN(s); CL_END(s); }
static void awaits(cl_Step *s) {
  CL_BEGIN(s);
  CL_AWAIT(s, NULL, cl_suspend_always());
  CL_AWAIT(s, NULL, cl_suspend_always());
  CL_RETURN_VOID(s);
  CL_END(s);
}
static void yields(cl_Step *s) {
  CL_BEGIN(s);
  CL_YIELD(s, &yielded);
  CL_END(s);
}
static void raises(cl_Step *s) {
  CL_BEGIN(s);
  CL_AWAIT(s, NULL, cl_suspend_always());
  CL_RAISE(s, cl_error_new(s->R, CL_EXCEPTION, "raised"));
  CL_END(s);
}
static void (*const bodies[])(cl_Step *) = {ends, awaits, yields, raises};

static unsigned char args[256];

/* a call of a random coroutine co (which outlives its frames) on pt,
   checked against the model */
static void random_call(cl_Runtime *R, const cl_PromiseType *pt, int type_ok,
                        cl_Coroutine *co) {
  static const size_t args_sizes[] = {0, 8, 64, 256};
  cl_Frame *h = NULL;
  memset(co, 0, sizeof *co);
  co->name = "c";
  co->promise_type = pt;
  co->locals_size = pick(3) ? pick(128) : any_size();
  co->args_size = args_sizes[pick(4)];
  co->step = bodies[pick(4)];
  /* the frame holds the promise and the locals: past PTRDIFF_MAX it is no
     object (near it the model cannot tell) */
  size_t both = pt->size + co->locals_size;
  int wraps = both < pt->size;
  int ok = type_ok == 1 && co->args_size <= co->locals_size && !wraps && !TOO_LARGE(both);
  int unsure = type_ok == -1 || (!wraps && UNSURE(both));
  size_t before = cl_frames(R, NULL, 0);
  cl_Error *e = cl_call(R, co, args, pick(4) ? (void *)&h : NULL);
  calls++;
  named(e, "cl_call");
  if (!ok && !unsure && (e == NULL || cl_error_kind(e) != CL_MISUSE ||
                         cl_frames(R, NULL, 0) != before))
    fail("cl_call of a coroutine C++ rejects (type %s, locals %zu, args %zu) %s",
         pt->name, co->locals_size, co->args_size,
         e ? "left a frame, or said no misuse" : "was accepted");
  cl_error_free(R, e);
}

/* one operation on a random live frame (of coroutines that stay) */
static void random_operation(cl_Runtime *R) {
  cl_Frame *all[64], *h;
  size_t n = cl_frames(R, all, 64);
  cl_Error *e = NULL;
  void *value;
  cl_Value result;
  if (n == 0 || n > 64) return;
  h = all[pick(n)];
  operations++;
  switch (pick(6)) {
    case 0: e = cl_resume(R, h); break;
    case 1: e = cl_destroy(R, h); break;
    case 2: e = cl_generator_next(R, h, &value); break;
    case 3: e = cl_task_run(R, h, pick(2) ? &result : NULL); break;
    case 4: (void)cl_promise_of(R, h, pick(2) ? NULL : references[pick(3)]); break;
    default: e = cl_check_handle(R, "op", pick(2) ? h : NULL, 0);
  }
  named(e, "an operation");
  cl_error_free(R, e);
}

/* --------------------------------------------------- nesting limit -- */

typedef struct Link { cl_Frame **next; } Link;

static void resume_next(cl_Step *s) {
  Link *l = (Link *)s->locals;
  cl_Error *e;
  CL_BEGIN(s);
  if (*l->next != NULL && (e = cl_resume(s->R, *l->next)) != NULL) CL_RAISE(s, e);
  CL_END(s);
}

/* a random limit: refused below 1 and past the stack, else a chain of
   nested resumes as deep runs or stops at the limit, never off the stack */
static void random_nesting(cl_Runtime *R) {
  static const int limits[] = {-5, 0, 1, 2, 150, 1000, 2000, 2600, 5000, 100000, INT_MAX};
  int limit = limits[pick(sizeof limits / sizeof *limits)];
  cl_Error *e = cl_set_nesting_limit(R, limit);
  named(e, "cl_set_nesting_limit");
  /* on the main thread's stack (8 MiB): 2000 levels fit, 5000 do not */
  if ((limit < 1 || limit >= 5000) ? e == NULL : limit <= 2000 && e != NULL)
    fail("cl_set_nesting_limit(%d) %s", limit, e ? "refused" : "accepted");
  if (e) { cl_error_free(R, e); return; }
  cl_PromiseType pt = cl_generator_type;
  pt.unhandled_exception = cl_task_type.unhandled_exception;
  pt.name = "link";
  pt.size = sizeof(cl_TaskPromise);
  pt.flags = 0;
  cl_Coroutine co = {.name = "link", .promise_type = &pt, .locals_size = sizeof(Link),
                     .args_size = sizeof(Link), .step = resume_next};
  int depth = limit < 3000 ? limit + (int)pick(3) : 3000;   /* one over, or two */
  cl_Frame **chain = calloc((size_t)depth + 1, sizeof *chain);
  for (int i = 0; i < depth && e == NULL; i++) {
    Link l = {&chain[i + 1]};
    e = cl_call(R, &co, &l, &chain[i]);
  }
  if (e == NULL) e = cl_resume(R, chain[0]);
  named(e, "a chain of resumes");
  if (e != NULL && depth <= limit)
    fail("a chain of %d resumes under a limit of %d: %s", depth, limit, cl_error_message(e));
  cl_error_free(R, e);
  for (int i = 0; i < depth; i++) cl_error_free(R, cl_destroy(R, chain[i]));
  free(chain);
  cl_error_free(R, cl_set_nesting_limit(R, CL_NESTING_LIMIT));
}

/* ----------------------------------------------------------- errors -- */

typedef struct Payload { cl_Runtime *released_by; int released; } Payload;

static void release(cl_Runtime *R, void *p) {
  ((Payload *)p)->released_by = R;
  ((Payload *)p)->released++;
}

/* errors with payloads in either runtime, freed by their own in a random
   order: each payload released once, by it */
static void random_errors(cl_Runtime *const Rs[2]) {
  Payload payloads[4];
  cl_Error *errors[4];
  cl_Runtime *owners[4];
  for (int i = 0; i < 4; i++) {
    owners[i] = Rs[pick(2)];
    payloads[i].released = 0;
    errors[i] = cl_error_with_payload(owners[i], "an error", &payloads[i], release);
  }
  for (int i = 0; i < 4; i++) {
    int j = (int)pick(4 - (size_t)i) + i;
    cl_Error *e = errors[j];
    cl_Runtime *owner = owners[j];
    Payload *p = (Payload *)cl_error_payload(e);
    errors[j] = errors[i];
    owners[j] = owners[i];
    cl_error_free(owner, e);
    if (p->released != 1 || p->released_by != owner)
      fail("an error's payload released %d times, %s", p->released,
           p->released_by == owner ? "by its runtime" : "by another");
  }
}

/* ------------------------------------------------------------- seeds -- */

static void run_seed(void) {
  size_t live[2] = {0, 0};
  cl_Runtime *Rs[2] = {cl_runtime_new(capped, &live[0]), cl_runtime_new(capped, &live[1])};
  cl_Runtime *R = Rs[0];
  cl_PromiseType types[NTYPES];
  cl_Coroutine cos[12];
  char names[NTYPES][8];
  rng = seed;
  for (int i = 0; i < NTYPES; i++) random_type(types, i, names[i]);
  for (int round = 0; round < 12; round++) {
    const cl_PromiseType *pt = &types[pick(NTYPES)];
    int model = model_type(pt);
    cl_Error *e = cl_promise_type_check(R, pt);
    checked++;
    named(e, "cl_promise_type_check");
    if (e == NULL) accepted++;
    if (model != -1 && model != (e == NULL))
      fail("cl_promise_type_check(%s, size %zu) %s what C++ %s: %s", pt->name, pt->size,
           e ? "refused" : "accepted", model ? "accepts" : "rejects",
           e ? cl_error_message(e) : "no error");
    cl_error_free(R, e);
    random_call(R, pt, model, &cos[round]);
    random_operation(R);
  }
  if (pick(4) == 0) random_nesting(R);
  random_errors(Rs);
  cl_set_leak_reporter(R, NULL, NULL);
  for (int i = 0; i < 2; i++) {
    cl_runtime_close(Rs[i]);
    if (live[i] != 0) fail("runtime %d left %zu bytes behind at close", i, live[i]);
  }
}

int main(int argc, char **argv) {
  unsigned long long first = 1, count = 1000;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) first = strtoull(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) count = strtoull(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "-v") == 0) verbose = 1;
    else { fprintf(stderr, "usage: capi [-s FIRST] [-n COUNT] [-v]\n"); return 2; }
  }
  for (seed = first; seed < first + count; seed++) {
    if (verbose) printf("seed %llu\n", seed);
    run_seed();
  }
  printf("capi: %s: %llu seeds, %lu types checked (%lu well-formed), %lu calls, "
         "%lu operations, %d failures\n", failures ? "FAILED" : "ok", count, checked,
         accepted, calls, operations, failures);
  return failures != 0;
}
