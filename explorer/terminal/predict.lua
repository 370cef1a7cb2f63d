-- predict.lua — :predict, stepping as a quiz. At each stop the learner
-- guesses which event comes next, from the few that can follow this one
-- in the standard's wrapper and co_await (so the choices are plausible and
-- the same every time); the next stop says whether the guess was right,
-- its explanation says why; the score comes when the run returns. The
-- choices' order turns from one question to the next, so the usual answer
-- is not always the first; an answer is a number or a name (Tab completes
-- the choices: explorer.complete asks predict.choices).
local host = require "corolab.host"
local i18n = require "explorer.text.i18n"
local palette = require "explorer.terminal.palette"

local predict = {on = false, asked = 0, right = 0, turn = 0}

-- what can come after each event, most usual first
local after = {
  ["operator new"] = {"parameter copies", "get_return_object_on_allocation_failure",
                      "promise_type"},
  ["parameter copies"] = {"promise_type", "get_return_object", "initial_suspend"},
  ["promise_type"] = {"get_return_object", "initial_suspend", "operator new"},
  ["get_return_object"] = {"initial_suspend", "return to caller", "resume"},
  ["initial_suspend"] = {"await_ready", "suspend", "resume"},
  ["await_transform"] = {"await_ready", "operator co_await", "suspend"},
  ["operator co_await"] = {"await_ready", "suspend", "await_resume"},
  ["await_ready"] = {"suspend", "await_resume", "await_suspend"},
  ["suspend"] = {"await_suspend", "return to caller", "await_resume"},
  ["await_suspend"] = {"return to caller", "symmetric transfer", "resume", "await_resume"},
  ["return to caller"] = {"resume", "destroy", "operator new"},
  ["resume"] = {"await_resume", "await_ready", "yield_value"},
  ["symmetric transfer"] = {"resume", "await_resume", "return to caller"},
  ["await_resume"] = {"~awaiter", "yield_value", "return_value", "await_transform"},
  ["~awaiter"] = {"yield_value", "return_value", "await_transform", "~locals"},
  ["yield_value"] = {"await_ready", "suspend", "return_value"},
  ["return_value"] = {"~locals", "final_suspend", "return_void"},
  ["return_void"] = {"~locals", "final_suspend", "destroy"},
  ["~locals"] = {"final_suspend", "~promise_type", "unhandled_exception"},
  ["throw"] = {"~locals", "unhandled_exception", "~return object"},
  ["unhandled_exception"] = {"final_suspend", "return to caller", "destroy"},
  ["final_suspend"] = {"await_ready", "suspend", "destroy"},
  ["destroy"] = {"~awaiter", "~locals", "~promise_type"},
  ["~promise_type"] = {"~parameters", "operator delete", "~locals"},
  ["~parameters"] = {"operator delete", "~promise_type", "return to caller"},
}

local pending             -- {guess, choices, seq}: the answer for event seq + 1

local function listed(list, kind)
  for _, k in ipairs(list) do if k == kind then return true end end
  return false
end

-- at a stop, before its event is announced: was the guess right?
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
    print(palette.paint("title", i18n.ui("predict_right", rec.kind)))
  else
    print(palette.paint("error", i18n.ui("predict_wrong", p.guess, rec.kind)))
  end
end

-- the choice an answer names: its number, its name, or a unique start of
-- one; nil for none
local function chosen(choices, answer)
  answer = answer:match("^%s*(.-)%s*$")
  local n = math.tointeger(tonumber(answer))
  if n then return choices[n] end
  local found
  for _, kind in ipairs(choices) do
    if kind == answer then return kind end
    if answer ~= "" and kind:sub(1, #answer) == answer then
      if found then return nil end
      found = kind
    end
  end
  return found
end

-- at a stop, after its event was shown: the question
function predict.ask(rec)
  local usual = after[rec.kind]
  if not usual then return end
  local choices = {}
  for i = 1, #usual do choices[i] = usual[(i + predict.turn - 1) % #usual + 1] end
  predict.turn = predict.turn + 1
  local shown = {}
  for i, kind in ipairs(choices) do shown[i] = i .. ") " .. kind end
  print(i18n.ui("predict_question") .. "  " .. table.concat(shown, "   "))
  predict.choices = choices
  local answer = host.read(i18n.ui("predict_prompt"))
  predict.choices = nil
  local guess = answer and chosen(choices, answer)
  if guess then
    pending = {guess = guess, choices = choices, seq = rec.seq}
  elseif answer and answer:match("%S") then
    print(palette.paint("dim", i18n.ui("predict_unknown", answer)))
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
