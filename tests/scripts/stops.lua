-- stops.lua — every lesson's stops (its block "stops", course.lua) are
-- considered ones: the lesson's first event is a stop, every line of the
-- block chooses at least one event, a lesson stops at most MAX times, and
-- at each stop where :predict asks, the event that comes next is among
-- its choices (so every question of the quiz can be answered right).
-- Run by the corolab binary: corolab stops.lua; prints "stops: N lessons,
-- N stops".
local course = require "explorer.terminal.course"
local host = require "corolab.host"
local predict = require "explorer.terminal.predict"
local recorder = require "explorer.run.recorder"

local MAX = 16

recorder.start()
local total, lessons = 0, 0
for _, lesson in ipairs(host.lessons()) do
  local chosen, rules = course.chooser(course.stops(lesson))
  local events, stops = {}, {}
  local function listen(rec, ev)
    events[#events + 1] = rec
    if chosen(rec, ev) then stops[#stops + 1] = #events end
  end
  recorder.listen(listen)
  local quiet, write = print, io.write
  print, io.write = function() end, function() end  -- the lesson's own output
  _G.arg = {[0] = lesson.file}
  local ok, err = pcall(assert(load(lesson.code, "@" .. lesson.file, "t")))
  print, io.write = quiet, write
  recorder.unlisten(listen)
  assert(ok, lesson.name .. ": " .. tostring(err))
  local where = lesson.name .. ": stops: "
  assert(stops[1] == 1, where .. "the first event (" .. events[1].kind .. ") is no stop")
  assert(#stops <= MAX, where .. #stops .. " stops, more than " .. MAX)
  for _, rule in ipairs(rules) do
    assert(rule.hits > 0, where .. "'" .. rule.spec .. "' chooses no event")
  end
  for _, i in ipairs(stops) do
    local at, after = events[i], events[i + 1]
    local choices = predict.candidates(at.kind)
    if choices and after then
      local listed = false
      for _, kind in ipairs(choices) do listed = listed or kind == after.kind end
      assert(listed, string.format("%sthe quiz at event %d (%s) cannot be answered: %s "
        .. "comes next, not one of %s", where, at.seq, at.kind, after.kind,
        table.concat(choices, ", ")))
    end
  end
  total, lessons = total + #stops, lessons + 1
end
print(("stops: %d lessons, %d stops"):format(lessons, total))
