-- spin_callback.lua — a promise member that never returns: yield_value
-- loops, called by the core from co_yield. Ctrl-C (SIGINT) must stop it.
local P = {}
P.promise_type = coro.promise_type {
  __name = "Spinning",
  get_return_object   = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend     = function(p) return coro.suspend_never end,
  final_suspend       = function(p) return coro.suspend_always end,
  yield_value         = function(p, v)
    io.write("spinning\n")
    io.flush()
    while true do end
  end,
  return_void         = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}
local spin = coro.coroutine(P, function() coro.co_yield(1) end, "spin")
spin()
