-- json.lua — Lua values as JSON, the one encoder every export uses, and
-- deterministic: a table with [1] (or marked by json.array) is an array,
-- one made by json.object keeps its keys in the order given, any other is
-- an object with its keys sorted. And back: json.decode reads JSON text
-- (RFC 8259) as Lua values, for a record played.
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

-- ---------------------------------------------------------- decoding --

local NULL = {}                   -- null while decoding: nil in the value
local literals = {["true"] = true, ["false"] = false, null = NULL}
local unescapes = {['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f",
  n = "\n", r = "\r", t = "\t"}

-- where the next non-blank character is
local function skip(text, at)
  return text:find("[^ \t\r\n]", at) or #text + 1
end

-- a decoding error at character at: thrown, caught by json.decode
local function bad(at)
  error(at, 0)
end

local value                       -- value(text, at): the value at at, and where it ends

local function string_at(text, at)
  local parts, i = {}, at + 1
  while true do
    local _, to, plain = text:find('^([^"\\%c]*)', i)
    parts[#parts + 1] = plain
    i = to + 1
    local c = text:sub(i, i)
    if c == '"' then return table.concat(parts), i + 1 end
    if c ~= "\\" then bad(i) end
    local e, hex = text:sub(i + 1, i + 1), text:match("^u(%x%x%x%x)", i + 1)
    local code = hex and tonumber(hex, 16)
    if code and code >= 0xD800 and code < 0xDC00 then                -- a surrogate pair
      local low = text:match("^\\u(%x%x%x%x)", i + 6)
      low = low and tonumber(low, 16)
      if not low or low < 0xDC00 or low > 0xDFFF then bad(i) end
      parts[#parts + 1], i = utf8.char(0x10000 + (code - 0xD800) * 0x400 + low - 0xDC00), i + 12
    elseif code then
      parts[#parts + 1], i = utf8.char(code), i + 6
    elseif unescapes[e] then
      parts[#parts + 1], i = unescapes[e], i + 2
    else
      bad(i)
    end
  end
end

-- a sequence of items between brackets, separated by commas; item(at)
-- reads one and gives where it ends
local function items(text, at, close, item)
  local i = skip(text, at + 1)
  if text:sub(i, i) == close then return i + 1 end
  while true do
    i = skip(text, item(i))
    local c = text:sub(i, i)
    if c == close then return i + 1 end
    if c ~= "," then bad(i) end
    i = skip(text, i + 1)
  end
end

function value(text, at)
  local c = text:sub(at, at)
  if c == "{" then
    local t = {}
    return t, items(text, at, "}", function(i)
      if text:sub(i, i) ~= '"' then bad(i) end
      local k, j = string_at(text, i)
      j = skip(text, j)
      if text:sub(j, j) ~= ":" then bad(j) end
      local v
      v, j = value(text, skip(text, j + 1))
      if v ~= NULL then t[k] = v end
      return j
    end)
  elseif c == "[" then
    local t, n = json.array({}), 0
    return t, items(text, at, "]", function(i)
      local v, j = value(text, i)
      n = n + 1
      if v ~= NULL then t[n] = v end
      return j
    end)
  elseif c == '"' then
    return string_at(text, at)
  end
  local number = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", at)
  if number then
    local v = not number:match("^-?0%d") and tonumber(number)
    if not v then bad(at) end
    if not number:find("[.eE]") then v = math.tointeger(v) or v end
    return v, at + #number
  end
  local word = text:match("^%a+", at)
  if not (word and literals[word] ~= nil) then bad(at) end
  return literals[word], at + #word
end

-- the value JSON text holds (null: nil), or nil and the character where
-- it stops being JSON
function json.decode(text)
  local ok, v, at = pcall(value, text, skip(text, 1))
  if ok then
    at = skip(text, at)
    if at > #text then return v ~= NULL and v or nil end
    return nil, at
  end
  if type(v) ~= "number" then error(v, 0) end
  return nil, v
end

return json
