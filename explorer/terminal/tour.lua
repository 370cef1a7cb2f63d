-- tour.lua — :tour, the guided tour for newcomers, about five minutes
-- (at most 25 presses of Enter, about 1,000 words): a generator and a
-- task, written in Lua with C++'s names, run one lifecycle event at a
-- time, with :step, :where, a breakpoint (whose stop the
-- tour answers itself) and an export on the way, ending at :lessons. Each
-- kind of event is shown the first time it happens in each of its
-- meanings (later ones are counted), and the key kinds explained once
-- (explain.lua's words, as for :step). Its words are the catalogue's
-- (text/LANG.lua, section tour). Its code runs in an environment of its
-- own (the user's globals stay as they were), as chunks named after its
-- parts (tour-generator.lua, tour-task.lua), which the page shows as the
-- body's source. On a terminal it waits for Enter after each step; 'q'
-- runs the rest quietly.
local host = require "corolab.host"
local course = require "explorer.terminal.course"
local debugger = require "explorer.terminal.debugger"
local explain = require "explorer.text.explain"
local i18n = require "explorer.text.i18n"
local palette = require "explorer.terminal.palette"
local recorder = require "explorer.run.recorder"
local trace = require "explorer.terminal.trace"

local tour = {}

-- each part: its code, named file, and its steps: a line of Lua or an
-- explorer command, and the key of its note; at_stop: what the tour types
-- at the breakpoint's stop, after: the command it types after the step
-- (the breakpoint deleted); steps: a :step whose first stops the tour
-- walks on with :step, then :continue
local parts = {
  {
    title = "generator", intro = "generator_intro", file = "tour-generator.lua",
    code = [[
Generator = {}
Generator.promise_type = coro.promise_type {
  __name = "Generator::promise_type",
  get_return_object   = function(p) return {h = coro.from_promise(p)} end,
  initial_suspend     = function(p) return coro.suspend_always end,
  final_suspend       = function(p) return coro.suspend_always end,
  yield_value         = function(p, v) p.current = v; return coro.suspend_always end,
  return_void         = function(p) end,
  unhandled_exception = function(p, err) p.err = err end,
}
range = coro.coroutine(Generator, function(n)
  for i = 0, n - 1 do coro.co_yield(i) end
end, "range")]],
    steps = {
      {"g = range(2)", "call"},
      {":step g", "step", steps = 3},
      {":where g", "where"},
      {":break yield_value", "break"},
      {"g.h:resume()", "stop_resume", at_stop = {"print(ev.args[1], p.current)", "value"},
       after = ":delete %s"},
      {"g.h:resume()", "last_resume"},
      {"g.h:destroy()", "destroy"},
    },
  },
  {
    title = "task", intro = "task_intro", file = "tour-task.lua",
    code = [[
inner = coro.coroutine(coro.task, function() coro.co_return(42) end, "inner")
outer = coro.coroutine(coro.task, function()
  local v = coro.co_await(coro.temporary(inner()))   -- co_await inner();
  coro.co_return(v * 2)
end, "outer")]],
    steps = {
      {"t = outer()", "task_call"},
      {"print(t:run())", "task_run"},
      {"t:close()", "task_close"},
      {":export html %s", "export"},
    },
  },
}

-- the events whose explanation the tour shows (the first time it is met)
local explained = {
  ["get_return_object"] = true, ["suspend"] = true, ["resume"] = true,
  ["yield_value"] = true, ["final_suspend"] = true, ["destroy"] = true,
  ["symmetric transfer"] = true, ["return_value"] = true,
}

local quiet                                   -- 'q' was typed
local waited                                  -- nothing printed since the last pause

local function pause()
  if quiet or waited or not host.interactive then return end
  local answer = host.read(palette.paint("dim", i18n.text("tour", "pause")))
  if answer == nil or answer == false or answer:match("^%s*q") then quiet = true end
  waited = true
end

local function say(text)
  if quiet then return end
  print(text)
  waited = false
end

local env                                     -- the tour's globals
local stopped                                 -- the event a stop announced
local shown                                   -- what the tour has shown: kind/context
local folded = 0                              -- events not shown since the last shown

-- the events a step made but did not show: one line that counts them
local function fold()
  if folded > 0 then say(palette.paint("dim", i18n.text("tour", "folded"):format(folded))) end
  folded = 0
end

-- an event at a stop or as it passes: shown the first time its kind has
-- that meaning, with the explanation of a key kind the first time; else
-- counted
local function announce(why, rec)
  local key = rec.kind .. "/" .. tostring(rec.context)
  if shown[key] then
    folded = folded + 1
    return
  end
  shown[key] = true
  fold()
  local text = explained[rec.kind] and not shown[rec.kind] and explain.explain(rec)
  shown[rec.kind] = true
  say(palette.paint("title", why) .. "  " .. trace.line(rec))
  if text then say(palette.paint("dim", palette.fold(text, "     "))) end
end

local function narrate(rec)
  if quiet or rec == stopped then return end
  announce(i18n.ui("narrated"), rec)
end

-- a line of the tour: Lua, or an explorer command (":frames"), whose
-- expressions see the tour's globals; name: the chunk's
local function run(src, name)
  if src:match("^:") then
    local commands = require "explorer.terminal.commands"   -- it requires this module
    local saved = {}
    for k, v in pairs(env) do saved[k] = rawget(_G, k) rawset(_G, k, v) end
    local ok, err = pcall(commands.run, src:sub(2))
    for k in pairs(env) do rawset(_G, k, saved[k]) end
    if not ok then error(err, 0) end
    return
  end
  local chunk = assert(load(src, name or "=tour", "t", env))
  chunk()
end

-- "> code    -- note", the note folded under itself
local function show_step(prompt, src, note)
  local line = prompt .. src
  line = line .. string.rep(" ", math.max(1, 32 - #line)) .. "-- "
  local text = palette.fold(i18n.text("tour", note), string.rep(" ", #line))
  say(palette.paint("cursor", line .. text:sub(#line + 1)))
end

-- a stop is always shown
local function announce_stop(why, rec)
  stopped = rec
  shown[rec.kind .. "/" .. tostring(rec.context)] = nil
  announce(why, rec)
end

-- the breakpoint's stop: the tour types its line, then :continue
local function answer(step)
  return function(rec, why)
    stopped = rec
    if quiet then return true end
    announce_stop(why, rec)
    say(palette.fold(i18n.text("tour", "at_stop"), ""))
    local prompt = "(" .. rec.kind .. ") "
    show_step(prompt, step.at_stop[1], step.at_stop[2])
    run(step.at_stop[1])
    say(palette.paint("cursor", prompt .. ":continue"))
    return true
  end
end

-- a :step's stops: the tour types :step at the first few, then :continue
local function stepper(step)
  local left = step.steps
  return function(rec, why)
    stopped = rec
    if quiet then return debugger.continue() end
    announce_stop(why, rec)
    left = left - 1
    local prompt = "(" .. rec.kind .. ") "
    if left > 0 then
      say(palette.paint("cursor", prompt .. ":step"))
      return true
    end
    say(palette.paint("cursor", prompt .. ":continue"))
    return debugger.continue()
  end
end

function tour.run()
  quiet, waited, stopped, shown, folded = false, false, nil, {}, 0
  env = setmetatable({}, {__index = _G})
  local file = course.folder() .. "/tour.html"
  local breakpoint
  say(palette.fold(palette.paint("title", i18n.text("tour", "title")) .. ": " ..
    i18n.text("tour", "intro"), ""))
  local ok, err = pcall(function()
    for _, part in ipairs(parts) do
      say("\n" .. palette.paint("title", i18n.text("tour", part.title)))
      say(palette.fold(i18n.text("tour", part.intro), "") .. "\n")
      say(palette.paint("value", part.code) .. "\n")
      course.named[part.file] = part.code
      run(part.code, "@" .. part.file)
      for _, step in ipairs(part.steps) do
        local export = step[1]:match("^:export")
        local src = step[1]:format(export and file or breakpoint)
        if export then host.mkdir(course.folder()) end
        show_step("> ", src, step[2])
        debugger.at_stop = step.at_stop and answer(step) or step.steps and stepper(step)
        recorder.listen(narrate)
        local ran, why = pcall(run, src)
        recorder.unlisten(narrate)
        debugger.at_stop = nil
        if not ran then error(why, 0) end
        fold()
        if src:match("^:break") then breakpoint = #debugger.breakpoints > 0 and
          debugger.breakpoints[#debugger.breakpoints].number end
        if step.after then
          local after = step.after:format(breakpoint)
          say(palette.paint("cursor", "> " .. after))
          run(after)
        end
        pause()
      end
    end
  end)
  debugger.at_stop = nil
  if not ok then error(err, 0) end
  quiet = false
  print(palette.fold(i18n.text("tour", "exported"):format(file), ""))
  print(palette.fold(i18n.text("tour", "closing"), ""))
end

return tour
