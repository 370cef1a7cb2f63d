-- catalogues.lua — the catalogues (explorer/text/LANG.lua): every language has
-- every key English has, in every section, and no other. Every event kind
-- coro.events names has its explanation. Every key is used: an event kind
-- the core emits and a context the recorder gives (events), an order
-- coro.unspecified names (orders: what it is, what g++ 12 and clang 14
-- do), an explorer command (help), a key the explorer's sources name (ui,
-- wrapper, layout, page, usage: read from the repository root given as
-- arg[1]), a frame state of coro.states (states), the runtime's own words,
-- exactly as a live run gives them (runtime), a pair of an event and a choice
-- :predict offers after it (predict). Every explanation names its
-- rule where English does; a message has English's %-directives, in the
-- same order or as positional ones ("%2$s") of the same types. Every text
-- folds within its width at every width from 40 to 100 columns: no line
-- begins with closing punctuation or ends with opening punctuation, and no
-- word the catalogue lists (words: Chinese has no spaces) is broken. Run by
-- `corolab catalogues.lua ROOT`; prints "catalogues: N keys in N languages".
local coro = require "coro"
local i18n = require "explorer.text.i18n"
local explain = require "explorer.text.explain"
local palette = require "explorer.terminal.palette"

local root = assert(arg[1], "usage: catalogues.lua ROOT")

local function read(path)
  local f = assert(io.open(root .. "/" .. path))
  local text = f:read("a")
  f:close()
  return text
end

local kinds = {}
for _, k in ipairs(coro.events) do kinds[k.name] = true end
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
for kind in pairs(kinds) do          -- the bindings' own events (~temporary) too
  assert(english[kind] or contexts[kind], "en: no explanation for the event " .. kind)
end
for _, lang in ipairs(i18n.languages) do
  local texts = keys(lang)
  for _, key in ipairs(list) do
    local text = texts[key]
    assert(text and text ~= "", lang .. ": missing " .. key)
    if english[key]:find("%[[%w.]+%]") then
      assert(text:find("%[[%w.]+%]"), lang .. ": " .. key .. " names no rule")
    end
  end
  for key in pairs(texts) do assert(english[key], lang .. ": unused key " .. key) end
end

-- the keys the sources use: a string literal that is a key, or a field
-- of a section named words
local sources = {}
for _, path in ipairs({"explorer/terminal/commands.lua", "explorer/terminal/course.lua",
    "explorer/terminal/debugger.lua", "explorer/terminal/diff.lua",
    "explorer/terminal/inspect.lua", "explorer/terminal/palette.lua",
    "explorer/terminal/play.lua", "explorer/run/playback.lua", "explorer/run/lifecycle.lua",
    "explorer/terminal/predict.lua", "explorer/terminal/replay.lua",
    "explorer/terminal/shell.lua", "explorer/terminal/tour.lua",
    "explorer/terminal/where.lua", "explorer/text/event.lua", "explorer/text/explain.lua",
    "explorer/text/i18n.lua",
    "explorer/export/formats.lua", "explorer/export/page.lua", "explorer/run/wrapper.lua",
    "shell/corolab.c", "shell/host.c"}) do
  sources[#sources + 1] = read(path)
end
local literal = {}
for _, src in ipairs(sources) do
  for key in src:gmatch('"([%w_]+)"') do literal[key] = true end
  for key in src:gmatch('words%.([%w_]+)') do literal[key] = true end
end
local player = read("explorer/export/player.html")
local page_used = {}
for key in player:gmatch("L%.([%w_]+)") do page_used[key] = true end
for key in player:gmatch('"([%w_]+)"') do page_used[key] = true end
for how in ("call resume destroy transfer"):gmatch("%a+") do   -- L[how], L[how + "_title"]
  page_used[how], page_used[how .. "_title"] = true, true
end

-- the runtime's own words, as a live run gives them: each place, each
-- awaitable that does not describe itself, each cause and state
local said = {}
for _, c in ipairs(coro.causes) do said[c.name] = true end
for _, s in ipairs(coro.states) do said[s.name] = true end
do
  local plain = {await_ready = function() return false end, await_suspend = function() end,
                 await_resume = function() end}
  local P = coro.promise_type {
    get_return_object = function(p) return coro.from_promise(p) end,
    initial_suspend = function() return plain end,
    final_suspend = function() return plain end,
    yield_value = function() return plain end,
    return_void = function() end,
    unhandled_exception = function(_, e) error(e, 0) end,
  }
  local body = coro.coroutine(P, function() coro.co_await(plain) coro.co_yield(1) end, "said")
  local observer = coro.observe(function(ev)
    if ev.detail ~= "" then said[ev.detail] = true end
    if ev.where then said[ev.where] = true end
  end)
  local h = body()
  while not h:done() do h:resume() end
  h:destroy()
  coro.unobserve(observer)
end

local used = {
  help = {}, ui = literal, tour = {}, wrapper = literal, usage = literal, page = page_used,
  layout = {}, states = {}, runtime = {}, orders = {},
}
for _, u in ipairs(coro.unspecified) do used.orders[u.name] = true end
for _, c in ipairs(require("explorer.terminal.commands").list) do used.help[c[1]] = true end
for _, s in ipairs(coro.states) do used.states[s.key] = true end
for field in pairs(coro.info(coro.coroutine(coro.generator, function() end)().h).offsets) do
  used.layout[field], used.layout["lua_" .. field] = true, true
end
for key, text in pairs(i18n.catalogue("en").runtime) do
  used.runtime[key] = said[text]
  assert(said[text], "en: runtime " .. key .. " is no word the runtime says: " .. text)
end
local tour = read("explorer/terminal/tour.lua")                 -- a part's title and intro,
for key in tour:gmatch('i18n%.text%("tour", "([%w_]+)"') do used.tour[key] = true end
for key in tour:gmatch('title = "([%w_]+)"') do used.tour[key] = true end
for key in tour:gmatch('intro = "([%w_]+)"') do used.tour[key] = true end
for key in tour:gmatch('{"[^"\n]*", "([%w_]+)"') do used.tour[key] = true end  -- a step's note

-- "%s%d": the %-directives in order; with positional ones ("%2$d"), in
-- the order of their positions
local function directives(text)
  local out, positional = {}, false
  for n, d in (text:gsub("%%%%", "")):gmatch("%%(%d*)%$?[-%d.]*(%a)") do
    if n ~= "" then positional = true out[tonumber(n)] = d else out[#out + 1] = d end
  end
  return table.concat(out), positional
end

-- every text of a section (a help entry is two)
local function texts_of(value, out)
  out = out or {}
  if type(value) == "string" then out[#out + 1] = value
  elseif type(value) == "table" then for _, v in pairs(value) do texts_of(v, out) end end
  return out
end

local count = #list
for section, keys_used in pairs(used) do
  local en = i18n.catalogue("en")[section]
  assert(en, "en: no section " .. section)
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
      elseif section == "orders" then              -- what it is, g++ 12's, clang 14's
        assert(type(text) == "table" and #text == 3, lang .. ": orders " .. key .. " is no triple")
        for _, t in ipairs(text) do
          assert(not t:find("%", 1, true), lang .. ": orders " .. key .. " has a %")
        end
      else
        local want, got = directives(english_text), directives(text)
        assert(got == want, lang .. ": " .. section .. " " .. key .. " has the %-directives "
               .. got .. ", English " .. want)
      end
    end
    for key in pairs(texts) do assert(en[key], lang .. ": unused " .. section .. " key " .. key) end
  end
end

-- every text of every language folded at every width: within it, broken
-- only where a line may break. A listed word is broken when a line ends
-- inside one of its occurrences, unless another listed word overlapping
-- it begins or ends there (保存在: 保存|在 does not break 存在)
local closing, opening = {}, {}
for _, c in utf8.codes("，。、：；！？）」』】》”’") do closing[c] = true end
for _, c in utf8.codes("（「『【《“‘") do opening[c] = true end

local function chars(text)                     -- its characters, spaces left out
  local out = {}
  for _, c in utf8.codes(text) do if c ~= 32 then out[#out + 1] = c end end
  return out
end

local function occurrences(flat, words)        -- {first, last} of each listed word
  local out = {}
  for _, word in ipairs(words) do
    local w = chars(word)
    for i = 1, #flat - #w + 1 do
      local k = 1
      while k <= #w and flat[i + k - 1] == w[k] do k = k + 1 end
      if k > #w then out[#out + 1] = {i, i + #w - 1, word} end
    end
  end
  return out
end

local function broken(found, at)               -- the word a break after char at breaks
  for _, o in ipairs(found) do
    if o[1] <= at and at < o[2] then
      local excused = false
      for _, other in ipairs(found) do
        excused = excused or (other ~= o and other[1] <= o[2] and other[2] >= o[1]
          and (other[1] == at + 1 or other[2] == at))
      end
      if not excused then return o[3] end
    end
  end
end

for _, lang in ipairs(i18n.languages) do
  assert(i18n.set(lang))
  local catalogue = i18n.catalogue(lang)
  for section, value in pairs(catalogue) do
    if section ~= "words" then
      for _, text in ipairs(texts_of(value)) do
        text = text:gsub("\n", " ")
        local found = occurrences(chars(text), catalogue.words)
        for width = 40, 100 do
          local lines, at = {}, 0
          for line in palette.fold(text, "     ", width):gmatch("[^\n]+") do
            lines[#lines + 1] = line
          end
          for n, line in ipairs(lines) do
            local body = line:sub(6)
            assert(palette.width(line) <= width or not palette.fold(body, "", 0):find("\n"),
                   lang .. ": folds wider than " .. width .. ": " .. line)
            assert(n == 1 or not closing[utf8.codepoint(body, 1)],
                   lang .. ": a line begins with closing punctuation: " .. line)
            assert(n == #lines or not opening[utf8.codepoint(body, utf8.offset(body, -1))],
                   lang .. ": a line ends with opening punctuation: " .. line)
            at = at + #chars(body)
            local word = n < #lines and broken(found, at)
            assert(not word, lang .. ": '" .. tostring(word) .. "' broken at width " .. width
                   .. ": " .. line .. " / " .. tostring(lines[n + 1]))
          end
        end
      end
    end
  end
end
assert(i18n.set("en"))

-- the section predict: a text for each event and each choice :predict
-- offers after it (predict.keys), and no other; each names its rule and
-- folds as the quiz prints it
local predict = require "explorer.terminal.predict"
local pairs_asked = predict.keys()
for _, lang in ipairs(i18n.languages) do
  local texts = i18n.catalogue(lang).predict
  local asked = {}
  for _, key in ipairs(pairs_asked) do
    asked[key] = true
    local text = texts[key]
    assert(type(text) == "string" and text ~= "", lang .. ": no predict text for " .. key)
    assert(text:find("%[[%w.]+%]"), lang .. ": predict " .. key .. " names no rule")
    local shown = string.format(i18n.catalogue(lang).ui.predict_why, text)
    for line in palette.fold(shown, "     "):gmatch("[^\n]+") do
      assert(palette.width(line) <= 79, lang .. ": predict " .. key .. " folds too wide")
    end
  end
  for key in pairs(texts) do assert(asked[key], lang .. ": unused predict key " .. key) end
end
count = count + #pairs_asked
print(("catalogues: %d keys in %d languages"):format(count, #i18n.languages))
