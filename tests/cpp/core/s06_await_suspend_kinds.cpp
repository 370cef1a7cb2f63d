// s06_await_suspend_kinds.cpp — what await_suspend returns ([expr.await]/5):
// void or true (stay suspended), false or the coroutine's own handle
// (resumed at once), another coroutine's handle (symmetric transfer to it),
// noop_coroutine() (back to the resumer); await_suspend or await_resume
// throwing (the awaiter dies, then the locals, then the handler runs; no
// await_resume after a throwing await_suspend). A co_awaits aw; B waits at
// its initial suspend point.
// Asserted by tests/core/test_await.c: test_await_suspend_void,
// test_await_suspend_true, test_await_suspend_false,
// test_await_suspend_handle, test_await_suspend_own_handle,
// test_await_suspend_noop, test_await_suspend_throws,
// test_await_suspend_bool_throws, test_await_resume_throws.
#include "rec.hpp"

template <class Suspend>
Co<rec_promise> a(Params, const Spec &aw) {
  {
    Local l("A_local");
    note("A: before co_await");
    long long result = co_await RecAwaiter<Suspend>(aw);
    note("result=%lld", result);
    note("A: after co_await");
  }
}

Co<rec_promise> b(Params) {
  note("B: body start");
  co_await RecAwaiter<>("B_aw");
}

struct S06 {
  Spec aw{"aw"};
  std::coroutine_handle<rec_promise> a, b;
};

// the test's header; A and B started; the log cleared
template <class Suspend>
static void s06_start(const char *test, S06 &t, bool suspend) {
  scene(test);
  t.aw.suspend = suspend;
  t.aw.value = 9;
  t.a = a<Suspend>(Params{}, t.aw).take();
  t.b = b(Params{}).take();
  forget();
}

// the first resume of A returns with A suspended; the second finishes it
static void s06_suspends(S06 &t) {
  t.a.resume();
  expect(!t.a.done(), "A suspended");
  t.a.resume();
  expect(t.a.done(), "A done");
}

static void s06_finish(S06 &t) {
  show_log();
  t.a.destroy();
  t.b.destroy();
}

using Handle = std::coroutine_handle<>;

static void await_suspend_throws(const char *test, bool is_bool) {
  S06 t;
  if (is_bool) s06_start<bool>(test, t, true);
  else s06_start<void>(test, t, true);
  fx.throw_at = "aw.await_suspend";
  t.a.resume();
  expect(t.a.done(), "A done");
  s06_finish(t);
}

int main() {
  S06 t;
  s06_start<void>("test_await_suspend_void", t, true);
  s06_suspends(t);
  s06_finish(t);

  s06_start<bool>("test_await_suspend_true", t, true);
  s06_suspends(t);
  s06_finish(t);

  s06_start<bool>("test_await_suspend_false", t, false);
  t.a.resume();
  expect(t.a.done(), "A done");
  s06_finish(t);

  s06_start<Handle>("test_await_suspend_handle", t, true);
  t.aw.to = t.b;
  s06_suspends(t);
  expect(!t.b.done(), "B suspended");
  s06_finish(t);

  s06_start<Handle>("test_await_suspend_own_handle", t, true);
  t.aw.to = t.a;
  t.a.resume();
  expect(t.a.done(), "A done");
  s06_finish(t);

  s06_start<Handle>("test_await_suspend_noop", t, true);
  t.aw.to = std::noop_coroutine();
  s06_suspends(t);
  s06_finish(t);

  await_suspend_throws("test_await_suspend_throws", false);
  await_suspend_throws("test_await_suspend_bool_throws", true);

  s06_start<void>("test_await_resume_throws", t, true);
  fx.throw_at = "aw.await_resume";
  s06_suspends(t);
  s06_finish(t);
}
