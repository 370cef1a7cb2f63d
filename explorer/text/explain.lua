-- explain.lua — what each lifecycle event means, in C++ terms, and the
-- rule that says so, in the explorer's language (i18n.lua; the texts are
-- in en.lua, tr.lua, zh.lua): shown by :step, :tour, breakpoints and the
-- page. Where the meaning depends on the moment (rec.context, from
-- run/meaning.lua), an event has one text per context.
local i18n = require "explorer.text.i18n"

local explain = {}

-- the explanation of record rec (kind, and context where it matters)
function explain.explain(rec)
  local text = i18n.text("events", rec.kind)
  if type(text) == "table" then return text[rec.context] end
  return text
end

-- every (kind, context, text) of a language's catalogue (default: the
-- current one), for tests: in name order
function explain.all(lang)
  local out = {}
  for kind, text in pairs(i18n.catalogue(lang).events) do
    if type(text) == "table" then
      for context, t in pairs(text) do out[#out + 1] = {kind, context, t} end
    else
      out[#out + 1] = {kind, nil, text}
    end
  end
  table.sort(out, function(a, b)
    return a[1] < b[1] or (a[1] == b[1] and (a[2] or "") < (b[2] or ""))
  end)
  return out
end

return explain
