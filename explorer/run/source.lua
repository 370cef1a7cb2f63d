-- source.lua — the scripts a run ran, line by line, for :where and the
-- page: read from their files (a relative name also from each folder of
-- source.folders: a record played names its C++ files as its compiler was
-- given them, which may be beside the record), or, for a file that is not
-- there, from source.fallback(file) when a face sets it (corolab's: the
-- lessons built into it, which :load runs under their own names).
local source = {folders = {}}

local cache = {}

-- file's text, from where it is or from a folder of source.folders
local function read(file)
  local names = {file}
  if not file:match("^/") then
    for _, folder in ipairs(source.folders) do names[#names + 1] = folder .. "/" .. file end
  end
  for _, name in ipairs(names) do
    local f = io.open(name, "r")
    if f then
      local text = f:read("a")
      f:close()
      return text
    end
  end
end

-- the lines of file (none when neither has it)
function source.lines(file)
  if cache[file] == nil then
    local text = read(file)
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
