-- meaning.lua — what a record means, which depends on what came before it
-- in its frame: the frame it is about, the part of the standard's wrapper
-- the frame is in (phase), the moment that picks its explanation
-- (context), whether a resume only continues a transfer (continued), and
-- what a member returned, which only the frame's next record tells
-- (result); an exception's value, as the argument of throw and
-- unhandled_exception, at the place it was thrown. Why an event happened
-- is its cause (coro's ev.cause), never the words of its detail, which
-- are for people.
local meaning = {}

-- the frame a record is about ("return to caller": the one returning)
function meaning.owner(rec)
  return rec.kind == "return to caller" and rec.other or rec.frame
end

-- a resume that ends a symmetric transfer, or comes of await_suspend
-- returning false: no resume() of anyone's
local function continues(rec)
  return rec.kind == "resume" and rec.cause ~= "resume_called"
end

-- which co_await of the standard's wrapper the frame is in: "prologue",
-- "initial", "body" (after the initial await_resume) or "final"
local function advance_phase(f, rec)
  local k = rec.kind
  if k == "initial_suspend" then f.phase = "initial"
  elseif k == "final_suspend" then f.phase = "final"
  elseif k == "yield_value" or k == "await_transform" then f.phase = "body" end
  rec.phase = f.phase or "prologue"
  if k == "await_resume" and f.phase == "initial" then f.phase = "body" end
end

-- the context of a resume, and of a return to the caller, by its cause
local resumes = {transferred = "transfer", returned_false = "bool"}
local returns = {returned_noop = "noop", resumed_before_await_suspend = "observer",
  destroyed_before_await_suspend = "observer"}

-- what an event means depends on what came before it in the frame: the
-- locals die after co_return, while unwinding an error, after flowing off
-- the end, or in destroy(); an awaiter dies at the end of its co_await or
-- in destroy(); a resume is a resume(), the end of a transfer, or
-- await_suspend returning false
local function context_of(f, rec)
  local k = rec.kind
  if k == "~locals" then
    return f.destroying and "destroy" or f.last == "throw" and "unwinding"
      or (f.last == "return_value" or f.last == "return_void") and "co_return"
      or "flowed off"
  elseif k == "~awaiter" then
    return f.destroying and "destroy" or "co_await"
  elseif k == "await_resume" then
    return rec.phase == "initial" and "initial" or rec.phase == "final" and "final" or "body"
  elseif k == "resume" then
    return resumes[rec.cause] or "resume()"
  elseif k == "return to caller" then
    return returns[rec.cause] or "suspended"
  end
end

local function note_context(f, rec)
  local k = rec.kind
  rec.context = context_of(f, rec)
  if k == "destroy" then f.destroying = true end
  if k == "throw" or k == "return_value" or k == "return_void" then f.last = k end
end

-- What a member returned is known at the frame's next record: await_ready
-- was false if the frame suspends next, true if await_resume follows;
-- await_suspend's result is what control did next (its cause);
-- the awaitable a member or operator returned is named by the next step
-- of its co_await. run.pending[id]: the frame's last record still waiting.
local makes_awaitable = {
  initial_suspend = true, final_suspend = true, yield_value = true,
  await_transform = true, ["operator co_await"] = true,
}
local takes_awaitable = {
  await_transform = true, ["operator co_await"] = true, await_ready = true,
  suspend = true,
}
local suspend_results = {
  returned_void = "void", returned_true = "true", returned_false = "false",
  returned_noop = "noop_coroutine()",
}

local function result_of(run, p, rec)
  if p.kind == "await_ready" then
    if rec.kind == "suspend" then return "false" end
    if rec.kind == "await_resume" then return "true" end
  elseif p.kind == "await_suspend" then
    if rec.kind == "symmetric transfer" then return "handle " .. run:label(rec.frame) end
    return suspend_results[rec.cause]
  elseif makes_awaitable[p.kind] and takes_awaitable[rec.kind] and rec.detail ~= "" then
    return rec.detail
  end
end

-- what the bindings tell with the event after the member returned
-- (ev.returned: the value itself)
local returns_value = {get_return_object = true, await_resume = true}

-- whether rec's member gives a result that a later record tells
function meaning.returns_later(rec)
  local k = rec.kind
  return k == "await_ready" or k == "await_suspend" or makes_awaitable[k] or
    returns_value[k] or false
end

local function settle(run, id, rec)
  local p = run.pending[id]
  if not p then return end
  run.pending[id] = nil
  p.result = result_of(run, p, rec)
end

-- an exception's records: the throw out of the body, and the
-- unhandled_exception of the wrapper's handler that catches it
local errors = {throw = true, unhandled_exception = true}

function meaning.is_error(rec)
  return errors[rec.kind] == true
end

-- the exception's value as the runtime gives it: its message (detail),
-- without the traceback that follows it
function meaning.error_of(rec)
  return rec.detail:match("^(.-)\nstack traceback:\n") or rec.detail
end

-- an exception's value is its record's argument, quoted on one line (when
-- the event did not give it); unhandled_exception is about the exception
-- thrown at the throw's place
local function note_error(f, rec)
  if rec.args == nil then
    rec.args = (string.format("%q", meaning.error_of(rec)):gsub("\\\n", "\\n"))
  end
  if rec.kind == "throw" then f.thrown_at = rec.where
  elseif rec.where == nil then rec.where = f.thrown_at end
end

-- rec, about to join run: what it means, and what it tells of earlier ones
function meaning.note(run, rec)
  if continues(rec) then rec.continued = true end
  local id = meaning.owner(rec)
  settle(run, rec.kind == "symmetric transfer" and rec.other or id, rec)
  if rec.kind == "await_suspend" or rec.kind == "await_ready" or makes_awaitable[rec.kind] then
    run.pending[id] = rec
  end
  if id ~= 0 then
    local f = run:frame(id)
    if rec.kind == "promise_type" and not f.promise_type then f.promise_type = rec.detail end
    advance_phase(f, rec)
    note_context(f, rec)
    if errors[rec.kind] then note_error(f, rec) end
  end
end

-- what a member returned, given as text when its value comes (a Lua
-- get_return_object's object, await_resume's value): it belongs to the
-- last call of that member among the run's latest records
function meaning.returned(run, member, text)
  local events = run.events
  for i = #events, math.max(1, #events - 64), -1 do
    local rec = events[i]
    if rec.kind == member then
      if rec.result == nil then rec.result = text end
      return
    end
  end
end

return meaning
