-- test_tape.lua — coro.tape: the runtime's events recorded in C, read back
-- later: each record's fields, its values (kept where they cannot change,
-- else made text by the tape's renderers), the snapshots of the frames it
-- changed, events that nest in the recording of another, the alarm, close.
local coro = require "coro"
local C = require "check"

local kinds, causes = {}, {}
for i, k in ipairs(coro.events) do kinds[i] = k.name end
for i, k in ipairs(coro.causes) do causes[i] = k.key end

local rendered                         -- what the renderers were given
local function renderers(extra)
  rendered = {}
  local r = {
    promise = function(p) rendered[#rendered + 1] = p return "promise text" end,
    brief = function(v) rendered[#rendered + 1] = v return "brief text" end,
    args = function(list, n) rendered[#rendered + 1] = list return "args " .. n end,
    alarm = function() end, kinds = kinds, causes = causes,
  }
  for k, v in pairs(extra or {}) do r[k] = v end
  return r
end

local P = coro.promise_type {
  __name = "P",
  get_return_object = function(p) return coro.from_promise(p) end,
  initial_suspend = function() return coro.suspend_always end,
  final_suspend = function() return coro.suspend_always end,
  yield_value = function(p, v) p.current = v return coro.suspend_always end,
  return_void = function() end,
  unhandled_exception = function(p, e) error(e, 0) end,
}
local gen = coro.coroutine(P, function(v) coro.co_yield(v) end, "gen")

local function kindsof(list)
  local out = {}
  for i, rec in ipairs(list) do out[i] = rec.kind end
  return out
end

test("tape: the records of a call, read in parts, oldest first", function()
  local tape = coro.tape(renderers())
  local h = gen(7)
  tape:close()
  C.eq(tape:count(), 9)
  C.eq(tape:pending(), 9)
  local first = tape:read(2)
  C.eq(tape:pending(), 7)
  local rest = tape:read()
  C.eq(tape:pending(), 0)
  C.eq(kindsof(first), {"operator new", "parameter copies"})
  C.eq(kindsof(rest), {"promise_type", "get_return_object", "initial_suspend", "await_ready",
                       "suspend", "await_suspend", "return to caller"})
  local ready = rest[4]
  C.eq({ready.frame, ready.other, ready.depth, ready.cause, ready.detail},
       {first[2].frame, 0, 0, "initial_suspend", "suspend_always"})
  C.eq(first[2].name, "gen")                 -- met first: its names
  C.eq(first[2].promise_type, "P")
  C.eq(rest[1].name, nil)
  C.eq(first[2].args, {7, n = 1})            -- a plain argument, kept
  h:destroy()
end)

test("tape: a frame's snapshot when it changes: a copy of a plain promise, the awaiter", function()
  local h = gen({1})                         -- a table: no plain value
  local tape = coro.tape(renderers())
  h:resume()                                 -- yields the table
  tape:close()
  local snaps = {}
  for _, rec in ipairs(tape:read()) do
    for _, s in ipairs(rec.snaps or {}) do snaps[#snaps + 1] = {rec.kind, s} end
  end
  C.eq(snaps[1][1], "resume")                -- the first look: all of it
  C.eq(snaps[1][2].promise, {})
  C.eq(snaps[1][2].awaiter, "suspend_always")  -- resumed from initial_suspend's
  C.eq(coro.states[snaps[1][2].state + 1].key, "running")
  local changed = false
  for _, s in ipairs(snaps) do
    if s[2].promise == "promise text" then changed = true end
  end
  C.eq(changed, true, "p.current a table: the promise made text, at once")
  local args, promise = rendered[1], rendered[2]
  C.eq(args, {{1}}, "yield_value's argument, a table: made text at once")
  C.eq(rawequal(promise, h:promise()), true, "then the promise holding it")
  h:destroy()
end)

test("tape: events a renderer makes nest in the one being recorded, after it", function()
  local victim = gen(1)
  local h = gen({})
  local tape
  tape = coro.tape(renderers {
    promise = function() if victim then victim:destroy() victim = nil end return "x" end,
  })
  h:resume()
  tape:close()
  local list = tape:read()
  local at
  for i, rec in ipairs(list) do
    if rec.kind == "destroy" then at = at or i end
  end
  C.eq(kindsof({list[at], list[at + 1], list[at + 2], list[at + 3]}),
       {"destroy", "~promise_type", "~parameters", "operator delete"})
  C.eq(list[at].snaps, nil, "nested: fields alone")
  h:destroy()
end)

test("tape: the alarm, once, at the count asked; a closed tape records no more", function()
  local rang = 0
  local tape
  tape = coro.tape(renderers {alarm = function() rang = rang + 1 end})
  tape:alarm(3)
  local h = gen(1)
  C.eq(rang, 1)
  tape:close()
  h:destroy()
  C.eq(tape:count(), 9)
end)

test("tape: read while it records an event is refused", function()
  local tape
  local err
  tape = coro.tape(renderers {
    promise = function() err = select(2, pcall(tape.read, tape)) return "x" end,
  })
  local h = gen({})
  h:resume()
  tape:close()
  C.eq(err:match("the tape is recording an event") ~= nil, true, err)
  h:destroy()
end)
