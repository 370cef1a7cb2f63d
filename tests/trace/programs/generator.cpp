// generator.cpp — a generator whose promise has its own await_transform:
// in its body, co_await takes only a `lookup` (a key), which await_transform
// turns into an awaiter ready at once with the value found (the other
// overloads are deleted, as C++23's std::generator deletes them all). It
// yields strings, doubles and points (a type with an operator<<). Its
// promise is an aggregate: C++ default-initialises it, never with the
// coroutine's arguments ([dcl.fct.def.coroutine]/5 asks for a constructor).
#include <corolab/trace.hpp>
#include <coroutine>
#include <cstdio>
#include <exception>
#include <ostream>
#include <string>
#include <utility>

struct lookup { const char *key; };

struct found {                         // an awaiter that owns its value
  std::string value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  std::string await_resume() { return std::move(value); }
};

template <class T> struct generator {
  struct promise_type {
    T current{};
    generator get_return_object() {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) { current = std::move(v); return {}; }
    found await_transform(lookup l) { return found{std::string(l.key) == "greeting" ? "hello" : "?"}; }
    template <class U> void await_transform(U &&) = delete;
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
  };
  std::coroutine_handle<promise_type> h;
  explicit generator(std::coroutine_handle<promise_type> hh) : h(hh) {}
  generator(generator &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~generator() { if (h) h.destroy(); }
  bool next() { h.resume(); return !h.done(); }
  const T &value() const { return h.promise().current; }
};

struct Point { int x, y; };
std::ostream &operator<<(std::ostream &os, Point p) { return os << "(" << p.x << ", " << p.y << ")"; }

COROLAB_TRACE(generator<std::string>)
COROLAB_TRACE(generator<double>)
COROLAB_TRACE(generator<Point>)

generator<std::string> words() {
  std::string g = co_await lookup{"greeting"};
  co_yield g;
  co_yield "a rather long word that the record cuts";
}

generator<double> halves(double x) {
  while (x >= 1) {
    co_yield x;
    x /= 2;
  }
}

generator<Point> diagonal(int n) {
  for (int i = 0; i < n; i++) co_yield Point{i, i};
}

int main() {
  generator<std::string> w = words();
  while (w.next()) std::printf("word: %s\n", w.value().c_str());
  generator<double> h = halves(4);
  std::printf("before the first: %g\n", h.value());   // the promise is default-initialised
  while (h.next()) std::printf("half: %g\n", h.value());
  generator<Point> d = diagonal(2);
  while (d.next()) std::printf("point: %d %d\n", d.value().x, d.value().y);
}
