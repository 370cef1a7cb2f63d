-- explain.lua — what each lifecycle event means, in C++ terms, and the
-- rule that says so, in the explorer's language (i18n.lua; the texts are
-- in en.lua, tr.lua, zh.lua): shown by :step, :tour, breakpoints and the
-- page. Where the meaning depends on the moment (rec.context, from
-- run/meaning.lua), an event has one text per context. Where C++ leaves
-- the order unspecified and an event's place is g++ 12's or clang 14's
-- choice (rec.unspecified, rec.order: coro.unspecified), what each does.
local coro = require "coro"
local i18n = require "explorer.text.i18n"

local explain = {}

local rules = {}              -- an unspecified order's name -> its rule
for _, u in ipairs(coro.unspecified) do rules[u.name] = u.rule end

-- the compilers whose choices coro.order makes, by its names
explain.compilers = {["g++"] = "g++ 12", clang = "clang 14"}

-- the explanation of record rec (kind, and context where it matters)
function explain.explain(rec)
  local text = i18n.text("events", rec.kind)
  if type(text) == "table" then return text[rec.context] end
  return text
end

-- whose choice placed rec, where C++ leaves the order unspecified ("g++
-- 12", "clang 14"); nil for a record no such choice placed
function explain.compiler(rec)
  return rec.unspecified and explain.compilers[rec.order]
end

-- what C++ leaves unspecified at rec, with its rule, what g++ 12 and clang
-- 14 each do and whose choice corolab made; nil where nothing is
function explain.unspecified(rec)
  local compiler = explain.compiler(rec)
  local words = compiler and i18n.text("orders", rec.unspecified)
  if not words then return nil end
  return i18n.ui("unspecified_note", words[1], rules[rec.unspecified], words[2], words[3],
    compiler)
end

-- each order C++ leaves unspecified, in words: its name, what it is, its
-- rule and what g++ 12 and clang 14 each do
function explain.orders()
  local out = {}
  for i, u in ipairs(coro.unspecified) do
    local words = i18n.text("orders", u.name)
    out[i] = i18n.ui("order_item", u.name, words[1], u.rule, words[2], words[3])
  end
  return out
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
