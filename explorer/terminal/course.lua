-- course.lua — the lessons built into corolab (scripts/lessons): their
-- one-line summaries, finding one by name or number, showing the C++20
-- program beside the Lua that mirrors it, running one as its own script
-- (stopping at the events it chose to teach, every other event shown as
-- it passes, each explanation once) or as a quiz (predict.lua), ending
-- with what to take away (in the explorer's language), and the learner's
-- progress: the lessons run to their end, one name a line in
-- $COROLAB_HOME/progress (default ~/.corolab/progress). It also finds the
-- built-in scripts by name (the lessons and the compare pairs,
-- scripts/compare), wherever corolab runs. A lesson file is Lua, then
-- blocks --[==[c++ ...]==], --[==[stops ...]==], --[==[takeaway LANG
-- ...]==] and --[==[title LANG ...]==] (English: the first comment), and
-- maybe --[==[c++ ill-formed ...]==] and --[==[c++ exempt ...]==]
-- (tests/scripts/cxx.sh).
local coro = require "coro"
local host = require "corolab.host"
local debugger = require "explorer.terminal.debugger"
local i18n = require "explorer.text.i18n"
local meaning = require "explorer.run.meaning"
local palette = require "explorer.terminal.palette"
local predict = require "explorer.terminal.predict"
local recorder = require "explorer.run.recorder"
local trace = require "explorer.terminal.trace"

local course = {}

-- a block of the lesson (e.g. "c++", "takeaway tr"), or nil
function course.block(lesson, name, lang)
  if lang then name = name .. " " .. lang end          -- "title tr", "takeaway zh"
  local text = lesson.code:match("\n%-%-%[==%[" .. name:gsub("%p", "%%%0") .. "\n(.-)\n?%]==%]")
  return text
end

-- a lesson's one-line summary in the explorer's language: its "title
-- LANG" block, else (English) its first comment, after the file name
function course.summary(lesson)
  local title = course.block(lesson, "title", i18n.current)
  if title then return title end
  local lines = {}
  for line in lesson.code:gmatch("[^\n]*") do
    local text = line:match("^%-%-%s*(.*)$")
    if not text or text == "" then break end
    lines[#lines + 1] = text
  end
  local all = table.concat(lines, " "):gsub("^%S+%.lua%s*[—-]+%s*", "")
  return all:match("^(.-%.)%s") or all
end

-- the Lua the learner reads: the code before the blocks, without the
-- header comment
local function lua_part(lesson)
  local code = lesson.code:match("^(.-)\n%-%-%[==%[") or lesson.code
  while code:match("^%-%-") do code = code:gsub("^[^\n]*\n", "", 1) end
  return (code:gsub("%s+$", ""))
end

local function lines_of(text)
  local lines = {}
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  return lines
end

-- the C++20 program and its Lua mirror: side by side where the terminal
-- is wide enough, else one after the other; then the C++ that g++
-- refuses, if the lesson is about it
function course.show(lesson)
  local cpp, lua = course.block(lesson, "c++"), lua_part(lesson)
  if not cpp then return end
  local left, right = lines_of(cpp), lines_of(lua)
  local lw, rw = 0, 0
  for _, l in ipairs(left) do lw = math.max(lw, palette.width(l)) end
  for _, l in ipairs(right) do rw = math.max(rw, palette.width(l)) end
  if lw + 3 + rw <= host.columns() then
    print(palette.paint("title", "C++20" .. string.rep(" ", lw - 2) .. i18n.ui("cpp_and_lua")))
    for i = 1, math.max(#left, #right) do
      local l = left[i] or ""
      print(l .. string.rep(" ", lw - palette.width(l)) .. palette.paint("dim", " | ") ..
        (right[i] or ""))
    end
  else
    print(palette.paint("title", "C++20"))
    print(cpp)
    print(palette.paint("title", i18n.ui("lua_after")))
    print(lua)
  end
  local refused = course.block(lesson, "c++ ill-formed")
  if refused then
    print(palette.paint("title", i18n.ui("cpp_refused")))
    print(refused)
  end
end

-- what to take away, in the explorer's language (else English)
function course.takeaway(lesson)
  local text = course.block(lesson, "takeaway", i18n.current) or
               course.block(lesson, "takeaway", "en")
  if text then
    print(palette.paint("title", i18n.ui("take_away")))
    print(palette.fold(text:gsub("\n", " "), "  "))
  end
end

-- the file NAME in folder
local function file_in(folder, name) return folder .. "/" .. name end

function course.folder()
  local home = os.getenv("COROLAB_HOME")
  if home and home ~= "" then return home end
  return (os.getenv("HOME") or ".") .. "/.corolab"
end

-- the set of lessons done
function course.done()
  local done = {}
  local f = io.open(file_in(course.folder(), "progress"), "r")
  if f then
    for name in f:lines() do done[name] = true end
    f:close()
  end
  return done
end

-- lesson ran to its end: remember it (a progress file that cannot be
-- written is said once, and the lesson still counts for this session)
local session = {}
local function finished(lesson)
  session[lesson.name] = true
  if course.done()[lesson.name] then return end
  host.mkdir(course.folder())
  local f = io.open(file_in(course.folder(), "progress"), "a")
  if not f then
    print(palette.paint("dim", i18n.ui("no_progress", file_in(course.folder(), "progress"))))
    return
  end
  f:write(lesson.name, "\n")
  f:close()
end

function course.list()
  local done = course.done()
  for i, lesson in ipairs(host.lessons()) do
    local mark = (done[lesson.name] or session[lesson.name]) and "[x]" or "[ ]"
    local head = string.format("  %s %2d %-22s ", mark, i, lesson.name)
    print(head .. palette.fold(course.summary(lesson), string.rep(" ", #head)):sub(#head + 1))
  end
  print(palette.fold(i18n.ui("lessons_end"), ""))
end

-- code the explorer runs under a file name of its own (the tour's parts),
-- by that name
course.named = {}

-- the built-in script a name means: a lesson (its name), a compare script
-- (scripts/compare: "final-suspended", with or without ".lua" or a folder
-- before it) or a named one; its code and chunk name, or nil
local function builtin(name)
  local file = name:match("([^/\\]+)$")
  if course.named[file] then return course.named[file], file end
  local base = file:gsub("%.lua$", "")
  for _, lesson in ipairs(host.lessons()) do
    if lesson.name == base then return lesson.code, lesson.file end
  end
  local code = host.resource(file_in("compare", base))
  if code then return code, base .. ".lua" end
end

-- the code of a built-in script a file name names (its own, or a path
-- ending in it), or nil: where a run that :load or :diff ran finds its
-- source (:where, the page)
function course.source(file)
  return (builtin(file))
end

-- the scripts :diff and --diff run: the code of a file, else of the
-- built-in script of that name, from any folder, and its chunk's name; or
-- nil and why not
function course.script(name)
  local f = io.open(name, "r")
  if f then
    local code = f:read("a")
    f:close()
    return code, name
  end
  local code, file = builtin(name)
  if code then return code, file end
  local names = {}
  for _, pair in ipairs(require("compare.programs").pairs) do
    names[#names + 1] = pair[1] .. " " .. pair[2]
  end
  return nil, i18n.ui("no_script", name, table.concat(names, ", "))
end

function course.find(arg)
  if arg == "" then palette.fail(i18n.ui("which_lesson")) end
  local all = host.lessons()
  local n = math.tointeger(tonumber(arg))
  if n then
    if all[n] then return all[n] end
    palette.fail(i18n.ui("no_lesson_number", arg, #all))
  end
  local found = {}
  for _, lesson in ipairs(all) do
    if lesson.name == arg then return lesson end
    if lesson.name:find(arg, 1, true) then found[#found + 1] = lesson end
  end
  if #found == 1 then return found[1] end
  local names = {}
  for _, lesson in ipairs(#found > 0 and found or all) do names[#names + 1] = lesson.name end
  palette.fail(i18n.ui(#found > 0 and "lessons_named" or "no_lesson_named", arg,
    table.concat(names, ", ")))
end

-- the lesson's stops (block "stops"), one a line: an event by its key
-- in coro.events (await_ready, operator_new, promise_construct), which of
-- its occurrences (1 3: the first and the third; none: all), and "if
-- COND", a Lua expression over the event as a breakpoint's condition sees
-- it (ev, and the record's fields: phase, context, depth...), name and
-- promise_type (its frame's); "--" starts a comment. Without the block, a
-- lesson stops at its first event.
local spellings = {}
for _, k in ipairs(coro.events) do spellings[k.key] = k.name end

local tested                               -- {rec, ev}: what a condition sees
local condition_env = setmetatable({}, {__index = function(_, k)
  if k == "ev" then return tested.ev end
  if k == "name" or k == "promise_type" then
    local f = recorder.run.frames[meaning.owner(tested.rec)]
    return f and f[k]
  end
  local v = tested.rec[k]
  if v ~= nil then return v end
  return _G[k]
end})

function course.stops(lesson)
  local text = course.block(lesson, "stops") or "operator_new 1"
  local rules = {}
  for line in text:gmatch("[^\n]+") do
    local spec = line:gsub("%-%-.*$", ""):match("^%s*(.-)%s*$")
    if spec ~= "" then
      local head, condition = spec:match("^(.-)%s+if%s+(.+)$")
      local key, counts = (head or spec):match("^(%S+)%s*(.*)$")
      local rule = {kind = spellings[key], spec = spec}
      if not rule.kind then error(i18n.ui("stops_no_event", lesson.file, key)) end
      if counts ~= "" then
        rule.nth = {}
        for n in counts:gmatch("%S+") do
          rule.nth[math.tointeger(tonumber(n)) or
            error(i18n.ui("stops_not_occurrence", lesson.file, spec))] = true
        end
      end
      if condition then
        rule.test = assert(load("return " .. condition, "=(stops)", "t", condition_env))
      end
      rules[#rules + 1] = rule
    end
  end
  return rules
end

-- a function of (rec, ev): true at the events the rules choose (each
-- counts the events of its kind whose condition holds); its second
-- result, the rules, each with hits (how many times it chose)
function course.chooser(rules)
  local seen = {}
  for _, rule in ipairs(rules) do rule.hits = 0 end
  return function(rec, ev)
    local hit = false
    for i, rule in ipairs(rules) do
      tested = {rec = rec, ev = ev}
      if rule.kind == rec.kind and (not rule.test or rule.test()) then
        seen[i] = (seen[i] or 0) + 1
        if not rule.nth or rule.nth[seen[i]] then
          rule.hits = rule.hits + 1
          hit = true
        end
      end
    end
    tested = nil
    return hit
  end, rules
end

-- every event of the lesson's run that is no stop is shown as it passes
-- (with its explanation, the first time), up to SHOWN in a row; what the
-- user runs at a stop is not the lesson's (it neither counts nor shows)
local SHOWN = 40
local shown = 0

local function narrate(rec)
  if rec == debugger.last_stop then shown = 0 return end
  if trace.on or debugger.stopped() then return end   -- :trace's, or the user's at a stop
  shown = shown + 1
  if shown < SHOWN then
    debugger.announce(i18n.ui("narrated"), rec)
  elseif shown == SHOWN then
    print(palette.paint("dim", i18n.ui("narrated_more")))
  end
end

-- runs lesson arg as its own script (arg[0] is its file), stopping at its
-- stops; quiz: as predict's questions, asked at those stops only. The
-- lesson is found before anything changes
function course.run(arg, quiz)
  local lesson = course.find(arg)
  local chunk = assert(load(lesson.code, "@" .. lesson.file, "t"))
  local chosen = course.chooser(course.stops(lesson))
  print(palette.paint("title", i18n.ui("lesson", lesson.name)) .. ": " .. course.summary(lesson))
  course.show(lesson)
  print(palette.fold(quiz and i18n.ui("quiz_stops") or i18n.ui("lesson_stops"), ""))
  local was_on, asked_at = predict.on, nil
  predict.on = quiz or was_on
  if quiz then predict.only = function(rec) return rec == asked_at end end
  debugger.stop_if = function(rec, ev)
    if quiz and not predict.on then return nil end   -- the quiz was left: run on
    if debugger.stopped() then return nil end        -- the user's own, at a stop
    if chosen(rec, ev) then
      asked_at = rec
      return i18n.ui("lesson_stop")
    end
  end
  debugger.seen, shown = {}, 0
  recorder.listen(narrate)
  local outer_arg = rawget(_G, "arg")
  _G.arg = {[0] = lesson.file}
  local ok, err = pcall(chunk)
  _G.arg = outer_arg
  recorder.unlisten(narrate)
  debugger.stop_if, debugger.seen, predict.only = nil, nil, nil
  debugger.ready()
  if quiz then predict.on = was_on end
  if not ok then error(err, 0) end
  course.takeaway(lesson)
  finished(lesson)
end

return course
