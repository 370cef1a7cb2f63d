-- values.lua — Lua values as a record keeps them: as text, the same from
-- run to run (no addresses; handles by frame id), so that a record, a
-- snapshot or an export reads the same whoever shows it, without keeping
-- the values themselves alive.
local coro = require "coro"

local values = {}

function values.is_handle(v)
  return type(v) == "userdata" and getmetatable(v) == getmetatable(coro.null)
end

-- a value in a line: strings quoted, tables two levels deep, handles by
-- frame id, no addresses (output must not change from run to run)
function values.value(v, depth)
  depth = depth or 1
  local t = type(v)
  if t == "string" then return string.format("%q", v) end
  if t == "function" or t == "thread" then return t end
  if values.is_handle(v) then
    local info = coro.info(v)
    return info and ("handle #" .. tostring(info.id)) or "handle (no live frame)"
  end
  local mt = getmetatable(v)
  local listed = type(mt) == "table" and mt.__pairs     -- a built-in's promise
  if t == "userdata" and type(mt) == "table" and type(mt.__name) == "string" then
    local ok, h = pcall(function() return v.h end)      -- coro.generator, coro.task
    if ok and values.is_handle(h) then return mt.__name .. "(" .. values.value(h) .. ")" end
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
    parts[#parts + 1] = key .. " = " .. values.value(v[k], depth + 1)
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- a value in a few characters, for events: strings quoted and cut, objects
-- by their type's __name, tables briefly
function values.brief(v)
  if rawequal(v, coro.suspend_always) then return "suspend_always" end
  if rawequal(v, coro.suspend_never) then return "suspend_never" end
  local t, text = type(v), nil
  local mt = (t == "table" or t == "userdata") and getmetatable(v) or nil
  if t == "string" then
    text = string.format("%q", #v > 24 and (v:sub(1, 21) .. "...") or v)
  elseif type(mt) == "table" and type(mt.__name) == "string" and not values.is_handle(v) then
    local ok, h = pcall(function() return v.h end)
    text = mt.__name .. ((ok and values.is_handle(h)) and (" " .. values.value(h)) or "")
  else
    local ok, shown = pcall(values.value, v, 2)
    text = ok and shown or t
  end
  if #text > 40 then text = text:sub(1, 37) .. "..." end
  return text
end

return values
