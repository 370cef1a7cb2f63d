-- play.lua — :play FILE and corolab --play FILE: a run record (what
-- corolab/trace.hpp wrote for a real C++20 program, or an export of the
-- explorer's) becomes the run the explorer looks at, read by
-- run/playback.lua. :log, :goto, :back, :replay, :where, :frames, :show
-- and every export then work on it as on a run recorded live; nothing
-- runs, and nothing of the live runtime is recorded while it plays. What
-- was wrong with the record, if anything, is one line on stderr; it plays
-- up to its last whole event.
local i18n = require "explorer.text.i18n"
local palette = require "explorer.terminal.palette"
local playback = require "explorer.run.playback"
local recorder = require "explorer.run.recorder"
local source = require "explorer.run.source"
local trace = require "explorer.terminal.trace"

local play = {}

-- a problem of playback.lua's in words: {key, values...}, its key's
-- pattern with the values, each a problem of its own worded in place (a
-- frame's state: {"state", key})
local function worded(problem, ...)
  if problem[1] == "state" then return i18n.state(problem[2]) end
  local values = {...}
  for i = 2, #problem do
    local v = problem[i]
    values[#values + 1] = type(v) == "table" and worded(v) or v
  end
  return i18n.ui(problem[1], table.unpack(values))
end

-- the problem with the record at path, in words
function play.words(problem, path)
  return worded(problem, path)
end

-- the record at path, read into run (empty), or (no run) into the
-- explorer's, which it then is; gives what it is. What was wrong with it
-- is said on stderr; a file that is no record fails, leaving every run
-- as it was
function play.read(path, run)
  local opened, why = playback.open(path)
  if not opened then palette.fail(play.words(why, path)) end
  local info, problem = playback.fill(opened, run or recorder.play())
  info.file = path
  if not run then recorder.played = info end
  source.folders[#source.folders + 1] = path:match("^(.*)/[^/]*$") or "."
  if problem then palette.warn(play.words(problem, path)) end
  return info
end

-- path's record becomes the explorer's run; with :trace on, every event
-- is printed
function play.file(path)
  play.read(path)
  if trace.on then
    for _, rec in ipairs(recorder.run.events) do print(trace.line(rec)) end
  end
end

-- what plays, in one line
function play.summary()
  local info = recorder.played
  local title = (info.title or info.file):gsub("^corolab — ", "")
  local n = recorder.run.dropped + #recorder.run.events
  print(palette.fold(info.compiler and i18n.ui("played_traced", info.file, n, title,
    info.compiler) or i18n.ui("played", info.file, n, title), ""))
end

return play
