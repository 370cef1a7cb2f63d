-- recording.lua — what the explorer's recording costs (the records that
-- :log, :replay, :diff and the exported page read, the frames' snapshots
-- included): run by corolab, a generator with a promise type written in
-- Lua, stepped N times, once unobserved and once recorded; prints the
-- time and the Lua heap per recorded event, and the unobserved time per
-- event of the same run, as "key value" lines.
local coro = require "coro"
local recorder = require "explorer.run.recorder"

local n = math.tointeger(tonumber(arg[1])) or 10000
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
local count = coro.coroutine(Counter, function(k)
  for i = 1, k do coro.co_yield(i) end
end, "count")

local function run()
  local c = count(n)
  local sum = 0
  while not c.h:done() do
    c.h:resume()
    if not c.h:done() then sum = sum + c.h:promise().current end
  end
  c.h:destroy()
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

recorder.run:set_limit(math.maxinteger)              -- keep every event
recorder.start()
local before, events0 = heap(), #recorder.run.events
t0 = os.clock()
run()
local recorded = os.clock() - t0
local events = #recorder.run.events - events0
local bytes = heap() - before

print(string.format("rec_events %d", events))
print(string.format("rec_bytes_per_event %.1f", bytes / events))
print(string.format("rec_us_per_event %.3f", recorded / events * 1e6))
print(string.format("rec_plain_us_per_event %.3f", plain / events * 1e6))
