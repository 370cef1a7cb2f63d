// s08_operator_new.cpp — allocating the frame ([dcl.fct.def.coroutine]/9-11):
// the promise's operator new(size, args...) is preferred and operator
// delete(frame, size) gets the same size; a noexcept operator new that
// returns null with get_return_object_on_allocation_failure: that is the
// return object, nothing else runs; without it operator new throws
// std::bad_alloc, or its own exception, to the caller.
// Asserted by tests/core/test_alloc.c: test_operator_new_gets_size_and_args,
// test_allocation_failure_with_fallback, test_allocation_failure_bad_alloc,
// test_operator_new_throws.
#include "rec.hpp"

struct Sizes {                        // what operator new and delete were given
  std::size_t new_size = 0, delete_size = 0;
  const void *args = nullptr;
  void *allocated = nullptr, *deleted = nullptr;
} seen;

struct sized_promise : RecPromise<sized_promise> {
  void return_void() { rec("return_void"); }
  static void *operator new(std::size_t size, const Params &arg) {
    rec("operator new(size, args)");
    seen.new_size = size;
    seen.args = &arg;
    if (!(seen.allocated = std::malloc(size))) throw std::bad_alloc();
    return seen.allocated;
  }
  static void operator delete(void *frame, std::size_t size) {
    note("operator delete(frame, size)");
    seen.delete_size = size;
    seen.deleted = frame;
    std::free(frame);
  }
};

struct fallback_promise : RecPromise<fallback_promise> {
  void return_void() { rec("return_void"); }
  static void *operator new(std::size_t size) noexcept {
    note("operator new");
    return fx.fail_new ? nullptr : std::malloc(size);
  }
  static void operator delete(void *frame) {
    note("operator delete");
    std::free(frame);
  }
  static Co<fallback_promise> get_return_object_on_allocation_failure() {
    rec("get_return_object_on_allocation_failure");
    return Co<fallback_promise>(nullptr);   // a return object without a coroutine
  }
};

// if (false) co_return;: coroutines whose body is the script's END
Co<sized_promise> sized(Params) {
  if (false) co_return;
}

Co<fallback_promise> with_fallback(Params) {
  if (false) co_return;
}

Co<rec_promise> plain(Params) {
  if (false) co_return;
}

// call plain: the exception from operator new reaches the caller
static void call_throwing(const char *what) {
  try {
    plain(Params{});
    expect(false, "an exception from the call");
  } catch (const std::exception &e) {
    expect(std::strcmp(e.what(), what) == 0, what);
  }
}

int main() {
  scene("test_operator_new_gets_size_and_args");
  auto h = sized(Params{}).take();
  const char *frame = static_cast<const char *>(h.address());
  const char *arg = static_cast<const char *>(seen.args);
  expect(arg < frame || arg >= frame + seen.new_size,
         "operator new given the parameter, not the frame's copy");
  expect(seen.allocated == h.address(), "the frame at the address allocated");
  h.destroy();
  expect(seen.delete_size == seen.new_size, "operator delete given the size");
  expect(seen.deleted == seen.allocated, "operator delete given the frame");
  show_log();

  scene("test_allocation_failure_with_fallback");
  fx.fail_new = true;
  expect(!with_fallback(Params{}).take(), "a return object without a coroutine");
  show_log();

  scene("test_allocation_failure_bad_alloc");
  fx.fail_new = true;
  call_throwing("std::bad_alloc");
  show_log();

  scene("test_operator_new_throws");
  fx.throw_at = "operator new";
  call_throwing("operator new");
  show_log();
}
