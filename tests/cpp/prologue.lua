-- prologue.lua — mirror of prologue.cpp.
local T = require "trace"
local coro, say, Local = T.coro, T.say, T.Local

local stage = ""
local function maybe(here)
  if stage == here then say("throw in %s", here); error(here, 0) end
end

local Init = setmetatable({}, {__close = function() say("~initial") end})
function Init.await_ready() say("initial.await_ready"); maybe("await_ready"); return false end
function Init.await_suspend() say("initial.await_suspend"); maybe("await_suspend"); return false end
function Init.await_resume() say("initial.await_resume"); maybe("await_resume") end

local Eager = {__close = function() say("~Eager") end}
Eager.promise_type = coro.promise_type {
  new = function(p) say("promise_type()"); maybe("promise_type") end,
  __close = function(p) say("~promise_type") end,
  get_return_object = function(p)
    say("get_return_object"); maybe("get_return_object")
    return setmetatable({}, Eager)
  end,
  initial_suspend = function(p) say("initial_suspend"); maybe("initial_suspend"); return Init end,
  final_suspend = function(p) say("final_suspend"); return coro.suspend_never end,
  return_void = function(p) say("return_void") end,
  unhandled_exception = function(p, err) say("unhandled_exception"); error(err, 0) end,
}

local eager = coro.coroutine(Eager, function()
  local l <close> = Local("local")
  say("body")
  maybe("body")
  coro.co_return()
end)

for _, s in ipairs {"promise_type", "get_return_object", "initial_suspend",
                    "await_ready", "await_suspend", "await_resume", "body", "none"} do
  stage = s
  say("== %s", s)
  local ok, err = pcall(function()
    local e <close> = eager()
    say("returned")
  end)
  if not ok then say("caught %s", tostring(err):match("^[^\n]*")) end
end
