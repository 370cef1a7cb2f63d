-- trace.lua — what the Lua mirrors print, in the same words as trace.hpp.
local coro = require "coro"
local T = {}

function T.say(fmt, ...) print(string.format(fmt, ...)) end
local say = T.say

function T.Local(name)               -- a <close> local says when it dies
  return setmetatable({}, {__close = function() say("~%s", name) end})
end

local Aw = {}                        -- an awaiter that says what is called
Aw.__index = Aw
Aw.__close = function(a) say("~%s", a.name) end
function Aw:await_ready() say("%s.await_ready", self.name); return self.ready end
function Aw:await_suspend(h) say("%s.await_suspend", self.name) end
function Aw:await_resume() say("%s.await_resume", self.name) end
function T.Aw(name, ready) return setmetatable({name = name, ready = ready or false}, Aw) end
T.AwMethods = Aw

T.coro = coro
return T
