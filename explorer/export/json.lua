-- json.lua — Lua values as JSON, the one encoder every export uses, and
-- deterministic: a table with [1] (or marked by json.array) is an array,
-- one made by json.object keeps its keys in the order given, any other is
-- an object with its keys sorted.
local json = {}

local array_mark, object_mark = {}, {}

-- t as an array, even when empty
function json.array(t)
  return setmetatable(t, array_mark)
end

-- an object whose keys keep their order: {{key, value}, ...}
function json.object(fields)
  return setmetatable(fields, object_mark)
end

local escapes = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t'}

function json.string(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

function json.encode(v)
  local t = type(v)
  if v == nil then return "null"
  elseif t == "boolean" then return tostring(v)
  elseif t == "number" then
    return math.type(v) == "integer" and tostring(v) or string.format("%.17g", v)
  elseif t ~= "table" then return json.string(v) end
  local parts, mt = {}, getmetatable(v)
  if mt == object_mark then
    for i, kv in ipairs(v) do parts[i] = json.string(kv[1]) .. ":" .. json.encode(kv[2]) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  if v[1] ~= nil or mt == array_mark then
    for i = 1, #v do parts[i] = json.encode(v[i]) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  for i, k in ipairs(keys) do
    local value = v[k]
    if value == nil then value = v[math.tointeger(tonumber(k))] end
    parts[i] = json.string(k) .. ":" .. json.encode(value)
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

return json
