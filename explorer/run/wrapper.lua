-- wrapper.lua — the standard's coroutine wrapper ([dcl.fct.def.coroutine]/5,
-- docs/design.md) and co_await's expansion ([expr.await]/5), as text, and
-- the lines a record is at: the cursor :where and the page show.
local wrapper = {}

-- the wrapper; each line lists the events that put the cursor on it. Its
-- words are the caller's (text/LANG.lua, section wrapper): a comment after
-- a line's code (note), or the whole of a pseudo-statement (say, in <>)
local steps = {
  {"{"},
  {"  frame = operator new(size, args...)      ", note = "operator_new",
   "operator new", "get_return_object_on_allocation_failure"},
  {"  promise_type promise(args...);           ", note = "promise",
   "parameter copies", "promise_type"},
  {"  R ret = promise.get_return_object();     ", note = "get_return_object",
   "get_return_object"},
  {"  try {"},
  {"    co_await promise.initial_suspend();    ", note = "initial_suspend", "initial_suspend",
   phase = "initial"},
  {"    body                                   ", note = "body",
   "yield_value", "return_value", "return_void", phase = "body"},
  {"  } catch (...) {", "throw"},
  {"    if (!initial_await_resume_called) throw;   ", note = "rethrow", "~return object"},
  {"    promise.unhandled_exception();             ", note = "unhandled_exception",
   "unhandled_exception"},
  {"  }"},
  {"final_suspend:"},
  {"  co_await promise.final_suspend();        ", note = "final_suspend", "final_suspend",
   phase = "final"},
  {"}                                          ", note = "end",
   "destroy", "~locals", "~promise_type", "~parameters", "operator delete"},
}

local co_await = {
  {"co_await operand:"},
  {"  a = operand                             ", note = "operand",
   "initial_suspend", "final_suspend", "yield_value"},
  {"  a = promise.await_transform(a)          ", note = "await_transform", "await_transform"},
  {"  awaiter = operator co_await(a)          ", note = "operator_co_await",
   "operator co_await"},
  {"  if (!awaiter.await_ready()) {", "await_ready"},
  {"    <%s>", say = "suspend", "suspend"},
  {"    awaiter.await_suspend(h);             ", note = "await_suspend", "await_suspend"},
  {"    <%s>", say = "return", "return to caller", "symmetric transfer"},
  {"    <%s>", say = "resume_point", "resume"},
  {"  }"},
  {"  return awaiter.await_resume();          ", note = "await_resume", "await_resume"},
  {"  ~awaiter                                ", note = "awaiter_dies", "~awaiter"},
}

-- a line's text with its words
local function text_of(line, words)
  if line.note then return line[1] .. "// " .. words[line.note] end
  if line.say then return string.format(line[1], words[line.say]) end
  return line[1]
end

local function lists(line, kind)
  for i = 2, #line do if line[i] == kind then return true end end
  return false
end

-- the wrapper's lines, an empty one, then co_await's (the page shows
-- them all), in words (a language's wrapper section); and how many are the
-- wrapper's
function wrapper.text(words)
  local lines = {}
  for _, line in ipairs(steps) do lines[#lines + 1] = text_of(line, words) end
  lines[#lines + 1] = ""
  for _, line in ipairs(co_await) do lines[#lines + 1] = text_of(line, words) end
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
