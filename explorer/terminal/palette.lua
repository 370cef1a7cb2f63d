-- palette.lua — presentation: colours on a terminal (none with NO_COLOR or
-- when stdout is not one), the helpers every view shares (values shown
-- without addresses, handles told apart, text folded), and fail(), the
-- error of a command used wrongly (shown without a traceback).
local host = require "corolab.host"
local coro = require "coro"

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

function palette.is_handle(v)
  return type(v) == "userdata" and getmetatable(v) == getmetatable(coro.null)
end

-- a value in a line: strings quoted, tables two levels deep, handles by
-- frame id, no addresses (output must not change from run to run)
function palette.value(v, depth)
  depth = depth or 1
  local t = type(v)
  if t == "string" then return string.format("%q", v) end
  if t == "function" or t == "thread" then return t end
  if palette.is_handle(v) then
    local info = coro.info(v)
    return info and ("handle #" .. tostring(info.id)) or "handle (no live frame)"
  end
  local mt = getmetatable(v)
  local listed = type(mt) == "table" and mt.__pairs     -- a built-in's promise
  if t == "userdata" and type(mt) == "table" and type(mt.__name) == "string" then
    local ok, h = pcall(function() return v.h end)      -- coro.generator, coro.task
    if ok and palette.is_handle(h) then return mt.__name .. " holding " .. palette.value(h) end
  end
  if t == "userdata" and not listed then
    return type(mt) == "table" and mt.__tostring and tostring(v) or t
  end
  if t ~= "table" and not listed then return tostring(v) end
  if depth > 2 then return "{...}" end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
    return type(a) < type(b)
  end)
  local parts = {}
  for _, k in ipairs(keys) do
    local key = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or "[" .. tostring(k) .. "]"
    parts[#parts + 1] = key .. " = " .. palette.value(v[k], depth + 1)
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- a value in a few characters, for events: strings quoted and cut, objects
-- by their type's __name, tables briefly
function palette.brief(v)
  if rawequal(v, coro.suspend_always) then return "suspend_always" end
  if rawequal(v, coro.suspend_never) then return "suspend_never" end
  local t, text = type(v), nil
  local mt = (t == "table" or t == "userdata") and getmetatable(v) or nil
  if t == "string" then
    text = string.format("%q", #v > 24 and (v:sub(1, 21) .. "...") or v)
  elseif type(mt) == "table" and type(mt.__name) == "string" and not palette.is_handle(v) then
    local ok, h = pcall(function() return v.h end)
    text = mt.__name .. ((ok and palette.is_handle(h)) and (" " .. palette.value(h)) or "")
  else
    local ok, shown = pcall(palette.value, v, 2)
    text = ok and shown or t
  end
  if #text > 40 then text = text:sub(1, 37) .. "..." end
  return text
end

-- explanations are long lines; fold them for the terminal
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

local Failure = {__tostring = function(e) return e.message end}

function palette.fail(message)
  error(setmetatable({message = message}, Failure))
end

return palette
