-- catalogues.lua — the catalogues (explorer/text/LANG.lua): every language has
-- every key English has, in every section, and no other. Every key is
-- used: an event kind the core emits and a context the recorder gives
-- (events), an explorer command (help), a key the explorer's sources name
-- (ui, tour: read from the folder given as arg[1]). Every explanation
-- names its rule where English does and folds within 79 columns; a
-- message has English's %-directives in the same order. Run by `corolab
-- catalogues.lua TERMINAL_DIR`; prints "catalogues: N keys in N languages".
local i18n = require "explorer.text.i18n"
local explain = require "explorer.text.explain"
local palette = require "explorer.terminal.palette"

local kinds = {}
for _, k in ipairs(require("coro").events) do kinds[k.name] = true end
local contexts = {   -- what run/meaning.lua gives, by kind
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

-- the other sections: the same keys everywhere, each used
local commands = require "explorer.terminal.commands"
local used = {help = {}, ui = {}, tour = {}}
for _, c in ipairs(commands.list) do used.help[c[1]] = true end
for _, file in ipairs({"commands", "course", "debugger", "predict", "replay", "shell", "tour"}) do
  local f = assert(io.open(arg[1] .. "/" .. file .. ".lua"))
  local src = f:read("a")
  f:close()
  for key in src:gmatch('i18n%.ui%("([%w_]+)"') do used.ui[key] = true end
  for key in src:gmatch('i18n%.text%("tour", "([%w_]+)"') do used.tour[key] = true end
  if file == "tour" then                          -- a part's title and intro, a step's note
    for key in src:gmatch('title = "([%w_]+)"') do used.tour[key] = true end
    for key in src:gmatch('intro = "([%w_]+)"') do used.tour[key] = true end
    for key in src:gmatch('{"[^"\n]*", "([%w_]+)"') do used.tour[key] = true end
  end
end
local function directives(text)               -- "%s%d": the %-directives in order
  local out = {}
  for d in (text:gsub("%%%%", "")):gmatch("%%%a") do out[#out + 1] = d end
  return table.concat(out)
end
local count = #list
for section, keys_used in pairs(used) do
  local en = i18n.catalogue("en")[section]
  for key in pairs(keys_used) do assert(en[key], "en: no " .. section .. " text " .. key) end
  for key in pairs(en) do
    assert(keys_used[key], "en: " .. section .. " key " .. key .. " is never used")
    count = count + 1
  end
  for _, lang in ipairs(i18n.languages) do
    local texts = i18n.catalogue(lang)[section]
    for key, english_text in pairs(en) do
      local text = texts[key]
      assert(text, lang .. ": missing " .. section .. " " .. key)
      if section == "help" then
        assert(type(text) == "table" and #text == 2, lang .. ": help " .. key .. " is no pair")
        assert(palette.width(":" .. key) + 33 + palette.width(text[1]) <= 100,
               lang .. ": help " .. key .. " line too long")
      else
        assert(directives(text) == directives(english_text),
               lang .. ": " .. section .. " " .. key .. " has other %-directives than English")
      end
    end
    for key in pairs(texts) do assert(en[key], lang .. ": unused " .. section .. " key " .. key) end
  end
end
print(("catalogues: %d keys in %d languages"):format(count, #i18n.languages))
