-- source.lua — the scripts a run ran, line by line, for :where and the
-- page: read from their files, or, for a file that is not there, from
-- source.fallback(file) when a face sets it (corolab's: the lessons built
-- into it, which :load runs under their own names).
local source = {}

local cache = {}

-- the lines of file (none when neither has it)
function source.lines(file)
  if cache[file] == nil then
    local text
    local f = io.open(file, "r")
    if f then text = f:read("a") f:close() end
    if not text and source.fallback then text = source.fallback(file) end
    local lines = {}
    for line in (text or ""):gmatch("([^\n]*)\n?") do lines[#lines + 1] = line end
    cache[file] = lines
  end
  return cache[file]
end

-- the text at place "file:line", trimmed, or nil
function source.line(place)
  local file, line = (place or ""):match("^(.-):(%d+)$")
  if not file then return nil end
  local text = source.lines(file)[tonumber(line)]
  return text and text:match("^%s*(.-)%s*$") or nil
end

return source
