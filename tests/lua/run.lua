-- run.lua — the Lua test runner: runs test files (default: every test_*.lua
-- beside it), each a list of test(name, fn); after each test, checks that
-- no coroutine frame is left alive. Last line: "N passed, N failed".
-- Usage: lua5.4 run.lua [file...]   (LUA_CPATH must find coro.so)
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
if #files == 0 then
  local p = io.popen('ls "' .. dir .. '"/test_*.lua')
  for f in p:lines() do files[#files + 1] = f end
  p:close()
end
for _, f in ipairs(files) do run_file(f) end
print(("%d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and 0 or 1, true)
