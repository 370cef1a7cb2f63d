-- run.lua — the Lua test runner: runs test files (default: every test_*.lua
-- beside it), each a list of test(name, fn); after each test, checks that
-- no coroutine frame is left alive. Last line: "N passed, N failed".
-- Usage: lua5.4 run.lua [--min N] [file...]   (LUA_CPATH must find coro.so)
-- Fewer than N tests (--min N; default 1) is a failure too: a test file
-- that went missing, or no longer defines its tests, cannot pass unseen.
local coro = require "coro"
local dir = (arg and arg[0] or ""):match("^(.*)[/\\][^/\\]*$") or "."
package.path = dir .. "/?.lua;" .. package.path

local passed, failed = 0, 0

local function leaks()
  collectgarbage(); collectgarbage()
  local live = coro.frames()
  if #live == 0 then return nil end
  local names = {}
  for i, h in ipairs(live) do
    names[i] = tostring(h)
    pcall(h.destroy, h)                -- do not let it spoil the next test
  end
  return #live .. " frame(s) left alive: " .. table.concat(names, "; ")
end

local function run_file(path)
  local tests = {}
  local env = setmetatable({
    test = function(name, fn) tests[#tests + 1] = {name = name, fn = fn} end,
  }, {__index = _G})
  local chunk, err = loadfile(path, "t", env)
  if not chunk then
    failed = failed + 1
    print("FAIL " .. path .. ": " .. err)
    return
  end
  chunk()
  for _, t in ipairs(tests) do
    local ok, msg = xpcall(t.fn, debug.traceback)
    local leak = leaks()
    if ok and leak then ok, msg = false, leak end
    if ok then passed = passed + 1
    else
      failed = failed + 1
      print(("FAIL %s: %s\n  %s"):format(path:match("[^/\\]*$"), t.name,
                                         tostring(msg):gsub("\n", "\n  ")))
    end
  end
end

local files = {table.unpack(arg or {})}
local min = 1
if files[1] == "--min" then
  min = math.tointeger(tonumber(files[2] or ""))
  if not min then
    error("run.lua: --min needs a whole number of tests, not " .. tostring(files[2]), 0)
  end
  table.remove(files, 1); table.remove(files, 1)
end
if #files == 0 then
  local p = io.popen('ls "' .. dir .. '"/test_*.lua')
  for f in p:lines() do files[#files + 1] = f end
  p:close()
end
for _, f in ipairs(files) do run_file(f) end
print(("%d passed, %d failed"):format(passed, failed))
if passed + failed < min then
  print(("FAIL %d tests ran, fewer than the %d required (run.lua --min): a test file "
         .. "is missing or defines fewer tests; if tests were removed on purpose, "
         .. "lower the minimum in tests/lua/CMakeLists.txt"):format(passed + failed, min))
end
os.exit(failed == 0 and passed >= min and 0 or 1, true)
