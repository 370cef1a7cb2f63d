// smoke.js — the page's module alone, under Node (web/engine.c, web/face.lua):
// it loads, lists every lesson, runs lesson 03 with its output and events,
// and answers each kind of bad input with its own status, after which a
// fresh state runs again; the page's words (web/words.lua) have the same
// keys in every language, and every key page.html uses.
// Run: node smoke.js corolab.js LESSONS-DIR page.html
"use strict";
const assert = require("assert");
const fs = require("fs");
const createCorolab = require(process.argv[2]);
const lessonsDir = process.argv[3];
const page = fs.readFileSync(process.argv[4], "utf8");

(async () => {
  let out = [];
  const M = await createCorolab({print: (l) => out.push(l), printErr: (l) => out.push("! " + l),
                                 stdin: () => null});
  function call(name, a, b, c, d) {
    const ok = M.ccall("web_call", "number", ["string", "string", "string", "string", "string"],
                       [name, a, b, c, d]);
    const answer = M.ccall("web_answer", "string", [], []);
    assert.ok(ok, name + " failed: " + answer);
    return answer;
  }
  function run(text, budget = 3e7, memory = 64 << 20, name = "script.lua") {
    assert.strictEqual(M.ccall("web_open", "number", ["number", "number"], [budget, memory]), 1,
                       M.ccall("web_answer", "string", [], []));
    out = [];
    const r = JSON.parse(call("run", name, text, "en", "record=10000\n"));
    r.output = out.join("\n");
    return r;
  }

  // every lesson of the repository, in order
  run("");
  const files = fs.readdirSync(lessonsDir).filter((f) => f.endsWith(".lua")).sort();
  const lessons = JSON.parse(call("lessons", "en"));
  assert.deepStrictEqual(lessons.map((l) => l.file), files.map((f) => "scripts/lessons/" + f));
  assert.ok(lessons.every((l) => l.title.length > 0), "a lesson without a title");

  // the page's words: each language has every key, and the page uses none other
  const words = (lang) => Object.keys(JSON.parse(call("words", lang))).sort();
  assert.deepStrictEqual(words("tr"), words("en"), "Turkish and English words differ");
  assert.deepStrictEqual(words("zh"), words("en"), "Chinese and English words differ");
  const used = [...page.matchAll(/data-word="(\w+)"|word\("(\w+)"/g)].map((m) => m[1] || m[2]);
  for (const key of used) assert.ok(words("en").includes(key), "page.html uses no word " + key);

  // lesson 03 as the CLI runs it: its output, its 53 events, the record
  const three = JSON.parse(call("lesson", "03-task", "en"));
  assert.strictEqual(three.code, fs.readFileSync(lessonsDir + "/03-task.lua", "utf8"));
  assert.ok(three.cpp.includes("co_await") && three.takeaway.length > 0);
  let r = run(three.code, 3e7, 64 << 20, three.file);
  assert.deepStrictEqual([r.status, r.events, r.output],
                         ["ok", 53, "inner gave\t42\nouter gave\t84"]);
  const record = JSON.parse(call("export", "record", "en"));
  assert.strictEqual(record.title, "corolab — scripts/lessons/03-task.lua");
  assert.strictEqual(record.events.length, 53);
  assert.ok(call("export", "html", "tr").includes('"explain":"'), "the page has no explanations");

  // bad input, each with its status; the state after each is replaced
  r = run("print('x'");
  assert.deepStrictEqual([r.status, r.message], ["error", "script.lua:1: ')' expected near <eof>"]);
  r = run("error('boom')");
  assert.strictEqual(r.status, "error");
  assert.ok(r.message.startsWith("script.lua:1: boom\nstack traceback:\n"), r.message);
  assert.ok(!r.message.includes("face.lua"),
            "the page's own frames in the traceback: " + r.message);
  let t = Date.now();
  r = run("local n = 0\nwhile true do n = n + 1 end", 1e7);
  assert.strictEqual(r.status, "budget");
  assert.ok(r.message.startsWith("script.lua:2: the page's instruction budget is spent"),
            r.message);
  assert.ok(Date.now() - t < 10000, "the budget took " + (Date.now() - t) + " ms");
  r = run("pcall(function() while true do end end)\nwhile true do pcall(error) end", 1e7);
  assert.strictEqual(r.status, "budget", "a pcall kept the loop going: " + JSON.stringify(r));
  r = run("local t = {}\nwhile true do t[#t + 1] = ('x'):rep(1e5) .. #t end", 3e9, 16 << 20);
  assert.deepStrictEqual([r.status, r.message.split("\n")[0]], ["memory", "not enough memory"]);
  r = run("local t = {}\nfor i = 1, 200 do t[i % 8] = ('x'):rep(1e5) .. i end print('done')", 3e9,
          16 << 20);
  assert.deepStrictEqual([r.status, r.output], ["ok", "done"]);    // garbage is no bomb
  // events without end, recorded: the recorder's folds count against the
  // budget, so the run stops as soon as a plain loop would (not after
  // folding millions of events outside it)
  t = Date.now();
  r = run(`local coro = require "coro"
local g = coro.coroutine(coro.generator, function() while true do coro.co_yield(1) end end, "g")()
while true do g:next() end`, 3e6);
  assert.strictEqual(r.status, "budget", "an endless generator: " + JSON.stringify(r));
  assert.ok(Date.now() - t < 10000 && r.events < 100000,
            "an endless generator stopped after " + (Date.now() - t) + " ms, " + r.events +
            " events");
  r = run("print(io.read())\nos.exit(3)");
  assert.strictEqual(r.output, "nil");           // no input in a page, and no exit
  assert.strictEqual(r.status, "error");
  r = run(three.code, 3e7, 64 << 20, three.file);
  assert.deepStrictEqual([r.status, r.events], ["ok", 53]);
  console.log("ok: %d lessons; lesson 03, 53 events; syntax, runtime, budget, memory, " +
              "input, exit; and a run after them", lessons.length);
})().catch((e) => { console.error(e); process.exit(1); });
