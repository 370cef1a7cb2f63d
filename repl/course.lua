-- course.lua — the lessons built into corolab (scripts/lessons): their
-- one-line summaries, finding one by name, number or a unique part, running
-- one as its own script, and the learner's progress: the lessons run to
-- their end, one name a line in $COROLAB_HOME/progress (default
-- ~/.corolab/progress).
local host = require "corolab.host"
local palette = require "corolab.palette"

local course = {}

-- a lesson's one-line summary: its first comment, after the file name
function course.summary(lesson)
  local lines = {}
  for line in lesson.code:gmatch("[^\n]*") do
    local text = line:match("^%-%-%s*(.*)$")
    if not text or text == "" then break end
    lines[#lines + 1] = text
  end
  local all = table.concat(lines, " "):gsub("^%S+%.lua%s*[—-]+%s*", "")
  return all:match("^(.-%.)%s") or all
end

local function folder()
  local home = os.getenv("COROLAB_HOME")
  if home and home ~= "" then return home end
  return (os.getenv("HOME") or ".") .. "/.corolab"
end

-- the set of lessons done
function course.done()
  local done = {}
  local f = io.open(folder() .. "/progress", "r")
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
  host.mkdir(folder())
  local f = io.open(folder() .. "/progress", "a")
  if not f then
    print(palette.paint("dim", "(cannot keep the progress in " .. folder() .. "/progress)"))
    return
  end
  f:write(lesson.name, "\n")
  f:close()
end

function course.list()
  local done = course.done()
  for i, lesson in ipairs(host.lessons()) do
    local mark = (done[lesson.name] or session[lesson.name]) and "[x]" or "[ ]"
    print(string.format("  %s %2d %-22s %s", mark, i, lesson.name, course.summary(lesson)))
  end
  print("(:lesson N or :load NAME runs one, stopping at its first suspension; "
    .. ":predict NAME steps it as a quiz)")
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
  print(palette.paint("title", "lesson " .. lesson.name) .. ": " .. course.summary(lesson))
  local outer_arg = rawget(_G, "arg")
  _G.arg = {[0] = lesson.file}
  local ok, err = pcall(run, chunk, lesson)
  _G.arg = outer_arg
  done()
  if not ok then error(err, 0) end
  finished(lesson)
end

return course
