-- recording.lua — what the explorer's recording costs at the prompt: run
-- by corolab, recording as the prompt records (recorder.start, the
-- default limit), a generator stepped N times, once unobserved and once
-- recorded; then the first look (the run's records made from the tape, as
-- :log, :where, :replay, :diff and an export need them). KIND: "lua" (a
-- promise type written in Lua, its limit raised to keep every record:
-- the most a kept record costs) or "builtin" (coro.generator, as the
-- issue's 200,000-yield loop). Prints "key value" lines, keys rec_KIND_*:
-- time per event recorded, unobserved and at the first look; bytes per
-- event held by the tape (C and Lua) and by the records kept after it.
local coro = require "coro"
local recorder = require "explorer.run.recorder"

local n = math.tointeger(tonumber(arg[1])) or 10000
local kind = arg[2] or "lua"

local Counter = {}
Counter.promise_type = coro.promise_type {
  __name = "Counter::promise_type",
  get_return_object = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend = function(p) return coro.suspend_always end,
  final_suspend = function(p) return coro.suspend_always end,
  yield_value = function(p, v) p.current = v return coro.suspend_always end,
  return_void = function(p) end,
  unhandled_exception = function(p, err) error(err, 0) end,
}
local counter = coro.coroutine(Counter, function(k)
  for i = 1, k do coro.co_yield(i) end
end, "count")
local numbers = coro.coroutine(coro.generator, function(k)
  for i = 1, k do coro.co_yield(i) end
end, "numbers")

local function run()
  local sum = 0
  if kind == "builtin" then
    local g = numbers(n)
    while true do
      local v = g:next()
      if v == nil then break end
      sum = sum + v
    end
  else
    local c = counter(n)
    while not c.h:done() do
      c.h:resume()
      if not c.h:done() then sum = sum + c.h:promise().current end
    end
    c.h:destroy()
  end
  assert(sum == n * (n + 1) // 2, "wrong sum " .. sum)
end

local function heap()
  collectgarbage()
  collectgarbage()
  return collectgarbage("count") * 1024
end

run()                                            -- warm up
local t0 = os.clock()
run()
local plain = os.clock() - t0

local rec = recorder.run
if kind == "lua" then rec:set_limit(math.maxinteger) end      -- keep every event
recorder.start()
local before = heap()
t0 = os.clock()
run()
local recorded = os.clock() - t0
local events = rec:count()
local tape_bytes = select(2, recorder.recording())
local raw = heap() - before + tape_bytes
t0 = os.clock()
rec:sync()                                       -- the first look
local look = os.clock() - t0
local kept = #rec.events
local bytes = heap() - before

local function key(name, value, format)
  print(string.format("rec_%s_%s " .. format, kind, name, value))
end
key("events", events, "%d")
key("kept", kept, "%d")
key("us_per_event", recorded / events * 1e6, "%.3f")
key("plain_us_per_event", plain / events * 1e6, "%.3f")
key("look_us_per_event", look / events * 1e6, "%.3f")
key("raw_bytes_per_event", raw / events, "%.1f")
key("bytes_per_kept", bytes / kept, "%.1f")
