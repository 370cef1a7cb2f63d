/*
** test_config.c — configuration mistakes never corrupt memory (issue 26
** §3, found by a C API fuzzer): sizes that wrap the frame's size, a
** promise smaller than its base's or than its flags say, a chain of bases
** that loops, a nesting limit the C stack cannot hold. Each is a named
** error, and the runtime goes on. (An error freed through another runtime
** is t26handles' named misuse: tests/core/test_ownership.c there.)
*/
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* the runtime's allocator here: refuses what no test needs (1 GiB or
   more), as a real one refuses what it has not, and counts what is live */
typedef struct Capped { size_t live; } Capped;

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  Capped *c = (Capped *)ud;
  if (nsize == 0) {
    c->live -= osize;
    free(ptr);
    return NULL;
  }
  assert_null(ptr);
  if (nsize >= (size_t)1 << 30) return NULL;
  c->live += nsize;
  return malloc(nsize);
}

static Capped capped;

static int capped_setup(void **state) {
  capped.live = 0;
  *state = fixture_new(capped_alloc, &capped);
  return 0;
}

static int capped_teardown(void **state) {
  int leaks = fixture_teardown(state);
  assert_int_equal(capped.live, 0);
  return leaks;
}

#define CAPPED_TEST(f) cmocka_unit_test_setup_teardown(f, capped_setup, capped_teardown)

static void no_body(cl_Step *s) {
  CL_BEGIN(s);
  CL_END(s);
}

/* a generator's promise type, named, of this size */
static cl_PromiseType generator_of_size(const char *name, size_t size) {
  cl_PromiseType pt = cl_generator_type;
  pt.name = name;
  pt.size = size;
  pt.base = &cl_generator_type;
  return pt;
}

static cl_Coroutine coroutine_of(const cl_PromiseType *pt, size_t locals_size) {
  cl_Coroutine co = {.name = "c", .promise_type = pt, .locals_size = locals_size,
                     .step = no_body, .source = __FILE__};
  return co;
}

/* the definition is refused at cl_promise_type_check and at every cl_call,
   with message; nothing is made, nothing allocated */
static void refused(cl_Runtime *R, const cl_PromiseType *pt, size_t locals_size,
                    const char *message) {
  cl_Coroutine co = coroutine_of(pt, locals_size);
  cl_Frame *h = NULL;
  size_t live = capped.live;
  if (locals_size == 0)
    assert_error_exact(R, cl_promise_type_check(R, pt), CL_MISUSE, message);
  assert_error_exact(R, cl_call(R, &co, NULL, &h), CL_MISUSE, message);
  assert_null(h);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
  assert_int_equal(capped.live, live);
}

/* the runtime still makes and runs a frame */
static void still_usable(cl_Runtime *R) {
  long long n = 2;
  void *v;
  cl_Frame *g = start_with(R, &range_generator, &n);
  assert_ok(cl_generator_next(R, g, &v));
  assert_int_equal(*(long long *)v, 0);
  destroy_ok(R, g);
}

/* --------------------------------------------------- the frame's size -- */

/* §3.1: a promise size near SIZE_MAX wrapped the frame's size (a heap
   overflow in the prologue); it is refused, naming the field */
static void test_promise_size_wraps_the_frame(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_PromiseType pt = generator_of_size("huge", SIZE_MAX - 8);
  refused(R, &pt, 0, "promise type 'huge': its size (18446744073709551607) "
          "makes the frame larger than any object can be (PTRDIFF_MAX bytes)");
  pt.size = (size_t)PTRDIFF_MAX;
  refused(R, &pt, 0, "promise type 'huge': its size (9223372036854775807) "
          "makes the frame larger than any object can be (PTRDIFF_MAX bytes)");
  still_usable(R);
}

/* §3.1: so did locals_size */
static void test_locals_size_wraps_the_frame(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  const char *message = "cl_call: coroutine 'c' cannot be called: its "
    "locals_size (18446744073709551600) makes the frame larger than any object "
    "can be (PTRDIFF_MAX bytes) (cl_Coroutine)";
  refused(R, &cl_generator_type, SIZE_MAX - 15, message);
  refused(R, &cl_task_type, SIZE_MAX - 15, message);
  still_usable(R);
}

static void frame_delete(cl_Runtime *R, const cl_PromiseType *pt, void *frame,
                         size_t size) {
  (void)pt;
  cl_frame_free(R, frame, size);
}

/* a frame that fits in an object but in no memory: operator new fails
   (std::bad_alloc), from the slabs (whose block of eight such slots would
   wrap size_t) and from the runtime's allocator alike */
static void test_frame_too_large_to_allocate(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_PromiseType pt = generator_of_size("large", (size_t)PTRDIFF_MAX / 2);
  cl_Coroutine co = coroutine_of(&pt, 0);
  cl_Frame *h = NULL;
  assert_ok(cl_promise_type_check(R, &pt));
  assert_error(R, cl_call(R, &co, NULL, &h), CL_NOMEMORY,
               "-byte frame of coroutine 'c' (std::bad_alloc)");
  co.locals_size = (size_t)PTRDIFF_MAX / 4;
  assert_error(R, cl_call(R, &co, NULL, &h), CL_NOMEMORY, "(std::bad_alloc)");
  pt.size = (size_t)1 << 32;                 /* fits in slabs' arithmetic */
  co.locals_size = 0;
  assert_error(R, cl_call(R, &co, NULL, &h), CL_NOMEMORY, "(std::bad_alloc)");
  pt.operator_delete = frame_delete;         /* cl_frame_alloc's frames */
  assert_error(R, cl_call(R, &co, NULL, &h), CL_NOMEMORY, "(std::bad_alloc)");
  assert_null(h);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
  still_usable(R);
}

/* the slabs hand out frames aligned for max_align_t whatever their size
   (found by the C API fuzzer: a frame of odd size misaligned the next) */
static void test_frames_aligned_whatever_their_size(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Frame *h[3];
  for (size_t locals = 1; locals <= 40; locals += 3) {
    cl_Coroutine co = coroutine_of(&cl_generator_type, locals);
    for (int i = 0; i < 3; i++) {
      assert_ok(cl_call(R, &co, NULL, &h[i]));
      assert_int_equal((uintptr_t)h[i] % _Alignof(max_align_t), 0);
    }
    for (int i = 0; i < 3; i++) destroy_ok(R, h[i]);
  }
}

/* ----------------------------------------------------------- the bases -- */

/* §3.2: a type extending cl_task_type with a smaller promise let the
   task's members write past it, over the runtime's state */
static void test_promise_smaller_than_its_base(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  char message[300];
  cl_PromiseType pt = cl_task_type;
  pt.name = "small_task";
  pt.size = sizeof(void *);
  pt.base = &cl_task_type;
  pt.flags = 0;                   /* what its base does, it need not say */
  snprintf(message, sizeof message, "promise type 'small_task' extends 'task' "
           "but is smaller (size %zu, not at least %zu): its promise begins "
           "with the base's, which the base's members write [class.derived]",
           sizeof(void *), sizeof(cl_TaskPromise));
  refused(R, &pt, 0, message);
  /* one level further up the chain, too */
  cl_PromiseType middle = pt, leaf = pt;
  middle.name = "middle";
  middle.size = sizeof(cl_TaskPromise) - 1;
  leaf.name = "leaf";
  leaf.size = sizeof(cl_TaskPromise) + 64;
  leaf.base = &middle;
  snprintf(message, sizeof message, "promise type 'middle' extends 'task' but "
           "is smaller (size %zu, not at least %zu): its promise begins with the "
           "base's, which the base's members write [class.derived]",
           sizeof(cl_TaskPromise) - 1, sizeof(cl_TaskPromise));
  refused(R, &leaf, 0, message);
  middle.size = sizeof(cl_TaskPromise);
  assert_ok(cl_promise_type_check(R, &leaf));
  still_usable(R);
}

/* the capability flags let the runtime write the promise's start itself:
   the promise must hold what they name */
static void test_promise_smaller_than_its_flags(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  char message[300];
  cl_PromiseType pt = cl_task_type;
  pt.name = "flagged";
  pt.size = 4;
  snprintf(message, sizeof message, "promise type 'flagged': its flags say "
           "CL_PROMISE_TASK: a cl_TaskPromise begins its promise, but its size "
           "(4) is less than that (%zu)", sizeof(cl_TaskPromise));
  refused(R, &pt, 0, message);
  pt = generator_of_size("yielder", 4);
  pt.base = NULL;
  snprintf(message, sizeof message, "promise type 'yielder': its flags say "
           "CL_PROMISE_YIELD_KEEPS_POINTER: a void * begins its promise, but "
           "its size (4) is less than that (%zu)", sizeof(void *));
  refused(R, &pt, 0, message);
  still_usable(R);
}

/* §3.3: cl_extends looped forever on a chain of bases that comes back */
static void test_cyclic_chain_of_bases(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_PromiseType a = generator_of_size("a", sizeof(cl_GeneratorPromise));
  cl_PromiseType b = a, c = a;
  b.name = "b";
  c.name = "c";
  a.base = &a;
  refused(R, &a, 0, "promise type 'a': its chain of bases comes back to a "
          "type already in it ('a' -> 'a'); no class can be its own base "
          "[class.derived]/2");
  a.base = &b;
  b.base = &a;
  refused(R, &a, 0, "promise type 'a': its chain of bases comes back to a "
          "type already in it ('a' -> 'b' -> 'a'); no class can be its own "
          "base [class.derived]/2");
  c.base = &a;
  refused(R, &c, 0, "promise type 'c': its chain of bases comes back to a "
          "type already in it ('c' -> 'a' -> 'b' -> 'a'); no class can be its "
          "own base [class.derived]/2");
  b.base = &cl_generator_type;               /* a chain that ends is fine */
  assert_ok(cl_promise_type_check(R, &c));
  still_usable(R);
}

/* ------------------------------------------------- the nesting limit -- */

typedef struct Link { cl_Frame *const *next; int *deepest; } Link;

static cl_Error *frame_handle(cl_Runtime *R, void *p, void *ret) {
  (void)R;
  *(cl_Frame **)ret = cl_promise_frame(p);
  return NULL;
}

static cl_Error *rethrow(cl_Runtime *R, void *p, cl_Error *e) {
  (void)R; (void)p;
  return e;
}

static const cl_PromiseType link_type = {
  .name = "link", .size = sizeof(cl_GeneratorPromise), .get_return_object = frame_handle,
  .initial_suspend = NULL, .final_suspend = NULL,
  .unhandled_exception = rethrow
};

static char *stack_top;          /* where the chain's first body ran */
static size_t stack_used;        /* the most, below stack_top */

/* resumes the next link from its body: each link one nesting level */
static void resume_next(cl_Step *s) {
  const Link *l = (const Link *)s->locals;
  char here;
  cl_Error *e;
  CL_BEGIN(s);
  if (stack_top == NULL) stack_top = &here;
  if ((size_t)(stack_top - &here) > stack_used) stack_used = (size_t)(stack_top - &here);
  if (*l->next != NULL && (e = cl_resume(s->R, *l->next)) != NULL) CL_RAISE(s, e);
  CL_END(s);
}

/* a chain of n lazy links, resumed from the first: NULL if it ran (no
   cmocka assert: it runs in other threads too) */
static cl_Error *run_chain(cl_Runtime *R, int n) {
  cl_PromiseType pt = link_type;
  pt.initial_suspend = cl_generator_type.initial_suspend;
  pt.final_suspend = cl_generator_type.final_suspend;
  pt.return_void = cl_generator_type.return_void;
  cl_Coroutine co = {.name = "link", .promise_type = &pt, .locals_size = sizeof(Link),
                     .args_size = sizeof(Link), .step = resume_next, .source = __FILE__};
  cl_Frame **chain = calloc((size_t)n + 1, sizeof *chain);
  cl_Error *e = NULL;
  for (int i = 0; i < n && e == NULL; i++) {
    Link args = {&chain[i + 1], NULL};
    e = cl_call(R, &co, &args, &chain[i]);
  }
  stack_top = NULL;
  stack_used = 0;
  if (e == NULL) e = cl_resume(R, chain[0]);
  for (int i = 0; i < n; i++) cl_error_free(R, cl_destroy(R, chain[i]));
  free(chain);
  return e;
}

/* the most cl_set_nesting_limit's message says this thread holds (0: it
   said none) */
static int most_held(cl_Runtime *R) {
  static const char most[] = "the most it holds is ";
  cl_Error *e = cl_set_nesting_limit(R, 1000000);
  const char *at = e ? strstr(cl_error_message(e), most) : NULL;
  int n = at ? atoi(at + strlen(most)) : 0;
  cl_error_free(R, e);
  return n;
}

/* §3.6: a limit of 100000 let nested resumes run off the C stack, where
   150 gave the clean error. It is refused, saying the most the calling
   thread holds, and the limit stays; the most is accepted, and a chain
   that deep runs to its end on that stack, one deeper is the clean error */
static void count_event(cl_Runtime *R, const cl_Event *ev, void *ud) {
  (void)R; (void)ev;
  ++*(unsigned long *)ud;
}

static void nesting_to_the_most(cl_Runtime *R, int observed) {
  unsigned long events = 0;
  int id = observed ? cl_observe(R, count_event, &events) : 0;
  cl_Error *e = cl_set_nesting_limit(R, 100000);
  assert_non_null(e);
  assert_int_equal(cl_error_kind(e), CL_MISUSE);
  assert_non_null(strstr(cl_error_message(e), "cl_set_nesting_limit: 100000 "
    "nested resumes need about 400000 KiB of C stack (4096 bytes each), but "
    "this thread has "));
  assert_non_null(strstr(cl_error_message(e), "(the limit stays 150)"));
  cl_error_free(R, e);
  int most = most_held(R);
  assert_true(most >= 150);
  assert_non_null(e = cl_set_nesting_limit(R, most + 1));
  cl_error_free(R, e);
  assert_ok(cl_set_nesting_limit(R, most));
  assert_ok(run_chain(R, most));
  assert_true(observed ? events > 10ul * (unsigned long)most : events == 0);
  /* the driver's frames take at most a quarter of what a level counts */
  assert_in_range(stack_used / (size_t)(most - 1), 1, CL_NESTING_STACK / 4);
  assert_error(R, run_chain(R, most + 1), CL_MISUSE, "resume(): nesting limit "
               "reached");
  if (observed) cl_unobserve(R, id);
}

static void test_nesting_limit_within_the_stack(void **state) {
  nesting_to_the_most(((Fixture *)*state)->R, 0);
}

static void test_nesting_limit_within_the_stack_observed(void **state) {
  nesting_to_the_most(((Fixture *)*state)->R, 1);
}

static void test_nesting_limit_below_one(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  assert_error_exact(R, cl_set_nesting_limit(R, 0), CL_MISUSE,
                     "cl_set_nesting_limit: 0 is no limit; give 1 or more (the "
                     "limit stays 150)");
  assert_error_exact(R, cl_set_nesting_limit(R, -5), CL_MISUSE,
                     "cl_set_nesting_limit: -5 is no limit; give 1 or more (the "
                     "limit stays 150)");
  assert_ok(cl_set_nesting_limit(R, 1));
  assert_error(R, run_chain(R, 2), CL_MISUSE, "nesting limit reached: 1 resumes");
}

/* what a thread with a small stack found: the most it holds, whether
   that was accepted, how a chain that deep and one deeper ended */
typedef struct Small {
  int most, accepted, leaks;
  char deepest[300], deeper[300];
} Small;

static void *in_small_thread(void *ud) {
  Small *r = (Small *)ud;
  cl_Runtime *R = cl_runtime_new(NULL, NULL);
  cl_Error *e;
  r->most = most_held(R);
  r->accepted = (e = cl_set_nesting_limit(R, r->most)) == NULL;
  cl_error_free(R, e);
  e = run_chain(R, r->most);
  snprintf(r->deepest, sizeof r->deepest, "%s", e ? cl_error_message(e) : "ran");
  cl_error_free(R, e);
  e = run_chain(R, r->most + 1);
  snprintf(r->deeper, sizeof r->deeper, "%s", e ? cl_error_message(e) : "ran");
  cl_error_free(R, e);
  r->leaks = (int)cl_runtime_close(R);
  return NULL;
}

/* a thread with a small stack (256 KiB) holds fewer levels than the main
   one, and the most it holds runs there */
static void test_nesting_limit_in_a_small_thread(void **state) {
  int main_most = most_held(((Fixture *)*state)->R);
  Small r;
  pthread_attr_t attr;
  pthread_t thread;
  memset(&r, 0, sizeof r);
  assert_int_equal(pthread_attr_init(&attr), 0);
  assert_int_equal(pthread_attr_setstacksize(&attr, 256 * 1024), 0);
  assert_int_equal(pthread_create(&thread, &attr, in_small_thread, &r), 0);
  assert_int_equal(pthread_join(thread, NULL), 0);
  pthread_attr_destroy(&attr);
  assert_in_range(r.most, 2, (256 - 64) / 4);
  assert_true(r.most < main_most);
  assert_true(r.accepted);
  assert_string_equal(r.deepest, "ran");
  assert_non_null(strstr(r.deeper, "resume(): nesting limit reached"));
  assert_int_equal(r.leaks, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    CAPPED_TEST(test_promise_size_wraps_the_frame),
    CAPPED_TEST(test_locals_size_wraps_the_frame),
    CAPPED_TEST(test_frame_too_large_to_allocate),
    CAPPED_TEST(test_frames_aligned_whatever_their_size),
    CAPPED_TEST(test_promise_smaller_than_its_base),
    CAPPED_TEST(test_promise_smaller_than_its_flags),
    CAPPED_TEST(test_cyclic_chain_of_bases),
    FIXTURE_TEST(test_nesting_limit_within_the_stack),
    FIXTURE_TEST(test_nesting_limit_within_the_stack_observed),
    FIXTURE_TEST(test_nesting_limit_below_one),
    FIXTURE_TEST(test_nesting_limit_in_a_small_thread),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
