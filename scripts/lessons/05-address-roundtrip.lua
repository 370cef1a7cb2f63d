-- 05-address-roundtrip.lua — a handle is one pointer, the frame's address.
-- from_address(address()) gives the same handle back; with the promise
-- type it is typed, without it type-erased (coroutine_handle<>), and an
-- erased handle has no promise().
local here = arg and arg[0] and arg[0]:match("^(.*)/") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local coro = require "coro"
local Generator = require "generator"

local count = coro.coroutine(Generator, function()
  coro.co_yield("first")
end, "count")

local g <close> = count()
g:next()
local a = g.h:address()
local typed = coro.from_address(a, Generator.promise_type)
local erased = coro.from_address(a)
print("same handle:", typed == g.h, erased == g.h)
print("typed promise:", typed:promise().current)
local ok, err = pcall(erased.promise, erased)
print("erased promise:", ok, (tostring(err):gsub("^.-promise", "promise", 1)))
