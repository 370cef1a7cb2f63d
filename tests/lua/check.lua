-- check.lua — what the Lua tests share: assertions, and promise types and
-- awaiters that log every call, so a test compares the exact sequence.
local coro = require "coro"
local M = {}

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" then return tostring(v) end
  local parts = {}
  for i, x in ipairs(v) do parts[i] = show(x) end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function same(a, b)
  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
  for k, v in pairs(a) do if not same(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

function M.eq(got, want, what)
  if not same(got, want) then
    if type(got) == "table" and type(want) == "table" and #got > 0 then
      for i = 1, math.max(#got, #want) do      -- the first difference
        if not same(got[i], want[i]) then
          error(("%s: at [%d]: got %s, want %s\n  got:  %s\n  want: %s"):format(
            what or "eq", i, show(got[i]), show(want[i]), show(got), show(want)), 2)
        end
      end
    end
    error(("%s: got %s, want %s"):format(what or "eq", show(got), show(want)), 2)
  end
end

-- f(...) must raise an error whose text contains each of the plain strings
function M.raises(texts, f, ...)
  local ok, err = pcall(f, ...)
  if ok then error("expected an error containing " .. show(texts), 2) end
  for _, t in ipairs(type(texts) == "table" and texts or {texts}) do
    if not tostring(err):find(t, 1, true) then
      error(("error %s does not contain %q"):format(show(tostring(err)), t), 2)
    end
  end
  return err
end

-- a log and the function that appends to it
function M.log()
  local log = {}
  return log, function(s) log[#log + 1] = s end
end

-- an awaiter named name that logs its members: opts.ready (await_ready's
-- result), opts.suspend (await_suspend's result, or a function(h)),
-- opts.value (await_resume's), opts.raise = {member = error value}
function M.awaiter(name, rec, opts)
  opts = opts or {}
  local raise = opts.raise or {}
  local function member(m, f)
    return function(self, ...)
      rec(name .. "." .. m)
      if raise[m] ~= nil then error(raise[m], 0) end
      return f(self, ...)
    end
  end
  local aw = {name = name}
  local mt = {__index = {
    await_ready = member("await_ready", function() return opts.ready or false end),
    await_suspend = member("await_suspend", function(_, h)
      if type(opts.suspend) == "function" then return opts.suspend(h) end
      return opts.suspend
    end),
    await_resume = member("await_resume", function() return opts.value end),
  }, __close = function() rec("~" .. name) end}
  return setmetatable(aw, mt)
end

-- a promise type that logs its members; Return objects hold the handle in h
-- and destroy the frame at scope exit (__close). opts: value (return_value
-- instead of return_void), initial/final (awaiters: default logging
-- suspend_always-like), yield, transform, swallow (unhandled_exception keeps
-- the error in p.err instead of rethrowing), raise = {member = error value}
function M.promise_type(rec, opts)
  opts = opts or {}
  local raise = opts.raise or {}
  local Return = {}
  Return.__index = Return
  Return.__close = function(r) if r.h and coro.info(r.h) then r.h:destroy() end end
  local function member(m, f)
    return function(...)
      rec(m)
      if raise[m] ~= nil then error(raise[m], 0) end
      return f(...)
    end
  end
  local t = {
    __name = opts.name or "traced",
    new = opts.new,
    get_return_object = member("get_return_object", function(p)
      return setmetatable({h = coro.from_promise(p)}, Return)
    end),
    initial_suspend = member("initial_suspend", function()
      return opts.initial and opts.initial() or M.awaiter("initial", rec)
    end),
    final_suspend = member("final_suspend", function()
      return opts.final and opts.final() or M.awaiter("final", rec)
    end),
    unhandled_exception = member("unhandled_exception", function(p, err)
      if opts.swallow then p.err = err else error(err, 0) end
    end),
    __close = function() rec("~promise") end,
  }
  if opts.value then
    t.return_value = member("return_value", function(p, v) p.value = v end)
  else
    t.return_void = member("return_void", function() end)
  end
  if opts.yield ~= false then
    t.yield_value = member("yield_value", function(p, v)
      p.current = v
      return opts.yield and opts.yield(v) or coro.suspend_always
    end)
  end
  if opts.transform then
    t.await_transform = member("await_transform", opts.transform)
  end
  Return.promise_type = coro.promise_type(t)
  return Return
end

-- a lazy promise type whose handle is the return object, rethrowing what
-- the body raises; the members in extra override (or add to) these
function M.lazy(extra)
  local t = {
    get_return_object = function(p) return coro.from_promise(p) end,
    initial_suspend = function() return coro.suspend_always end,
    final_suspend = function() return coro.suspend_always end,
    return_void = function() end,
    unhandled_exception = function(p, e) error(e, 0) end,
  }
  for k, v in pairs(extra or {}) do t[k] = v end
  return coro.promise_type(t)
end

-- a local that logs its destruction (a <close> variable of a body)
function M.local_(name, rec)
  rec(name)
  return setmetatable({}, {__close = function() rec("~" .. name) end})
end

return M
