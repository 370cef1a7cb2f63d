-- formats.lua — the export formats: the one list, which --export, :export,
-- their help, their completion and their errors all read. A format is a
-- module of this folder with write(run, out, options); a new one is its
-- file and its line here.
local i18n = require "explorer.text.i18n"

local formats = {}

local list = {
  {"chrome", "explorer.export.chrome"},     -- Chrome trace JSON, for Perfetto
  {"mermaid", "explorer.export.mermaid"},   -- a Mermaid sequence diagram
  {"dot", "explorer.export.dot"},           -- a Graphviz picture
  {"html", "explorer.export.page"},         -- a page that plays the run
  {"record", "explorer.export.record"},     -- the run itself, as JSON data
}

-- the names, in order
formats.names = {}
for i, f in ipairs(list) do formats.names[i] = f[1] end

-- "chrome, mermaid, dot, html or record"
local function alternatives()
  local names = formats.names
  return i18n.ui("alternatives", table.concat(names, ", ", 1, #names - 1), names[#names])
end

-- writes run to path in format name; options: title, and the page's
-- player (page.lua). True, or nil and why not
function formats.write(run, name, path, options)
  local module
  for _, f in ipairs(list) do if f[1] == name then module = f[2] end end
  if not module then
    return nil, i18n.ui("unknown_format", tostring(name), alternatives())
  end
  run:trim()                                   -- exactly the last `limit` records
  local out, err = io.open(path, "w")
  if not out then return nil, i18n.ui("cannot_write", err) end
  require(module).write(run, out, options or {})
  local ok, why = out:close()                  -- flushes: a full disk shows here
  if not ok then return nil, i18n.ui("cannot_write_to", path, why) end
  return true
end

return formats
