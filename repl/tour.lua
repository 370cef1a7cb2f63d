-- tour.lua — :tour, the guided tour for newcomers: a generator and a task,
-- written in Lua with C++'s names, run one lifecycle event at a time, each
-- event explained (the explanations are explain.lua's, as for :step), with
-- :frames, :show and :where on the way. Its code runs in an environment of
-- its own: the user's globals stay as they were. On a terminal it waits
-- for Enter after each event; 'q' runs the rest quietly.
local host = require "corolab.host"
local debugger = require "corolab.debugger"
local palette = require "corolab.palette"
local recorder = require "corolab.recorder"

local tour = {}

local parts = {
  {
    title = "1. A generator",
    intro = "A generator's promise type stores each co_yield'ed value. initial_suspend "
      .. "returns suspend_always, so calling range(2) only builds the frame.",
    code = [[
Generator = {}
Generator.__index = Generator
Generator.promise_type = coro.promise_type {
  __name = "Generator::promise_type",
  get_return_object   = function(p) return setmetatable({h = coro.from_promise(p)}, Generator) end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return coro.suspend_always end,
  yield_value         = function(p, v) p.current = v; return coro.suspend_always end,
  return_void         = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}
range = coro.coroutine(Generator, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")]],
    steps = {
      "g = range(2)                 -- the call: frame, promise, return object, initial suspend",
      ":frames",
      ":show g",
      "g.h:resume()                 -- runs the body up to co_yield 0",
      ":where g",
      "print(g.h:promise().current) -- the consumer reads the value from the promise",
      "g.h:resume()                 -- on to co_yield 1",
      "g.h:resume()                 -- off the end: return_void, final suspend",
      "print(g.h:done())            -- suspended at the final suspend point",
      "g.h:destroy()                -- the frame dies",
    },
  },
  {
    title = "2. A task awaiting a task",
    intro = "A task is lazy too. co_await inner() starts inner by symmetric transfer; "
      .. "inner's final awaiter transfers back to outer, the coroutine that awaited it.",
    code = [[
Task = {}
Task.__index = Task
Task.promise_type = coro.promise_type {
  __name = "Task::promise_type",
  get_return_object   = function(p) return setmetatable({h = coro.from_promise(p)}, Task) end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return {
    await_ready   = function() return false end,
    await_suspend = function(_, h) return h:promise().continuation or coro.noop_coroutine() end,
    await_resume  = function() end,
  } end,
  return_value        = function(p, v) p.value = v end,
  unhandled_exception = function(p, err) p.err = err end,
}
function Task:await_ready() return self.h:done() end
function Task:await_suspend(h) self.h:promise().continuation = h; return self.h end
function Task:await_resume() return self.h:promise().value end
inner = coro.coroutine(Task, function() coro.co_return(42) end, "inner")
outer = coro.coroutine(Task, function()
  local t = inner()
  local v = coro.co_await(t)       -- a task is its own awaiter
  t.h:destroy()                    -- what ~task() would do
  coro.co_return(v * 2)
end, "outer")]],
    steps = {
      "t = outer()                  -- lazy: suspended at its initial suspend point",
      "t.h:resume()                 -- outer runs, awaits inner: transfer, and back",
      "print(t.h:promise().value)   -- 84",
      "t.h:destroy()",
    },
  },
}

local quiet                                   -- 'q' was typed

local function pause()
  if quiet or not host.interactive then return end
  local answer = host.read(palette.paint("dim", "  [Enter] next event, q: run the rest quietly "))
  if answer == nil or answer == false or answer:match("^%s*q") then quiet = true end
end

local function narrate(rec)
  if quiet then return end
  debugger.announce("event", rec)
  pause()
end

local env                                     -- the tour's globals

-- a line of the tour: Lua, or an explorer command (":frames"), whose
-- expressions see the tour's globals
local function run(src)
  if src:match("^:") then
    local explorer = require "corolab.explorer"   -- it requires this module
    local saved = {}
    for k, v in pairs(env) do saved[k] = rawget(_G, k) rawset(_G, k, v) end
    local ok, err = pcall(explorer.command, src:sub(2))
    for k in pairs(env) do rawset(_G, k, saved[k]) end
    if not ok then error(err, 0) end
    return
  end
  local chunk = assert(load(src, "=tour", "t", env))
  chunk()
end

local function say(text)
  if not quiet then print(text) end
end

function tour.run()
  quiet = false
  env = setmetatable({}, {__index = _G})
  say(palette.paint("title", "corolab tour") .. ": every step a C++ compiler generates for a " ..
    "coroutine, one event at a time.")
  for _, part in ipairs(parts) do
    say("\n" .. palette.paint("title", part.title) .. "\n" .. part.intro .. "\n")
    say(palette.paint("value", part.code) .. "\n")
    run(part.code)
    for _, step in ipairs(part.steps) do
      say(palette.paint("cursor", "> " .. step))
      recorder.listen(narrate)
      local ok, err = pcall(run, step)
      recorder.unlisten(narrate)
      if not ok then error(err, 0) end
    end
  end
  print("\nThat was the whole lifecycle. Now explore on your own: :step h walks a coroutine " ..
    "event by event,\n:break EVENT stops in one, :where shows the wrapper, :frames and :show " ..
    "look at frames.\nNext: :lessons lists the lessons, one concept each (:lesson 1 starts " ..
    "the first); :help lists all.")
end

return tour
