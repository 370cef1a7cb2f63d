-- 19-reference-parameters.lua — parameters by value and by reference. A
-- coroutine's parameters are copied into its frame: a by-value parameter's
-- copy lives as long as the frame, so the body can read it after the
-- caller's object is gone. A reference parameter is not copied: it refers
-- to the caller's object, and when that object dies while the coroutine is
-- suspended, the reference dangles. C++ compiles a use of it, and what it
-- does is undefined; corolab names the use. coro.coroutine's fourth
-- argument gives the parameters' C++ types: "Widget" by value, "const
-- Widget&" by reference; coro.full(f) is one full-expression, whose
-- coro.temporary values die at its end.
local coro = require "coro"

local Widget = {}
Widget.__index = Widget
Widget.__copy = function(o)            -- the copy constructor
  print("copy " .. o.name)
  return setmetatable({name = o.name, copy = true}, Widget)
end
Widget.__close = function(w) print((w.copy and "~copy " or "~Widget ") .. w.name) end
local function widget(name)
  print("Widget " .. name)
  return setmetatable({name = name}, Widget)
end

local Task = {}                        -- lazy; ~Task() destroys the frame
Task.__index = Task
Task.__close = function(t) t.h:destroy() end
Task.promise_type = coro.promise_type {
  __name = "Task::promise_type",
  get_return_object = function(p) return setmetatable({h = coro.from_promise(p)}, Task) end,
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) p.error = err end,
}

local by_value = coro.coroutine(Task, function(w)
  print("by_value reads " .. w.name)
end, "by_value", {"Widget"})

local by_reference = coro.coroutine(Task, function(w)
  print("by_reference reads " .. w.name)
end, "by_reference", {"const Widget&"})

print("== by value: the frame keeps a copy")
do
  local t <close> = coro.full(function() return by_value(coro.temporary(widget("a"))) end)
  t.h:resume()                         -- the argument is gone, its copy is not
end

print("== by reference, the widget alive")
do
  local w <close> = widget("b")
  local t <close> = by_reference(w)
  t.h:resume()
end

print("== by reference, the widget gone")
do
  local t <close> = coro.full(function() return by_reference(coro.temporary(widget("c"))) end)
  t.h:resume()                         -- reads a widget that died
  local err = tostring(t.h:promise().error):gsub("^[^:]*:%d+: ", "")  -- without its place
  print("dangling: corolab: " .. err)
end

--[==[c++
#include <coroutine>
#include <cstdio>
#include <exception>

struct Widget {
  const char *name;
  bool copy = false;
  explicit Widget(const char *n) : name(n) { std::printf("Widget %s\n", n); }
  Widget(const Widget &o) : name(o.name), copy(true) { std::printf("copy %s\n", name); }
  ~Widget() { std::printf("%s %s\n", copy ? "~copy" : "~Widget", name); }
};

struct Task {                          // lazy; ~Task() destroys the frame
  struct promise_type {
    Task get_return_object() { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  ~Task() { h.destroy(); }
};

Task by_value(Widget w) {
  std::printf("by_value reads %s\n", w.name);
  co_return;
}

Task by_reference(const Widget &w) {
  std::printf("by_reference reads %s\n", w.name);
  co_return;
}

int main() {
  std::printf("== by value: the frame keeps a copy\n");
  {
    Task t = by_value(Widget("a"));
    t.h.resume();                      // the argument is gone, its copy is not
  }
  std::printf("== by reference, the widget alive\n");
  {
    Widget w("b");
    Task t = by_reference(w);
    t.h.resume();
  }
  std::printf("== by reference, the widget gone\n");
  {
    Task t = by_reference(Widget("c"));
    // t.h.resume() would read a widget that died: undefined behaviour
  }
}
]==]

--[==[c++ exempt
"dangling: " undefined behaviour in C++: a use of a reference parameter after its object's life ended [basic.life]/7, [dcl.fct.def.coroutine]/13; the C++ program does not resume
]==]

--[==[stops
operator_new 1
params_copy 1                        -- by value: a copy into the frame
resume 1                             -- its argument died; the copy lives
params_copy 2                        -- by reference: nothing is copied
resume 3                             -- the widget is gone
throw 1                              -- the dangling use, named
]==]

--[==[takeaway en
When a coroutine is called, its parameters are copied into the frame (moved
from a temporary): a by-value parameter's copy lives as long as the frame,
so the body may read it after the caller's object is gone, and it dies with
the frame, after the promise. A reference parameter is not copied: it keeps
referring to the caller's object, and a lazy coroutine often runs after
that object died (a temporary dies at the end of the call's
full-expression). Reading it then is undefined behaviour; corolab stops it
and names the parameter. Take parameters by value, or keep the object alive
until the coroutine is done.
]==]

--[==[takeaway tr
Bir coroutine çağrıldığında parametreleri frame'e kopyalanır (geçici bir
nesneden taşınır): değerle alınan bir parametrenin kopyası frame yaşadıkça
yaşar; gövde onu çağıranın nesnesi yok olduktan sonra da okuyabilir, kopya
da frame ile birlikte, promise'ten sonra yok edilir. Referans parametre
kopyalanmaz: çağıranın nesnesini göstermeyi sürdürür ve tembel bir
coroutine çoğu zaman o nesne öldükten sonra çalışır (geçici bir nesne
çağrının tam ifadesinin sonunda ölür). O zaman okumak tanımsız
davranıştır; corolab bunu durdurur ve parametrenin adını verir.
Parametreleri değerle alın ya da nesneyi coroutine bitene kadar canlı
tutun.
]==]

--[==[takeaway zh
调用协程时，形参会被复制进协程状态（从临时对象则是移动）：按值传递的形参副本与协程状态同寿，所以调用方的对象消失后协程体仍可读取它，它随协程状态在承诺对象之后销毁。引用形参不会被复制：它一直引用调用方的对象，而惰性协程常常在那个对象死去之后才运行（临时对象在调用所在的完整表达式结束时就销毁了）。那时再读取它是未定义行为；corolab 会拦下这次使用并指出是哪个形参。请按值传递形参，或者让对象一直存活到协程结束。
]==]

--[==[title tr
parametreler değerle ve referansla: frame'deki kopya ve geçersiz (dangling) referans.
]==]

--[==[title zh
按值与按引用传递形参：协程状态中的副本，以及悬空的引用。
]==]
