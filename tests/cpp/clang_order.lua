-- clang_order.lua MIRROR.lua [args...] — runs a mirror with coro.order =
-- "clang": where C++ leaves an order unspecified, corolab makes clang 14's
-- choice, so the mirror must print what clang++ prints (clang.sh).
require("coro").order = "clang"
local script = assert(arg[1], "usage: clang_order.lua MIRROR.lua [args...]")
arg = {[0] = script, table.unpack(arg, 2)}
dofile(script)
