/*
** test_slab.c — frames the runtime allocates itself (promise types without
** operator_new and operator_delete) come from its slabs, which it keeps
** until it closes: a handle to a destroyed one is still told apart from a
** live one and named ([coroutine.handle]), an address inside a frame is no
** frame, frames of every size are listed with those from operator_new,
** and no allocation failure leaks or crashes.
*/
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

#include "helpers.h"

static cl_Handle range(cl_Runtime *R, long long n) {
  return start_with(R, &range_generator, &n);
}

/* a destroyed frame's handle: resuming it is an error that names it; its
   promise and locals are poisoned for the sanitizer, its state is not */
static void test_slab_destroyed_handle(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle h = range(R, 3);
  cl_FrameInfo info;
  assert_true(cl_frame_info(R, h, &info));
  destroy_ok(R, h);
  assert_false(cl_is_live(R, h));
  assert_error(R, cl_resume(R, h), CL_MISUSE,
               "resume(): coroutine #1 'range' was already destroyed");
  assert_error(R, cl_destroy(R, h), CL_MISUSE, "destroy(): coroutine #1 'range' "
               "was already destroyed");
  void *v;
  assert_error(R, cl_generator_next(R, h, &v), CL_MISUSE, "next(): coroutine #1 "
               "'range' was already destroyed");
  assert_null(v);
#if defined(__SANITIZE_ADDRESS__)
  assert_true(__asan_address_is_poisoned(info.promise));
  assert_true(__asan_address_is_poisoned(info.locals));
  assert_false(__asan_address_is_poisoned((char *)h.frame + info.state_offset));
#endif
}

/* [coroutine.handle]: the next frame of that size takes the address (the
   last freed first); the old handle, which carries the old id, is told so
   (test_handles: by every call) */
static void test_slab_reused_address(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle old = range(R, 3);
  destroy_ok(R, old);
  cl_Handle h = range(R, 5);
  assert_ptr_equal(h.frame, old.frame);
  assert_int_equal(h.id, old.id + 1);
  assert_error(R, cl_check_handle(R, "resume()", old), CL_MISUSE,
               "coroutine #1 'range' was already destroyed (coroutine #2 now "
               "lives at its address)");
  assert_null(cl_check_handle(R, "resume()", h));
  destroy_ok(R, h);
}

/* an address inside a frame, or past the slots handed out, is no frame */
static void test_slab_inner_address(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_Handle h = range(R, 3);
  cl_FrameInfo info;
  assert_true(cl_frame_info(R, h, &info));
  char *inner = (char *)cl_address(h) + 16;
  char *next = (char *)cl_address(h) + info.frame_size;    /* not carved */
  cl_Handle back;
  assert_error(R, cl_from_address(R, inner, NULL, &back), CL_MISUSE,
               "is not the address of a live coroutine frame");
  assert_error(R, cl_from_address(R, next, NULL, &back), CL_MISUSE,
               "is not the address of a live coroutine frame");
  destroy_ok(R, h);
}

/* sizes that make classes of their own, many slabs each: every frame is
   listed, oldest first, with a frame from operator_new among them; each
   goes on alone, and destroying every other one lists the rest */
typedef struct Big { long long n, i; char pad[200]; } Big;

static void big_step(cl_Step *s) {
  Big *L = (Big *)s->locals;
  CL_BEGIN(s);
  for (L->i = 0; L->i < L->n; L->i++) CL_YIELD(s, &L->i);
  CL_END(s);
}

static const cl_Coroutine big_generator = {
  .name = "big", .promise_type = &cl_generator_type,
  .locals_size = sizeof(Big), .args_size = sizeof(long long), .step = big_step,
  .source = __FILE__
};

#define MANY 3000

static void test_slab_many_frames(void **state) {
  Fixture *fx = *state;
  cl_Runtime *R = fx->R;
  Op body[] = {END};
  cl_Coroutine rec = script_coroutine("rec", &rec_promise, body);
  cl_Handle *h = (cl_Handle *)malloc((MANY + 1) * sizeof *h);
  cl_Handle *all = (cl_Handle *)malloc((MANY + 1) * sizeof *all);
  long long n = 2;
  for (int i = 0; i < MANY; i++) {
    h[i] = start_with(R, i % 3 ? &range_generator : &big_generator, &n);
    if (i == MANY / 2) h[MANY] = start(R, &rec);      /* the registry's */
  }
  assert_int_equal(cl_frames(R, NULL, 0), MANY + 1);
  assert_int_equal(cl_frames(R, all, MANY + 1), MANY + 1);
  for (int i = 1; i <= MANY; i++)
    assert_true(all[i - 1].id < all[i].id);
  assert_handle_equal(all[MANY / 2 + 1], h[MANY]);
  for (int i = 0; i < MANY; i++) {
    void *v;
    assert_ok(cl_generator_next(R, h[i], &v));
    assert_int_equal(*(long long *)v, 0);
  }
  for (int i = 0; i < MANY; i += 2) destroy_ok(R, h[i]);
  assert_int_equal(cl_frames(R, NULL, 0), MANY / 2 + 1);
  for (int i = 0; i < MANY; i++) assert_int_equal(cl_is_live(R, h[i]), i % 2);
  for (int i = 1; i < MANY; i += 2) destroy_ok(R, h[i]);
  destroy_ok(R, h[MANY]);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
  free(h);
  free(all);
}

/* frames left alive are destroyed and reported at close, slabs or not */
static void leaked(cl_Runtime *R, const cl_FrameInfo *leak, void *ud) {
  (void)R;
  (*(int *)ud)++;
  assert_string_equal(leak->coroutine->name, "range");
}

static void test_slab_leaks_at_close(void **state) {
  (void)state;
  cl_Runtime *R = cl_runtime_new(NULL, NULL);
  int leaks = 0;
  cl_set_leak_reporter(R, leaked, &leaks);
  range(R, 3);
  range(R, 4);
  assert_int_equal(cl_runtime_close(R), 2);
  assert_int_equal(leaks, 2);
}

/* every allocation fails once, in turn: a slab, the page map, a class;
   the call fails with std::bad_alloc's error, or everything runs; nothing
   leaks */
static void test_slab_every_allocation_fails_once(void **state) {
  (void)state;
  size_t n;
  for (n = 1;; n++) {
    FailingAlloc f = {0, 0, 0, 0};
    cl_Runtime *R = cl_runtime_new(failing_alloc, &f);
    assert_non_null(R);
    f.fail_at = f.count + n;
    cl_Handle h[20];
    int made = 0;
    for (int i = 0; i < 20; i++) {
      long long k = 2;
      cl_Error *e = cl_call(R, i % 2 ? &range_generator : &big_generator, &k, &h[made]);
      if (e) assert_error(R, e, CL_NOMEMORY, "operator new: cannot allocate the");
      else made++;
    }
    for (int i = 0; i < made; i++) {
      void *v;
      assert_ok(cl_generator_next(R, h[i], &v));
      destroy_ok(R, h[i]);
    }
    assert_int_equal(cl_runtime_close(R), 0);
    assert_int_equal(f.live_bytes, 0);
    if (!f.failed) break;
  }
  assert_true(n > 4);               /* classes, slabs, the map */
}

/* a random walk over calls, steps and destroys of frames of three sizes
   (and of a type from operator_new), against a model: after each step the
   live frames are exactly the model's, each named by its handle and id,
   and a handle of a destroyed frame is never taken for a live one unless
   a new frame took its address (then its id tells them apart) */
#define SLOTS 64

static void *heap_new(cl_Runtime *R, const cl_PromiseType *pt, size_t size,
                      void *args, cl_Error **error) {
  (void)pt; (void)args;
  *error = NULL;
  return cl_frame_alloc(R, size);
}

static void heap_delete(cl_Runtime *R, const cl_PromiseType *pt, void *frame,
                        size_t size) {
  (void)pt;
  cl_frame_free(R, frame, size);
}

static void test_slab_random_walk(void **state) {
  cl_Runtime *R = ((Fixture *)*state)->R;
  cl_PromiseType heap = cl_generator_type;       /* the registry's */
  heap.operator_new = heap_new;
  heap.operator_delete = heap_delete;
  heap.base = &cl_generator_type;
  cl_Coroutine on_heap = big_generator;
  on_heap.promise_type = &heap;
  const cl_Coroutine *kinds[] = {&range_generator, &big_generator, &on_heap};
  struct { cl_Handle h; int live; } m[SLOTS];
  unsigned seed = 12345;
  size_t live = 0;
  memset(m, 0, sizeof m);
  for (int step = 0; step < 20000; step++) {
    seed = seed * 1103515245u + 12345u;
    int i = (int)((seed >> 8) % SLOTS), op = (int)((seed >> 20) % 4);
    if (!m[i].live && m[i].h.frame == NULL) op = 0;
    if (op == 0 && !m[i].live) {                       /* call */
      long long n = 1 + (long long)((seed >> 4) % 3);
      m[i].h = start_with(R, kinds[(seed >> 12) % 3], &n);
      m[i].live = 1;
      live++;
    } else if (op == 1 && m[i].live) {                 /* destroy */
      destroy_ok(R, m[i].h);
      m[i].live = 0;
      live--;
    } else if (op == 2 && m[i].live && !done_of(R, m[i].h)) {
      resume_ok(R, m[i].h);
    } else if (!m[i].live && m[i].h.frame != NULL) {  /* the stale handle */
      cl_Error *e = cl_check_handle(R, "resume()", m[i].h);
      assert_non_null(e);
      cl_error_free(R, e);
    }
    assert_int_equal(cl_frames(R, NULL, 0), live);
    for (int j = 0; j < SLOTS; j++)
      if (m[j].live) assert_true(cl_is_live(R, m[j].h));
  }
  for (int i = 0; i < SLOTS; i++)
    if (m[i].live) destroy_ok(R, m[i].h);
  assert_int_equal(cl_frames(R, NULL, 0), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    FIXTURE_TEST(test_slab_destroyed_handle),
    FIXTURE_TEST(test_slab_reused_address),
    FIXTURE_TEST(test_slab_inner_address),
    FIXTURE_TEST(test_slab_many_frames),
    FIXTURE_TEST(test_slab_random_walk),
    cmocka_unit_test(test_slab_leaks_at_close),
    cmocka_unit_test(test_slab_every_allocation_fails_once),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
