-- palette.lua — presentation on the terminal: colours (none with NO_COLOR
-- or when stdout is not a terminal), text measured, padded and folded to
-- its width (a Chinese line breaks between words, never inside one the
-- catalogue lists), what a recorded run holds in words, and fail(), the
-- error of a command used wrongly (shown without a traceback). Every word
-- it prints comes from the catalogue (i18n.ui).
local host = require "corolab.host"
local i18n = require "explorer.text.i18n"

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

local function wide(c)
  return c >= 0x1100 and c <= 0x115F or c >= 0x2E80 and c <= 0xA4CF or
    c >= 0xAC00 and c <= 0xD7A3 or c >= 0xF900 and c <= 0xFAFF or
    c >= 0xFF00 and c <= 0xFF60
end

-- the width of text on a terminal: one column a character, two for the
-- wide ones (CJK and the like)
function palette.width(text)
  local w = 0
  for _, c in utf8.codes(text, true) do w = w + (wide(c) and 2 or 1) end
  return w
end

-- text and spaces up to width columns (text wider than that: as it is)
function palette.pad(text, width)
  return text .. string.rep(" ", width - palette.width(text))
end

-- punctuation a line must not begin with (it stays with the piece before
-- it), and punctuation it must not end with (it stays with the next)
local closing, opening = {}, {}
for _, c in utf8.codes("，。、：；！？）」』】》”’") do closing[c] = true end
for _, c in utf8.codes("（「『【《“‘") do opening[c] = true end

-- the catalogue's words a line never breaks inside, by first character:
-- longest first
local lexicon = {lang = nil, first = {}}
local function words_from(c)
  if lexicon.lang ~= i18n.current then
    lexicon.lang, lexicon.first = i18n.current, {}
    for _, word in ipairs(i18n.catalogue().words) do
      local cs = {}
      for _, ch in utf8.codes(word) do cs[#cs + 1] = ch end
      local list = lexicon.first[cs[1]] or {}
      list[#list + 1] = cs
      lexicon.first[cs[1]] = list
    end
    for _, list in pairs(lexicon.first) do table.sort(list, function(a, b) return #a > #b end) end
  end
  return lexicon.first[c]
end

-- the longest catalogue word at cs[i] (codepoints), as its length; 1 if none
local function word_at(cs, i)
  for _, word in ipairs(words_from(cs[i]) or {}) do
    local n = #word
    local same = i + n - 1 <= #cs
    for k = 1, n do same = same and cs[i + k - 1] == word[k] end
    if same then return n end
  end
  return 1
end

-- the pieces a line may break between: words, and in a run of wide
-- characters (Chinese has no spaces) each catalogue word, else each
-- character, on its own; a piece knows if a space came before it
local function pieces(text)
  local out = {}
  for chunk in text:gmatch("%S+") do
    local cs = {}
    for _, c in utf8.codes(chunk, true) do cs[#cs + 1] = c end
    local piece, spaced, glue = "", true, false
    local function emit()
      if piece ~= "" then out[#out + 1] = {piece, spaced} spaced = false end
      piece = ""
    end
    local i = 1
    while i <= #cs do
      local c = cs[i]
      if closing[c] then
        if piece == "" and #out > 0 and not spaced then out[#out][1] = out[#out][1] .. utf8.char(c)
        else piece = piece .. utf8.char(c) end
        i = i + 1
      elseif opening[c] then
        emit()
        piece, glue = utf8.char(c), true
        i = i + 1
      elseif wide(c) then
        if not glue then emit() end
        local n = word_at(cs, i)
        piece = piece .. utf8.char(table.unpack(cs, i, i + n - 1))
        glue = false
        emit()
        i = i + n
      else
        if piece ~= "" and not glue and wide(utf8.codepoint(piece, utf8.offset(piece, -1))) then
          emit()
        end
        glue = false
        piece = piece .. utf8.char(c)
        i = i + 1
      end
    end
    emit()
  end
  return out
end

-- a long text folded into lines of at most width columns (79 by
-- default), each after indent
function palette.fold(text, indent, width)
  width = width or 79
  local lines, line, used = {}, indent, palette.width(indent)
  for _, piece in ipairs(pieces(text)) do
    local word, spaced = piece[1], piece[2]
    local w = palette.width(word)
    if used + w + 1 > width and line ~= indent then
      lines[#lines + 1] = line
      line, used = indent, palette.width(indent)
    end
    local sep = (line ~= indent and spaced) and " " or ""
    line, used = line .. sep .. word, used + #sep + w
  end
  lines[#lines + 1] = line
  return table.concat(lines, "\n")
end

-- what run holds, for messages: "16 events", or "the last 100000 of 250000
-- events (the 150000 before were dropped: :record N keeps more)"
function palette.extent(run)
  run:trim()
  local n = #run.events
  if run.dropped == 0 then return i18n.ui("extent", n) end
  return i18n.ui("extent_dropped", n, n + run.dropped, run.dropped)
end

local Failure = {__tostring = function(e) return e.message end}

-- the error of a command used wrongly: message, already in words
function palette.fail(message)
  error(setmetatable({message = message}, Failure))
end

-- what went wrong, on stderr, where the explorer goes on
function palette.warn(message)
  io.stderr:write("corolab: ", message, "\n")
end

return palette
