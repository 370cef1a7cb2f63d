-- wrapper.lua — the standard's coroutine wrapper ([dcl.fct.def.coroutine]/5,
-- docs/design.md) and co_await's expansion ([expr.await]/5), as text, and
-- the lines a record is at: the cursor :where and the page show.
local wrapper = {}

-- the wrapper; each line lists the events that put the cursor on it
local steps = {
  {"{"},
  {"  frame = operator new(size, args...)      // or get_return_object_on_allocation_failure()",
   "operator new", "get_return_object_on_allocation_failure"},
  {"  promise_type promise(args...);           // promise ctor gets the arguments if it takes them",
   "parameter copies", "promise_type"},
  {"  R ret = promise.get_return_object();     // before initial_suspend", "get_return_object"},
  {"  try {"},
  {"    co_await promise.initial_suspend();    // no await_transform here", "initial_suspend",
   phase = "initial"},
  {"    body                                   // co_await / co_yield / co_return",
   "yield_value", "return_value", "return_void", phase = "body"},
  {"  } catch (...) {", "throw"},
  {"    if (!initial_await_resume_called) throw;   // to the caller; frame torn down",
   "~return object"},
  {"    promise.unhandled_exception();             // if it throws: done, final_suspend not called",
   "unhandled_exception"},
  {"  }"},
  {"final_suspend:"},
  {"  co_await promise.final_suspend();        // noexcept; no await_transform", "final_suspend",
   phase = "final"},
  {"}                                          // falling off here destroys the frame",
   "destroy", "~locals", "~promise_type", "~parameters", "operator delete"},
}

local co_await = {
  {"co_await operand:"},
  {"  a = operand                             // initial_suspend(), final_suspend(), "
     .. "yield_value(v) or e",
   "initial_suspend", "final_suspend", "yield_value"},
  {"  a = promise.await_transform(a)          // in the body, if the promise has one",
   "await_transform"},
  {"  awaiter = operator co_await(a)          // member or non-member, if any",
   "operator co_await"},
  {"  if (!awaiter.await_ready()) {", "await_ready"},
  {"    <suspend: save the resume point>", "suspend"},
  {"    awaiter.await_suspend(h);             // void, bool (false: resume) or a handle",
   "await_suspend"},
  {"    <return to the caller / resumer, or transfer to the handle>", "return to caller",
   "symmetric transfer"},
  {"    <resume point>", "resume"},
  {"  }"},
  {"  return awaiter.await_resume();          // the value of the co_await", "await_resume"},
  {"  ~awaiter                                // end of the full-expression", "~awaiter"},
}

local function lists(line, kind)
  for i = 2, #line do if line[i] == kind then return true end end
  return false
end

-- the wrapper's lines, an empty one, then co_await's (the page shows
-- them all); and how many are the wrapper's
function wrapper.text()
  local lines = {}
  for _, line in ipairs(steps) do lines[#lines + 1] = line[1] end
  lines[#lines + 1] = ""
  for _, line in ipairs(co_await) do lines[#lines + 1] = line[1] end
  return lines, #steps
end

-- the lines of wrapper.text() the cursor is on at rec (a set of indices),
-- and whether rec is a step of a co_await
function wrapper.cursor(rec)
  local in_await = false
  for _, line in ipairs(co_await) do if lists(line, rec.kind) then in_await = true end end
  local at = {}
  for i, line in ipairs(steps) do
    if lists(line, rec.kind) or (in_await and line.phase == rec.phase) then at[i] = true end
  end
  for i, line in ipairs(co_await) do
    if lists(line, rec.kind) then at[#steps + 1 + i] = true end
  end
  return at, in_await
end

return wrapper
