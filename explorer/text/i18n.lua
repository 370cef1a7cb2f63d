-- i18n.lua — the explorer's language: English, Turkish or Chinese (--lang,
-- :lang, else from LC_ALL / LC_MESSAGES / LANG), and its catalogue of
-- words (text/LANG.lua, one per language, the same sections and keys:
-- events, help, ui, tour).
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
    return false, "no language '" .. tostring(lang) .. "': " .. table.concat(i18n.languages, ", ")
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

-- a message: the ui pattern key, formatted with the arguments
function i18n.ui(key, ...)
  return string.format(catalogues[i18n.current].ui[key], ...)
end

i18n.current = i18n.from_environment()

return i18n
