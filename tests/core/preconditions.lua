-- preconditions.lua HEADER API_MISUSE — every NULL precondition corolab.h
-- documents is checked. The header's rule (its top comment): a pointer
-- argument must not be NULL, except a handle (cl_Frame *), a void * and an
-- argument whose comment says "NAME may be NULL". This script reads the
-- CL_API declarations, applies the rule, and requires api_misuse (built
-- with COROLAB_APICHECK) to have a case for each pair and no other
-- (api_misuse --list); then it runs each case, which must abort with
-- "corolab: API misuse: FUNCTION: ... NAME ... must not be NULL".
-- Prints "preconditions: ok (N checked)".
local header_path, program = arg[1], arg[2]
assert(header_path and program, "usage: lua preconditions.lua HEADER API_MISUSE")

local function read(path)
  local f = assert(io.open(path))
  local text = f:read("a")
  f:close()
  return text
end

local header = read(header_path)

-- function pointer types: typedef R (*Name)(...)
local fnptr = {}
for name in header:gmatch("typedef[^;(]-%(%s*%*%s*([%w_]+)%s*%)") do fnptr[name] = true end

-- what a declaration's comments allow: "NAME may be NULL"
local function allowed(comments)
  local set = {}
  for name in comments:gmatch("([%w_]+) may be NULL") do set[name] = true end
  return set
end

-- the comments just above a declaration (the block that ends on the line
-- before it) and those up to the end of its last line
local function comments_of(text, from, to)
  local last_line_end = text:find("\n", to) or #text
  local words, before, start = {}, text:sub(1, from - 1), nil
  for p in before:gmatch("()/%*") do start = p end
  if start and before:sub(start):match("^/%*.-%*/%s*$") then
    words[1] = before:sub(start)
  end
  for c in text:sub(from, last_line_end):gmatch("/%*.-%*/") do words[#words + 1] = c end
  return table.concat(words, " ")
end

-- the pairs (function, argument) that must not be NULL, in header order
local function documented()
  local pairs_, seen = {}, 0
  local pos = 1
  while true do
    local s, e = header:find("CL_API%s+", pos)
    if not s then break end
    pos = e + 1
    local rest = header:sub(e + 1)
    if not rest:match("^extern") then
      local open = header:find("%(", e + 1)
      local name = header:sub(e + 1, open - 1):match("([%w_]+)%s*$")
      local depth, i = 0, open
      repeat                                  -- the matching ')'
        local c = header:sub(i, i)
        if c == "(" then depth = depth + 1 elseif c == ")" then depth = depth - 1 end
        i = i + 1
      until depth == 0
      local params = header:sub(open + 1, i - 2):gsub("/%*.-%*/", " ")
      local free = allowed(comments_of(header, s, i))
      seen = seen + 1
      for param in (params .. ","):gmatch("%s*(.-)%s*,") do
        local ty, arg = param:match("^(.-)([%w_]+)$")
        if arg and ty ~= "" then
          ty = ty:gsub("%s+", " "):gsub("^const ", ""):gsub(" $", "")
          local pointer = ty:find("%*") or fnptr[ty]
          local exempt = ty == "cl_Frame *" or ty == "void *" or free[arg]
          if pointer and not exempt then pairs_[#pairs_ + 1] = name .. " " .. arg end
        end
      end
    end
  end
  assert(seen > 40, "preconditions: too few CL_API declarations found in " .. header_path)
  return pairs_
end

local function lines(cmd)
  local p = assert(io.popen(cmd))
  local out = {}
  for line in p:lines() do out[#out + 1] = line end
  p:close()
  return out
end

local wanted = documented()
local covered = {}
for _, case in ipairs(lines(program .. " --list")) do covered[case] = true end
local failures = {}
local function fail(fmt, ...) failures[#failures + 1] = fmt:format(...) end

local known = {}
for _, case in ipairs(wanted) do
  known[case] = true
  if not covered[case] then
    fail("no case in api_misuse for %s: the header says it must not be NULL", case)
  end
end
for case in pairs(covered) do
  if not known[case] then
    fail("api_misuse tests %s, which corolab.h does not say must not be NULL", case)
  end
end

local tmp = os.tmpname()
for _, case in ipairs(wanted) do
  local fn, a = case:match("(%S+) (%S+)")
  if covered[case] then
    local _, how, code = os.execute(("%s %s %s >/dev/null 2>%s"):format(program, fn, a, tmp))
    local err = read(tmp)
    local said = err:match("corolab: API misuse: " .. fn .. ": ([^\n]-) must not be NULL")
    if not (how == "exit" and code == 134 or how == "signal") then
      fail("%s with %s NULL did not abort (%s %s): %s", fn, a, how, code, err)
    elseif not said or not said:find("%f[%w_]" .. a .. "%f[^%w_]") then
      fail("%s with %s NULL aborted without naming %s: %s", fn, a, a, err)
    end
  end
end
os.remove(tmp)

if #failures > 0 then
  print(table.concat(failures, "\n"))
  os.exit(1)
end
print(("preconditions: ok (%d checked)"):format(#wanted))
