-- destructors.lua SCRIPT.lua [args...] — runs a mirror (or a lesson) and
-- checks that every event naming a destructor names one C++ runs: after
-- "~awaiter X" or "~temporary X", if the object X has a __close (its
-- destructor: the mirrors' print the line the C++ program prints there),
-- that __close runs next, before any other event or printed line. An object
-- the co_await does not destroy there (a named operand, an lvalue) must get
-- no such event ([expr.await]/3, [class.temporary]/4). The object: ev.args[1]
-- where the event carries it, else the awaiter of that name coro.glance saw
-- at the co_await's earlier events. Prints "destructors: N events, M
-- closes checked" and exits 0, or names the first wrong event.
local coro = require "coro"
local script = assert(arg[1], "usage: destructors.lua SCRIPT.lua [args...]")
arg = {[0] = script, table.unpack(arg, 2)}

local log = {}                       -- events, closes and printed lines, in order
local function add(entry) log[#log + 1] = entry end

-- every __close, as it runs: each metatable given to setmetatable
local watched = setmetatable({}, {__mode = "k"})
local set = setmetatable
function setmetatable(t, mt)         -- luacheck: ignore (the test's own)
  if type(mt) == "table" and not watched[mt] and type(rawget(mt, "__close")) == "function" then
    local close = rawget(mt, "__close")
    watched[mt] = true
    rawset(mt, "__close", function(o, ...)
      add{close = o}
      return close(o, ...)
    end)
  end
  return set(t, mt)
end
local print_, write = print, io.write
function print(...) add{line = true}; return print_(...) end
function io.write(...) add{line = true}; return write(...) end

local awaiters = {}                  -- frame id -> name -> the awaiter seen
local destructive = {["~awaiter"] = true, ["~temporary"] = true}
coro.observe(function(ev)
  if ev.handle and not destructive[ev.kind] then
    local _, _, _, awaiter = coro.glance(ev.handle)
    if awaiter ~= nil and ev.detail ~= "" then
      awaiters[ev.frame] = awaiters[ev.frame] or {}
      awaiters[ev.frame][ev.detail] = awaiter
    end
  end
  local object = ev.args and ev.args[1]
  if object == nil and awaiters[ev.frame] then object = awaiters[ev.frame][ev.detail] end
  add{event = ev.kind, detail = ev.detail, object = object}
end)

dofile(script)

local events, closes = 0, 0
for i, e in ipairs(log) do
  if destructive[e.event] then
    events = events + 1
    local mt = getmetatable(e.object)
    if type(mt) == "table" and watched[mt] then
      local nxt = log[i + 1]
      if not (nxt and nxt.close == e.object) then
        error(("%s: event %d, %s %s: its object has a destructor (__close), which "
               .. "does not run there: C++ destroys no such object at this point "
               .. "[class.temporary]/4, [expr.await]/3"):format(script, i, e.event, e.detail), 0)
      end
      closes = closes + 1
    end
  end
end
print_(("destructors: %d events, %d closes checked"):format(events, closes))
