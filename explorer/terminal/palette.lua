-- palette.lua — presentation on the terminal: colours (none with NO_COLOR
-- or when stdout is not a terminal), text measured and folded to its width,
-- what a recorded run holds in words, and fail(), the error of a command
-- used wrongly (shown without a traceback).
local host = require "corolab.host"

local palette = {}

local codes = {
  title = "1", kind = "36", frame = "33", dim = "2", cursor = "1;32",
  error = "31", value = "35",
}

function palette.paint(style, text)
  text = tostring(text)
  if not host.color then return text end
  return "\27[" .. codes[style] .. "m" .. text .. "\27[0m"
end

-- the width of text on a terminal: one column a character, two for the
-- wide ones (CJK and the like)
function palette.width(text)
  local w = 0
  for _, c in utf8.codes(text, true) do w = w + ((c >= 0x1100 and c <= 0x115F or
    c >= 0x2E80 and c <= 0xA4CF or c >= 0xAC00 and c <= 0xD7A3 or
    c >= 0xF900 and c <= 0xFAFF or c >= 0xFF00 and c <= 0xFF60) and 2 or 1) end
  return w
end

-- punctuation a line must not begin with (it stays with the character
-- before it)
local closing = {}
for _, c in utf8.codes("，。、：；！？）」』】》") do closing[c] = true end

-- the pieces a line may break between: words, and each wide character on
-- its own (Chinese has no spaces), a piece glued to the space before it
local function pieces(text)
  local out = {}
  for word in text:gmatch("%S+") do
    local run, first = "", true
    for _, c in utf8.codes(word, true) do
      local ch = utf8.char(c)
      if closing[c] and run == "" and #out > 0 then
        out[#out][1] = out[#out][1] .. ch
      elseif closing[c] then
        run = run .. ch
      elseif palette.width(ch) == 2 then
        if run ~= "" then out[#out + 1] = {run, first} first = false end
        out[#out + 1] = {ch, first}
        first, run = false, ""
      else
        run = run .. ch
      end
    end
    if run ~= "" then out[#out + 1] = {run, first} end
  end
  return out
end

-- explanations are long lines; fold them for the terminal
function palette.fold(text, indent)
  local lines, line, width = {}, indent, palette.width(indent)
  for _, piece in ipairs(pieces(text)) do
    local word, spaced = piece[1], piece[2]
    local w = palette.width(word)
    if width + w + 1 > 79 and line ~= indent then
      lines[#lines + 1] = line
      line, width, spaced = indent, palette.width(indent), false
    end
    local sep = (line ~= indent and spaced) and " " or ""
    line, width = line .. sep .. word, width + #sep + w
  end
  lines[#lines + 1] = line
  return table.concat(lines, "\n")
end

-- what run holds, for messages: "16 events", or "the last 100000 of 250000
-- events (the 150000 before were dropped: :record N keeps more)"
function palette.extent(run)
  run:trim()
  local n = #run.events
  if run.dropped == 0 then return n .. " events" end
  return string.format("the last %d of %d events (the %d before were dropped: "
    .. ":record N keeps more)", n, n + run.dropped, run.dropped)
end

local Failure = {__tostring = function(e) return e.message end}

function palette.fail(message)
  error(setmetatable({message = message}, Failure))
end

return palette
