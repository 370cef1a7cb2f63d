-- contexts.lua — every context-dependent explanation, from real runs: the
-- recorder gives each event its context (what came before it in the
-- frame), and explain.explain picks the text for it. Run by
-- `corolab --export dot=/dev/null contexts.lua` (the export turns the
-- recording on); prints "contexts: N explained" or raises naming the one.
local coro = require "coro"
local recorder = require "explorer.run.recorder"
local explain = require "explorer.text.explain"
local co_await, co_yield, co_return = coro.co_await, coro.co_yield, coro.co_return

local function promise(fields)
  local p = {
    get_return_object = function(pr) return coro.from_promise(pr) end,
    initial_suspend = function() return coro.suspend_always end,
    final_suspend = function() return coro.suspend_always end,
    return_void = function() end,
    unhandled_exception = function(pr, e) pr.err = e end,
  }
  for k, v in pairs(fields or {}) do p[k] = v end
  return coro.promise_type(p)
end
local P = promise()

-- ~locals after co_return (via return_void), ~locals destroy and ~awaiter
-- destroy, ~awaiter at the end of a co_await (of a temporary: a named
-- operand has none), resume(), await_resume initial
local h = coro.coroutine(P, function() co_await(coro.suspend_always) co_return() end)()
h:resume() h:resume() h:destroy()
local d = coro.coroutine(P, function()
  local x <close> = setmetatable({}, {__close = function() end})
  co_await(coro.temporary(setmetatable({}, {__name = "waiter", __close = function() end,
    __index = {await_ready = function() return false end, await_suspend = function() end,
               await_resume = function() end}})))
end)()
d:resume() d:destroy()
-- ~locals while unwinding
local u = coro.coroutine(P, function()
  local x <close> = setmetatable({}, {__close = function() end})
  error("boom", 0)
end)()
u:resume() u:destroy()
-- ~locals after flowing off
local f = coro.coroutine(P, function()
  local x <close> = setmetatable({}, {__close = function() end})
end)()
f:resume() f:destroy()
-- resume by await_suspend returning false
local b = coro.coroutine(P, function()
  co_await(coro.temporary({await_ready = function() return false end,
            await_suspend = function() return false end, await_resume = function() end}))
end)()
b:resume() b:destroy()
-- await_resume at the final suspend point (final_suspend does not suspend)
local eager_end = promise{final_suspend = function() return coro.suspend_never end}
coro.coroutine(eager_end, function() end)():resume()
-- symmetric transfer, a resume that continues it, and noop_coroutine()
local Task = require "task"
local inner = coro.coroutine(Task, function() co_return(1) end, "inner")
local outer = coro.coroutine(Task, function() co_return(co_await(inner())) end, "outer")
local t <close> = outer()
t:run()

local want = {
  ["~locals/co_return"] = "After co_return", ["~locals/destroy"] = "destroy() of a",
  ["~locals/unwinding"] = "An exception leaves the body",
  ["~locals/flowed off"] = "flowed off its end",
  ["~awaiter/co_await"] = "end of the full-expression",
  ["~awaiter/destroy"] = "the awaiter it was waiting on dies first",
  ["await_resume/initial"] = "initial-await-resume-called is true",
  ["await_resume/body"] = "value of the co_await expression",
  ["await_resume/final"] = "did not suspend, so the coroutine flows off",
  ["resume/resume()"] = "h.resume() resumes", ["resume/transfer"] = "symmetric transfer",
  ["resume/bool"] = "await_suspend returned false",
  ["return to caller/suspended"] = "stays suspended",
  ["return to caller/noop"] = "returned noop_coroutine()",
}
local seen = {}
recorder.run:sync()
for _, rec in ipairs(recorder.run.events) do
  if rec.context then seen[rec.kind .. "/" .. rec.context] = explain.explain(rec) end
end
local n = 0
for key, phrase in pairs(want) do
  local text = seen[key]
  assert(text, "no event in context " .. key)
  assert(text:find(phrase, 1, true), key .. ": '" .. text .. "' lacks '" .. phrase .. "'")
  assert(text:find("%[[%w.]+%]"), key .. ": names no rule: " .. text)
  n = n + 1
end
for _, entry in ipairs(explain.all()) do        -- every text names its rule
  assert(entry[1] == "misuse" or entry[1] == "return to caller" or
         entry[3]:find("%[[%w.]+%]"), entry[1] .. " names no rule")
end
print(("contexts: %d explained"):format(n))
