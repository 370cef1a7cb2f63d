-- lifecycle.lua — the snapshots explorer/run/lifecycle.lua works out for a
-- record that carries none (a traced C++ program's) against the runtime's
-- own: each run record given (the lessons' exports, whose snapshots the
-- tape took live) is played twice, as it is and without its snapshots,
-- and at every event a traced record can have (not those of
-- playback.unseen) every frame alive has the same state, resumer and way
-- it was resumed in both; and the order lifecycle.fits asks for holds in
-- every one of them. Run by `corolab lifecycle.lua RECORD...`; prints
-- "lifecycle: N events of M runs agree".
local json = require "explorer.export.json"
local lifecycle = require "explorer.run.lifecycle"
local playback = require "explorer.run.playback"
local record = require "explorer.run.record"

local unseen = {}
for _, kind in ipairs(playback.unseen) do unseen[kind] = true end

local function same(a, b)
  return a.state == b.state and a.resumed_by == b.resumed_by and a.how == b.how
end

local checked = 0
for _, path in ipairs(arg) do
  local lines = {}
  for line in io.lines(path) do lines[#lines + 1] = line end
  local live, derived, state = record.new(), record.new(), lifecycle.new()
  for i = 2, #lines - 1 do
    local e = assert(json.decode((lines[i]:gsub(",$", ""))), path .. ": not JSON")
    local function seen(keep)
      return {kind = e.kind, frame = e.frame, other = e.other, depth = e.depth,
        index = e.index, cause = e.cause, detail = e.detail, where = e.where, args = e.args,
        result = e.result, changes = keep and e.changes or nil, gone = keep and e.gone or nil}
    end
    local why = lifecycle.fits(state, e)
    assert(not why, string.format("%s: event %d (%s of #%d) does not fit: %s", path, e.seq,
      e.kind, e.frame, why and why[1]))
    live:add(seen(true))
    local rec = derived:add(seen(false))
    rec.changes, rec.gone = lifecycle.note(state, derived, rec)
    if not unseen[e.kind] then
      local want, got = live:at(#live.events), derived:at(#derived.events)
      for id, s in pairs(want) do
        local t = got[id]
        assert(t and same(s, t), string.format("%s: at event %d (%s) frame #%d is %s, "
          .. "resumed by %s (%s), as the runtime saw it; worked out: %s", path, e.seq, e.kind, id,
          s.state, s.resumed_by, s.how, t and (t.state .. ", resumed by " ..
          tostring(t.resumed_by) .. " (" .. tostring(t.how) .. ")") or "not alive"))
      end
      for id in pairs(got) do
        assert(want[id], string.format("%s: at event %d frame #%d is alive only as worked out",
          path, e.seq, id))
      end
      checked = checked + 1
    end
  end
end
print(string.format("lifecycle: %d events of %d runs agree", checked, #arg))
