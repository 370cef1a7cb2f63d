-- where.lua — :where. The standard's coroutine wrapper (DESIGN.md) with a
-- cursor at the step an event belongs to, the expansion of co_await when
-- the step is part of one, and the chain of who resumed whom (symmetric
-- transfers included) at that moment.
local host = require "corolab.host"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"
local trace = require "explorer.terminal.trace"

local where = {}

-- the text of "file:line": from the file, or from the lesson of that name
-- built into corolab (:load); nil if neither has it
local sources = {}
function where.source_lines(file)
  if sources[file] == nil then
    local text
    local f = io.open(file, "r")
    if f then text = f:read("a") f:close() end
    if not text then
      for _, lesson in ipairs(host.lessons()) do
        if lesson.file == file or file:match("[/\\]" .. lesson.file:gsub("%p", "%%%0") .. "$")
        then text = lesson.code end
      end
    end
    local lines = {}
    for line in (text or ""):gmatch("([^\n]*)\n?") do lines[#lines + 1] = line end
    sources[file] = lines
  end
  return sources[file]
end

function where.source_line(place)
  local file, line = (place or ""):match("^(.-):(%d+)$")
  if not file then return nil end
  local text = where.source_lines(file)[tonumber(line)]
  return text and text:match("^%s*(.-)%s*$") or nil
end

-- the wrapper; each line lists the events that put the cursor on it
local wrapper = {
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
-- them all)
function where.text()
  local lines = {}
  for _, line in ipairs(wrapper) do lines[#lines + 1] = line[1] end
  lines[#lines + 1] = ""
  for _, line in ipairs(co_await) do lines[#lines + 1] = line[1] end
  return lines
end

-- the lines of where.text() the cursor is on at rec (a set of indices),
-- and whether rec is a step of a co_await
function where.cursor(rec)
  local in_await = false
  for _, line in ipairs(co_await) do if lists(line, rec.kind) then in_await = true end end
  local at = {}
  for i, line in ipairs(wrapper) do
    if lists(line, rec.kind) or (in_await and line.phase == rec.phase) then at[i] = true end
  end
  for i, line in ipairs(co_await) do
    if lists(line, rec.kind) then at[#wrapper + 1 + i] = true end
  end
  return at, in_await
end

local function print_lines(lines, from, to, at)
  for i = from, to do
    if at[i] then print(palette.paint("cursor", "=> " .. lines[i]))
    else print("   " .. lines[i]) end
  end
end

-- the resume chain (recorder.chain, or one replay.lua followed), in words
function where.chain(chain)
  local parts, deepest = {}, 0
  for depth in pairs(chain) do deepest = math.max(deepest, depth) end
  for depth = 1, deepest do
    local entry = chain[depth]
    if not entry then                       -- began before the recording did
      parts[#parts + 1] = depth == 1 and "..." or " -> ..."
    else
      local text = depth == 1 and (recorder.label(entry.by) .. " resumed ") or " -> resumed "
      local hops = {}
      for _, id in ipairs(entry.path) do hops[#hops + 1] = recorder.label(id) end
      hops[#hops + 1] = recorder.label(entry.frame)
      parts[#parts + 1] = text .. table.concat(hops, " => transferred to ")
    end
  end
  return parts
end

-- rec: the event to show (a stop, or a frame's last event); chain: the
-- resume chain at it (at first, recorder.chain: now)
function where.show(rec, chain)
  local frame = recorder.owner(rec)
  print(palette.paint("title", string.format("%s at event %d: %s%s", recorder.label(frame),
    rec.seq, trace.call(rec), rec.where and ("  @ " .. rec.where) or "")))
  local text = where.source_line(rec.where)
  if text then print("   " .. palette.paint("dim", rec.where:match("(%d+)$") .. " | ") .. text) end
  local lines, at, in_await = where.text(), where.cursor(rec)
  print_lines(lines, 1, #wrapper, at)
  if in_await then
    print()
    print_lines(lines, #wrapper + 2, #lines, at)
  end
  print()
  chain = where.chain(chain or recorder.chain)
  if #chain == 0 then print("resume chain: nothing is running now")
  else print("resume chain: " .. table.concat(chain, "")) end
end

return where
