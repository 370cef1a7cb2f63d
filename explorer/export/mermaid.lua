-- mermaid.lua — the run as a Mermaid sequence diagram: participants in
-- order of appearance; arrows for calls, resumes, transfers, returns (with
-- the value the frame gave), destroys (from whoever destroys) and
-- exceptions that leave a frame (stack.lua says which); notes for what the
-- promise is asked to do, with values (an exception's too, without its
-- traceback).
local event = require "explorer.text.event"
local meaning = require "explorer.run.meaning"
local stack = require "explorer.run.stack"

local mermaid = {}

local noted = {
  ["initial_suspend"] = true, ["yield_value"] = true, ["return_value"] = true,
  ["return_void"] = true, ["throw"] = true, ["unhandled_exception"] = true,
  ["final_suspend"] = true, ["misuse"] = true,
}

local function text(s)              -- '#' and ';' as Mermaid's entity codes
  return (tostring(s):gsub("[#;\n]", {["#"] = "#35;", [";"] = "#59;", ["\n"] = " "}))
end

local function who(id) return id == 0 and "main" or "F" .. id end

function mermaid.write(run, out)
  local lines, seen = {"sequenceDiagram", "  participant main"}, {}
  local gives = {}                      -- frame -> its last yield_value/return_value
  local function line(...) lines[#lines + 1] = string.format(...) end
  for _, rec in ipairs(run.events) do              -- all participants first
    local id = meaning.owner(rec)
    if id ~= 0 and not seen[id] then
      seen[id] = true
      line("  participant %s as %s", who(id), text(run:label(id)))
    end
  end
  local state = stack.copy(run.before.stack)
  for _, rec in ipairs(run.events) do
    local id = meaning.owner(rec)
    local move, left = stack.follow(state, rec)
    for _, entry in ipairs(left or {}) do
      line("  %s--x%s: exception", who(entry.frame), who(entry.by))
    end
    local how = move and move.how
    if how == "call" then
      line("  %s->>%s: call (%s)", who(move.from), who(move.to), text(rec.kind))
    elseif how == "resume" then
      line("  %s->>%s: resume()", who(move.from), who(move.to))
    elseif how == "transfer" or how == "return" then
      local gave = gives[move.from]
      gives[move.from] = nil
      gave = gave and (" after " .. text(gave)) or ""
      if how == "transfer" then
        line("  %s->>%s: symmetric transfer%s", who(move.from), who(move.to), gave)
      else
        local why = rec.cause and rec.cause ~= "returned_void" and
          (", " .. text(rec.detail)) or ""
        line("  %s-->>%s: suspended%s%s", who(move.from), who(move.to), gave, why)
      end
    elseif how == "destroy" then
      line("  %s-)%s: destroy()", who(move.from), who(move.to))
    end
    if rec.kind == "yield_value" or rec.kind == "return_value" then
      gives[id] = (rec.kind == "yield_value" and "co_yield" or "co_return") ..
        (rec.args and (" " .. rec.args) or "")
    end
    if noted[rec.kind] then
      local detail = event.detail(rec)
      line("  Note over %s: %s%s", who(id), text(event.call(rec)),
        detail ~= "" and (" " .. text(detail)) or "")
    end
  end
  out:write(table.concat(lines, "\n"), "\n")
end

return mermaid
