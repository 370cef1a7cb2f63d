-- face.lua — the page's face of the explorer, what web/engine.c calls for
-- the page's JavaScript. run() runs a script as `corolab --export ...
-- script.lua` does: recorded from its first event, under the page's caps
-- (engine.c), breakpoints and a lesson's stops answered by the page. From
-- the run it answers the rest: the page that plays it and the record (the
-- explorer's own exporters, as the CLI writes them: "Save run" and the
-- self-test), what the terminal's replay says at an event (:goto N, then
-- :frames, :where and :show), a :predict question at an event and its
-- verdict, and the lessons, in the language asked. play() reads a run
-- record instead, as `corolab --play FILE` does (explorer/terminal/play.lua).
-- What a script prints goes to stdout, the page's console; the explorer's
-- own words go into the answer asked for.
local web = require "corolab.web"
local host = require "corolab.host"

-- the rest of the host the explorer expects, for a page: no terminal, no
-- colour, no files; its prompt and its line input answer from the page
-- (below: the replay's commands, a :predict guess)
host.color, host.tty, host.interactive = false, false, false
function host.columns() return 80 end
function host.mkdir() return false end

-- a page has no process to end: os.exit ends the script, as an error
function os.exit()
  error("os.exit: a page has no process to end; the script stops here", 2)
end

local commands = require "explorer.terminal.commands"
local course = require "explorer.terminal.course"
local debugger = require "explorer.terminal.debugger"
local i18n = require "explorer.text.i18n"
local json = require "explorer.export.json"
local palette = require "explorer.terminal.palette"
local play = require "explorer.terminal.play"
local predict = require "explorer.terminal.predict"
local recorder = require "explorer.run.recorder"
local source = require "explorer.run.source"
local words = require "web.words"

local face = {}

local run = recorder.run

-- the tape folds the records older than those the run keeps once it holds
-- twice as many (not at the terminal's two million): folding is Lua, which
-- the instruction budget counts, so a run that makes events without end
-- stops as a plain loop does, at most one fold past its budget, and the
-- tab never waits for millions of events to fold
recorder.capacity = 0

-- print, as Lua's: to stdout, or, while an answer is being made, into it
local said
function print(...)
  local n, parts = select("#", ...), {...}
  for i = 1, n do parts[i] = tostring(parts[i]) end
  local line = table.concat(parts, "\t", 1, n)
  if said then said[#said + 1] = line else io.stdout:write(line, "\n") end
end

-- what fn(...) prints, as one text (and its error's words, if it fails)
local function capture(fn, ...)
  said = {}
  local ok, err = pcall(fn, ...)
  if not ok then said[#said + 1] = tostring(err) end
  local text = table.concat(said, "\n")
  said = nil
  return text
end

local function record_at(seq)
  return run.events[(math.tointeger(tonumber(seq)) or 0) - run.dropped]
end

-- the options of a run, "key=value" lines: break=EVENT [if COND];
-- record=N, the events the recording keeps (as :record N; else its own
-- limit; 0: nothing recorded, as `corolab script.lua` with nobody
-- watching); args=A B..., the script's arguments (arg[1], ...)
local function options_of(text)
  local options = {}
  for key, value in (text or ""):gmatch("(%w+)=([^\n]*)") do options[key] = value end
  return options
end

-- the script's error as the page shows it: its message and the traceback
-- of the script, not of this file, which ran it
local function trimmed(why)
  return (why:gsub("\n\t%[C%]: in [^\n]*\n\tweb/face%.lua.*$", ""))
end

-- the lesson whose file is name and whose text is text, or nil
local function lesson_of(name, text)
  for _, lesson in ipairs(host.lessons()) do
    if "scripts/lessons/" .. lesson.file == name and lesson.code == text then return lesson end
  end
end

-- runs script text as the file name (its events say name:line): the page's
-- options, in language lang, and a lesson's stops as breakpoints; gives {status = "ok", "error", "budget" or
-- "memory", message, events, dropped, stops = {{seq, why}}} as JSON
function face.run(name, text, lang, options)
  i18n.set(lang)
  options = options_of(options)
  local stops = {}
  debugger.at_stop = function(rec, why)
    stops[#stops + 1] = json.object({{"seq", rec.seq}, {"why", why}})
    return true
  end
  local function result(status, message)
    debugger.breakpoints, debugger.stop_if = {}, nil   -- the run is over: what comes
    recorder.stop()                          -- after (a finalizer's events) is none of it
    run:trim()                               -- exactly the events kept
    return json.encode(json.object({{"status", status}, {"message", message},
      {"events", #run.events + run.dropped}, {"dropped", run.dropped},
      {"stops", json.array(stops)}}))
  end
  local keep = math.tointeger(tonumber(options.record))
  if keep ~= 0 then recorder.start() end
  if keep and keep > 0 then run:set_limit(keep) end
  if options["break"] then                   -- as :break, which the debugger listens for
    local ok, err = pcall(commands.run, "break " .. options["break"])
    if not ok then return result("error", tostring(err)) end
  end
  local lesson = lesson_of(name, text)
  if lesson then                             -- a lesson as it is: its own stops too
    local chosen = course.chooser(course.stops(lesson))
    debugger.stop_if = function(rec, ev)
      if chosen(rec, ev) then return i18n.ui("lesson_stop") end
    end
    recorder.update()
  end
  recorder.mark()
  source.fallback = function(file) return file == name and text or course.source(file) end
  commands.title = name
  local args = {}
  for word in (options.args or ""):gmatch("%S+") do args[#args + 1] = word end
  _G.arg = table.move(args, 1, #args, 1, {[0] = name})
  local chunk, err = load((text:gsub("^#[^\n]*", "")), "@" .. name, "t")
  if not chunk then return result("error", err) end
  local ok, why = web.run(chunk, table.unpack(args))
  io.stdout:flush()
  local stopped = web.stopped()
  if stopped == "memory" and (ok or not tostring(why):find("not enough memory", 1, true)) then
    stopped = nil                            -- a collection made room again
  end
  return result(stopped or (ok and "ok" or "error"), not ok and trimmed(why) or nil)
end

-- the record text, a file named name (dropped on the page or opened),
-- becomes the run, as `corolab --play name` makes it (in language lang):
-- what was wrong with it is the terminal's line on stderr, the page's
-- console; a text that is no record is {status = "error", message}. As
-- run's answer, as JSON
function face.play(name, text, lang)
  i18n.set(lang)
  local path = name:match("[^/\\]*$")      -- a file of the page's own, named as the user's
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  local ok, err = pcall(play.read, path)
  os.remove(path)
  io.stderr:flush()
  return json.encode(json.object({{"status", ok and "ok" or "error"},
    {"message", not ok and "corolab: " .. tostring(err) or nil},
    {"events", #run.events + run.dropped}, {"dropped", run.dropped}, {"stops", json.array({})}}))
end

-- the run written by the explorer's exporter, as the CLI writes it:
-- "html", the page that plays it (in language lang), or "record"
function face.export(format, lang)
  i18n.set(lang)
  local path = os.tmpname()
  commands.write(format, path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  os.remove(path)
  return text
end

-- the replay's prompt, as the page opens it: the commands it asks for
local asked = {}
function host.prompt(label)
  for _, command in ipairs(asked) do
    print("")
    print(label .. ":" .. command)
    local ok, err = pcall(commands.run, command)
    if not ok then print(tostring(err)) end
  end
  return true
end

-- what the terminal says at event seq: :goto seq, then :frames, :where and
-- :show of every frame alive then
function face.inspect(seq, lang)
  i18n.set(lang)
  local rec = record_at(seq)
  if not rec then return "no event " .. tostring(seq) end
  local frames = run:at(rec.seq - run.dropped)
  local ids = {}
  for id in pairs(frames) do ids[#ids + 1] = id end
  table.sort(ids)
  asked = {"frames", "where"}
  for _, id in ipairs(ids) do asked[#asked + 1] = "show " .. id end
  return capture(commands.run, "goto " .. rec.seq)
end

-- :predict over the recorded run. Its question at an event comes from
-- predict.ask, whose line input (host.read) gets the page's guess, or an
-- empty line (no guess) while only asking; its choices turn from one
-- question to the next (predict.turn), so each event keeps the turn it was
-- first asked at.
local guess, offered
local turns = {}
function host.read()
  offered = predict.choices
  return guess or ""
end

local function ask(rec, answer)
  turns[rec.seq] = turns[rec.seq] or predict.turn
  predict.turn, guess, offered = turns[rec.seq], answer, nil
  local text = capture(predict.ask, rec)
  guess = nil
  return text
end

-- the question after event seq: {text, choices} as JSON, or "null" when
-- the explorer asks none there
function face.question(seq, lang)
  i18n.set(lang)
  local rec = record_at(seq)
  local text = rec and ask(rec)
  if not offered then return "null" end
  return json.encode(json.object({{"text", text}, {"choices", json.array(offered)}}))
end

-- the verdict on a guess after event seq (predict.check at the next one:
-- its paragraphs unfolded, for the page wraps them to its width) and the
-- score so far: {verdict, score, right, asked} as JSON
function face.answer(seq, lang, answer)
  i18n.set(lang)
  local rec, next_rec = record_at(seq), record_at(seq + 1)
  if not (rec and next_rec) then return "null" end
  ask(rec, answer)
  local fold = palette.fold
  palette.fold = function(text) return text end
  local verdict = capture(predict.check, next_rec)
  palette.fold = fold
  return json.encode(json.object({{"verdict", verdict},
    {"score", i18n.ui("predict_score", predict.right, predict.asked)},
    {"right", predict.right}, {"asked", predict.asked}}))
end

-- the lessons: {name, file, title} each, as JSON
function face.lessons(lang)
  i18n.set(lang)
  local list = {}
  for i, lesson in ipairs(host.lessons()) do
    list[i] = json.object({{"name", lesson.name}, {"file", "scripts/lessons/" .. lesson.file},
      {"title", course.summary(lesson)}})
  end
  return json.encode(json.array(list))
end

-- one lesson: its code, its C++20 program, its take-away, as JSON
function face.lesson(name, lang)
  i18n.set(lang)
  for _, lesson in ipairs(host.lessons()) do
    if lesson.name == name then
      return json.encode(json.object({{"name", lesson.name},
        {"file", "scripts/lessons/" .. lesson.file}, {"code", lesson.code},
        {"title", course.summary(lesson)}, {"cpp", course.block(lesson, "c++")},
        {"takeaway", course.block(lesson, "takeaway " .. i18n.current) or
                     course.block(lesson, "takeaway en")}}))
    end
  end
  return "null"
end

-- the page's words in language lang, with those it takes from the
-- explorer's catalogue, as JSON
function face.words(lang)
  i18n.set(lang)
  local list = {}
  for key, text in pairs(words[i18n.current]) do list[key] = text end
  list.take_away = i18n.ui("take_away")
  list.lua = i18n.ui("cpp_and_lua")
  list.step = i18n.ui("step")
  return json.encode(list)
end

return face
