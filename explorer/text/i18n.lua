-- i18n.lua — the explorer's language: English, Turkish or Chinese (--lang,
-- :lang, else from LC_ALL / LC_MESSAGES / LANG), and its catalogue of
-- words (text/LANG.lua, one per language, the same sections and keys:
-- events, help, ui, tour, states, runtime, wrapper, layout, page, usage;
-- and words, the runs a line never breaks inside). Everything the
-- explorer says to a person comes from a catalogue; C++ identifiers, event
-- kinds and values stay as they are.
local i18n = {languages = {"en", "tr", "zh"}, current = "en"}

local catalogues = {
  en = require "explorer.text.en",
  tr = require "explorer.text.tr",
  zh = require "explorer.text.zh",
}

-- "tr_TR.UTF-8" -> "tr"; nil for a language without a catalogue
local function language_of(locale)
  local code = (locale or ""):match("^(%a%a)")
  return code and catalogues[code:lower()] and code:lower() or nil
end

function i18n.from_environment()
  for _, name in ipairs({"LC_ALL", "LC_MESSAGES", "LANG"}) do
    local value = os.getenv(name)
    if value and value ~= "" then return language_of(value) or "en" end
  end
  return "en"
end

-- sets the language; false and a message for one without a catalogue
function i18n.set(lang)
  if not catalogues[lang] then
    return false, i18n.ui("no_language", tostring(lang), table.concat(i18n.languages, ", "))
  end
  i18n.current = lang
  return true
end

function i18n.catalogue(lang)
  return catalogues[lang or i18n.current]
end

-- a text of a section in the current language (tests/repl/catalogues.lua
-- sees that every language has every key)
function i18n.text(section, key)
  return catalogues[i18n.current][section][key]
end

-- string.format, and "%2$s" takes the second argument (POSIX's
-- positional directives: a language may put them in its own order)
function i18n.format(pattern, ...)
  if not pattern:find("%%%d+%$") then return string.format(pattern, ...) end
  local args = table.pack(...)
  local text = pattern:gsub("%%(%%?)(%d*)%$?([-%d.]*%a?)", function(percent, n, spec)
    if percent ~= "" then return "%" .. n .. spec end           -- "%%": a percent sign
    return string.format("%" .. spec, args[tonumber(n)])
  end)
  return text
end

-- a message: the ui pattern key, formatted with the arguments
function i18n.ui(key, ...)
  return i18n.format(catalogues[i18n.current].ui[key], ...)
end

-- a frame's state (a key of coro.states: "suspended_final") in words
function i18n.state(key)
  return catalogues[i18n.current].states[key] or key
end

-- the runtime's own words in a record (a suspend point, an awaitable that
-- does not describe itself, a cause; English's runtime section holds them
-- as the runtime writes them) in the current language; any other text as
-- it is. "640 bytes" is operator new's size.
local runtime_key = {}
for key, text in pairs(catalogues.en.runtime) do runtime_key[text] = key end

function i18n.runtime(text)
  if text == nil then return nil end
  local key = runtime_key[text]
  if key then return catalogues[i18n.current].runtime[key] end
  local bytes = text:match("^(%d+) bytes$")
  if bytes then return i18n.ui("bytes", tonumber(bytes)) end
  return text
end

i18n.current = i18n.from_environment()

return i18n
