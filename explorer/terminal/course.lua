-- course.lua — the lessons built into corolab (scripts/lessons): their
-- one-line summaries, finding one by name, number or a unique part, showing
-- the C++20 program beside the Lua that mirrors it, running one as its own
-- script and ending with what to take away (in the explorer's language),
-- and the learner's progress: the lessons run to their end, one name a
-- line in $COROLAB_HOME/progress (default ~/.corolab/progress). A lesson
-- file is Lua, then blocks --[==[c++ ...]==], --[==[takeaway LANG ...]==]
-- and --[==[title LANG ...]==] (English: the first comment).
local host = require "corolab.host"
local i18n = require "explorer.text.i18n"
local palette = require "explorer.terminal.palette"

local course = {}

-- a block of the lesson (e.g. "c++", "takeaway tr"), or nil
function course.block(lesson, name)
  local text = lesson.code:match("\n%-%-%[==%[" .. name:gsub("%p", "%%%0") .. "\n(.-)\n?%]==%]")
  return text
end

-- a lesson's one-line summary in the explorer's language: its "title
-- LANG" block, else (English) its first comment, after the file name
function course.summary(lesson)
  local title = course.block(lesson, "title " .. i18n.current)
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
-- is wide enough, else one after the other
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
end

-- what to take away, in the explorer's language (else English)
function course.takeaway(lesson)
  local text = course.block(lesson, "takeaway " .. i18n.current) or
               course.block(lesson, "takeaway en")
  if text then
    print(palette.paint("title", i18n.ui("take_away")))
    print(palette.fold(text:gsub("\n", " "), "  "))
  end
end

function course.folder()
  local home = os.getenv("COROLAB_HOME")
  if home and home ~= "" then return home end
  return (os.getenv("HOME") or ".") .. "/.corolab"
end

-- the set of lessons done
function course.done()
  local done = {}
  local f = io.open(course.folder() .. "/progress", "r")
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
  local f = io.open(course.folder() .. "/progress", "a")
  if not f then
    print(palette.paint("dim", i18n.ui("no_progress", course.folder() .. "/progress")))
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

-- the code of the built-in lesson a file name names (its own, or a path
-- ending in it), or nil: where a lesson that :load ran finds its source
function course.source(file)
  for _, lesson in ipairs(host.lessons()) do
    if lesson.file == file or file:match("[/\\]" .. lesson.file:gsub("%p", "%%%0") .. "$") then
      return lesson.code
    end
  end
end

function course.find(arg)
  if arg == "" then palette.fail("which lesson? :lessons lists them") end
  local all = host.lessons()
  local n = math.tointeger(tonumber(arg))
  if n and all[n] then return all[n] end
  local found = {}
  for _, lesson in ipairs(all) do
    if lesson.name == arg then return lesson end
    if lesson.name:find(arg, 1, true) then found[#found + 1] = lesson end
  end
  if #found == 1 then return found[1] end
  local names = {}
  for _, lesson in ipairs(#found > 0 and found or all) do names[#names + 1] = lesson.name end
  palette.fail(string.format("%s lesson '%s': %s", #found > 0 and "more than one" or "no",
    arg, table.concat(names, ", ")))
end

-- runs lesson arg as its own script (arg[0] is its file) through
-- run(chunk, lesson); done() afterwards, even when it failed
function course.run(arg, run, done)
  local lesson = course.find(arg)
  local chunk = assert(load(lesson.code, "@" .. lesson.file, "t"))
  print(palette.paint("title", i18n.ui("lesson", lesson.name)) .. ": " .. course.summary(lesson))
  course.show(lesson)
  local outer_arg = rawget(_G, "arg")
  _G.arg = {[0] = lesson.file}
  local ok, err = pcall(run, chunk, lesson)
  _G.arg = outer_arg
  done()
  if not ok then error(err, 0) end
  course.takeaway(lesson)
  finished(lesson)
end

return course
