-- catalogues.lua — the explanation catalogues (repl/text_LANG.lua): every
-- language has every key English has and no other; every key is used (an
-- event kind the core emits, a context the recorder gives); every text
-- names its rule where English does, and folds within 79 columns. Run by
-- `corolab catalogues.lua`; prints "catalogues: N keys in N languages".
local host = require "corolab.host"
local i18n = require "corolab.i18n"
local explain = require "corolab.explain"
local palette = require "corolab.palette"

local kinds = {}
for _, k in ipairs(host.event_kinds) do kinds[k.name] = true end
local contexts = {   -- what recorder.lua's context_of gives, by kind
  ["~locals"] = {["co_return"] = true, unwinding = true, ["flowed off"] = true, destroy = true},
  ["~awaiter"] = {["co_await"] = true, destroy = true},
  ["await_resume"] = {initial = true, body = true, final = true},
  ["resume"] = {["resume()"] = true, transfer = true, bool = true},
  ["return to caller"] = {suspended = true, noop = true, observer = true},
}

local function keys(lang)
  local set, list = {}, {}
  for _, entry in ipairs(explain.all(lang)) do
    local key = entry[1] .. (entry[2] and ("/" .. entry[2]) or "")
    set[key] = entry[3]
    list[#list + 1] = key
    assert(kinds[entry[1]], lang .. ": '" .. entry[1] .. "' is no event kind")
    assert(not entry[2] or (contexts[entry[1]] or {})[entry[2]],
           lang .. ": no context '" .. tostring(entry[2]) .. "' for " .. entry[1])
  end
  return set, list
end

local english, list = keys("en")
for kind, cs in pairs(contexts) do
  for context in pairs(cs) do
    assert(english[kind .. "/" .. context], "en: no text for " .. kind .. "/" .. context)
  end
end
for _, lang in ipairs(i18n.languages) do
  local texts = keys(lang)
  for _, key in ipairs(list) do
    local text = texts[key]
    assert(text and text ~= "", lang .. ": missing " .. key)
    if english[key]:find("%[[%w.]+%]") then
      assert(text:find("%[[%w.]+%]"), lang .. ": " .. key .. " names no rule")
    end
    for line in palette.fold(text, "     "):gmatch("[^\n]+") do
      assert(palette.width(line) <= 79, lang .. ": " .. key .. " folds too wide: " .. line)
    end
  end
  for key in pairs(texts) do assert(english[key], lang .. ": unused key " .. key) end
end
print(("catalogues: %d keys in %d languages"):format(#list, #i18n.languages))
