-- predict.lua — :predict, stepping as a quiz. At a stop the learner
-- guesses which event comes next, from the few that can follow this one
-- in the standard's wrapper and co_await (so the choices are plausible and
-- the same every time); the guess steps on by itself to the next event,
-- which says whether it was right, with the score so far, and when it was
-- wrong, why that guess could not come next, citing the rule (the
-- catalogue's section predict: a text for each pair of an event and a
-- choice after it). In a lesson (course.lua) only its chosen stops ask.
-- The choices' order turns from one question to the next, so the usual
-- answer is not always the first; an answer is a number or a name (Tab
-- completes the choices: explorer.complete asks predict.choices), or an
-- explorer command (:where, :show h), and never runs as Lua.
local host = require "corolab.host"
local i18n = require "explorer.text.i18n"
local palette = require "explorer.terminal.palette"

local predict = {
  on = false, asked = 0, right = 0, turn = 0,
  only = nil,            -- fn(rec): ask at this stop? (a lesson's chosen stops)
}

-- what can come after each event, most usual first
local after = {
  ["operator new"] = {"parameter copies", "get_return_object_on_allocation_failure",
                      "promise_type"},
  ["parameter copies"] = {"promise_type", "get_return_object", "initial_suspend"},
  ["promise_type"] = {"get_return_object", "initial_suspend", "parameter copies"},
  ["get_return_object"] = {"initial_suspend", "return to caller", "convert return object"},
  ["initial_suspend"] = {"await_ready", "suspend", "await_transform", "~return object"},
  ["await_transform"] = {"await_ready", "operator co_await", "suspend"},
  ["operator co_await"] = {"await_ready", "suspend", "await_resume"},
  ["await_ready"] = {"suspend", "await_resume", "await_suspend"},
  ["suspend"] = {"await_suspend", "return to caller", "await_resume"},
  ["await_suspend"] = {"return to caller", "symmetric transfer", "resume", "await_resume"},
  ["return to caller"] = {"resume", "destroy", "operator new"},
  ["resume"] = {"await_resume", "await_ready", "yield_value"},
  ["symmetric transfer"] = {"resume", "await_resume", "return to caller"},
  ["await_resume"] = {"~awaiter", "yield_value", "return_value", "~promise_type"},
  ["~awaiter"] = {"yield_value", "return_value", "~locals", "~promise_type"},
  ["yield_value"] = {"await_ready", "suspend", "return_value"},
  ["return_value"] = {"~locals", "final_suspend", "return_void"},
  ["return_void"] = {"final_suspend", "~locals", "destroy"},
  ["~locals"] = {"final_suspend", "return_void", "unhandled_exception", "~promise_type"},
  ["throw"] = {"~locals", "unhandled_exception", "~return object"},
  ["unhandled_exception"] = {"final_suspend", "return to caller", "destroy"},
  ["final_suspend"] = {"await_ready", "suspend", "destroy"},
  ["destroy"] = {"~awaiter", "~locals", "~promise_type"},
  ["~promise_type"] = {"~parameters", "operator delete", "~locals"},
  ["~parameters"] = {"operator delete", "~promise_type", "return to caller"},
}

-- the key of the catalogue's text on choice coming after event
local function why_key(event, choice) return event .. " > " .. choice end

-- the choices after an event of kind, most usual first (nil: no question)
function predict.candidates(kind) return after[kind] end

-- every key the catalogue's section predict must have (tests)
function predict.keys()
  local out = {}
  for event, choices in pairs(after) do
    for _, choice in ipairs(choices) do out[#out + 1] = why_key(event, choice) end
  end
  table.sort(out)
  return out
end

local pending             -- {guess, choices, seq, after}: the answer for event seq + 1

local function listed(list, kind)
  for _, k in ipairs(list) do if k == kind then return true end end
  return false
end

-- at a stop, before its event is announced: was the guess right? (a
-- wrong one is told why it could not come next)
function predict.check(rec)
  local p = pending
  pending = nil
  if not p or rec.seq ~= p.seq + 1 then return end  -- ran on (:continue)
  if not listed(p.choices, rec.kind) then
    print(palette.paint("dim", i18n.ui("predict_unlisted", rec.kind)))
    return
  end
  predict.asked = predict.asked + 1
  if rec.kind == p.guess then
    predict.right = predict.right + 1
    print(palette.paint("title", i18n.ui("predict_right", rec.kind, predict.right,
      predict.asked)))
  else
    print(palette.paint("error", i18n.ui("predict_wrong", p.guess, rec.kind, predict.right,
      predict.asked)))
    print(palette.fold(i18n.ui("predict_why", i18n.text("predict", why_key(p.after, p.guess))),
      "     "))
  end
end

-- the choice an answer names: its number, its name, or a unique start of
-- one; nil for none
local function chosen(choices, answer)
  local n = math.tointeger(tonumber(answer))
  if n then return choices[n] end
  local found
  for _, kind in ipairs(choices) do
    if kind == answer then return kind end
    if kind:sub(1, #answer) == answer then
      if found then return nil end
      found = kind
    end
  end
  return found
end

-- an explorer command typed at the question: run, and the question asked
-- again; true when it leaves the stop (:continue, :step)
local function command(line)
  local commands = require "explorer.terminal.commands"    -- it requires this module
  local ok, left = pcall(commands.run, line:sub(2))
  if not ok then io.stderr:write("corolab: ", tostring(left), "\n") end
  return ok and left == "leave"
end

-- at a stop, after its event was shown: the question, if this stop asks
-- one. How to go on: "step" (a guess: on to the next event, which answers
-- it), "run" (skipped, or no question at a lesson's other events: on to
-- the next stop), "leave" (a command left the stop) or nil (the stop's
-- prompt: no guess, out of a lesson)
function predict.ask(rec)
  local quiz = predict.only ~= nil
  if quiz and not predict.only(rec) then return "run" end
  local usual = after[rec.kind]
  if not usual then return quiz and "run" or nil end
  local choices = {}
  for i = 1, #usual do choices[i] = usual[(i + predict.turn - 1) % #usual + 1] end
  predict.turn = predict.turn + 1
  local shown = {}
  for i, kind in ipairs(choices) do shown[i] = i .. ") " .. kind end
  print(i18n.ui("predict_question") .. "  " .. table.concat(shown, "   "))
  while true do
    predict.choices = choices
    local answer = host.read(quiz and i18n.ui("predict_prompt_lesson") or
      i18n.ui("predict_prompt"))
    predict.choices = nil
    if not answer then                        -- Ctrl-D or Ctrl-C: no more questions
      print(i18n.ui("predict_left"))
      predict.on = false
      return quiz and "run" or nil
    end
    answer = answer:match("^%s*(.-)%s*$")
    if answer == "" then return quiz and "run" or nil end
    if answer:match("^:") then
      if command(answer) then return "leave" end
    else
      local guess = chosen(choices, answer)
      if guess then
        pending = {guess = guess, choices = choices, seq = rec.seq, after = rec.kind}
        return "step"
      end
      print(palette.paint("dim", i18n.ui("predict_unknown", answer, #choices)))
    end
  end
end

-- back at the prompt: the score of the run, if there were guesses
function predict.score()
  pending, predict.turn = nil, 0
  if predict.asked == 0 then return end
  print(i18n.ui("predict_score", predict.right, predict.asked))
  predict.asked, predict.right = 0, 0
end

return predict
