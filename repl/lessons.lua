-- lessons.lua — what each lifecycle event means, in C++ terms: the one
-- table of explanations, shown by :step, :tour and breakpoints.
return {
  ["operator new"] =
    "The frame is allocated: promise_type::operator new(size, args...) if the promise "
    .. "declares one, else the global operator new. In C++ size "
    .. "covers the promise, the parameter copies and every local that lives across a "
    .. "suspension; a Lua body's frame holds references instead, and its locals live in "
    .. "the body's Lua thread.",
  ["get_return_object_on_allocation_failure"] =
    "operator new returned nullptr and the promise declares "
    .. "get_return_object_on_allocation_failure(): its result is returned to the caller, "
    .. "and no coroutine exists.",
  ["parameter copies"] =
    "The parameters are copied (or moved) into the frame, so the body can still read "
    .. "them after the caller's arguments are gone. References stay references!",
  ["promise_type"] =
    "The promise object is constructed inside the frame: promise_type(args...) if that "
    .. "constructor exists, else promise_type().",
  ["get_return_object"] =
    "promise.get_return_object() makes the value the caller receives (a generator, a "
    .. "task...). It runs before initial_suspend, usually keeping "
    .. "coroutine_handle::from_promise(*this).",
  ["initial_suspend"] =
    "co_await promise.initial_suspend(): suspend_always makes the coroutine lazy (the "
    .. "caller gets control back before the body runs), suspend_never makes it eager.",
  ["await_transform"] =
    "The promise declares await_transform, so co_await e becomes "
    .. "co_await promise.await_transform(e) (never for initial, final or yield).",
  ["operator co_await"] =
    "The awaitable is turned into an awaiter by its operator co_await (member or "
    .. "non-member).",
  ["await_ready"] =
    "awaiter.await_ready(): true means the result is already there and the coroutine "
    .. "does not suspend at all; false means: suspend.",
  ["suspend"] =
    "The coroutine is now suspended: its resume point is saved in the frame. Only "
    .. "after this is await_suspend called, so it may resume or destroy the coroutine.",
  ["await_suspend"] =
    "awaiter.await_suspend(h) gets the suspended coroutine's handle. It returns void "
    .. "(stay suspended), bool (false: resume at once) or a handle (symmetric transfer: "
    .. "resume that one instead, in constant stack).",
  ["resume"] =
    "The coroutine is resumed (h.resume(), or a transfer): execution continues at the "
    .. "saved resume point, with await_resume of what it was waiting on.",
  ["symmetric transfer"] =
    "await_suspend returned a handle: control goes straight to that coroutine, like a "
    .. "tail call, without growing the stack. noop_coroutine() returns to the resumer.",
  ["await_resume"] =
    "awaiter.await_resume() gives the value of the co_await expression (or throws). At "
    .. "the initial suspend point, this marks initial-await-resume-called.",
  ["~awaiter"] =
    "The awaiter (a temporary of the co_await expression) is destroyed at the end of "
    .. "the full-expression.",
  ["yield_value"] =
    "co_yield v is co_await promise.yield_value(v): the promise stores the value, then "
    .. "usually suspends so the consumer can read it.",
  ["return_value"] =
    "co_return v calls promise.return_value(v); the locals die afterwards, and control "
    .. "goes to the final suspend point.",
  ["return_void"] =
    "co_return; or flowing off the end of the body calls promise.return_void() (flowing "
    .. "off without one is undefined behaviour).",
  ["throw"] =
    "An exception escaped the body. It is caught by the coroutine's implicit try block.",
  ["unhandled_exception"] =
    "catch (...) { promise.unhandled_exception(); }: the promise stores the exception "
    .. "(std::current_exception()) or rethrows it to the resumer.",
  ["final_suspend"] =
    "co_await promise.final_suspend() (noexcept). Suspending here keeps the frame, so "
    .. "done() is true and the result can be read; not suspending destroys the frame.",
  ["destroy"] =
    "h.destroy(): the coroutine is destroyed at its suspend point: the pending awaiter, "
    .. "the locals innermost first, the promise, the parameter copies, then the frame.",
  ["~locals"] =
    "The body's locals that are alive at the suspend point are destroyed, innermost first.",
  ["~promise_type"] =
    "The promise object is destroyed.",
  ["~parameters"] =
    "The parameter copies in the frame are destroyed.",
  ["~return object"] =
    "An exception before the initial await_resume: the return object already made by "
    .. "get_return_object is destroyed and the exception goes to the caller.",
  ["operator delete"] =
    "The frame's memory is released: promise_type::operator delete if declared, else "
    .. "the global one.",
  ["return to caller"] =
    "The coroutine stays suspended and control returns to whoever called or resumed "
    .. "it: resume() returns, or the coroutine call returns its return object.",
  ["misuse"] =
    "Undefined behaviour in C++ (a resume of a running or finished coroutine, a double "
    .. "destroy...). corolab stops it and names the rule.",
}
