// yields.js — a script in the page's module under Node, as the page runs
// it (web_open, then the face's run: a fresh Lua state with the explorer,
// under the page's caps), with nobody watching (record=0), as `corolab
// script.lua n` runs: bench/run times the same in corolab beside it.
// Prints KEY_ms, the median of reps runs.
// Usage: node yields.js corolab.js script.lua n reps KEY
"use strict";
const fs = require("fs");
const [engine, script, n, reps, key] = process.argv.slice(2);
const text = fs.readFileSync(script, "utf8");

require(engine)({print: () => {}, printErr: (l) => console.error(l)}).then((M) => {
  const times = [];
  for (let i = 0; i < Number(reps); i++) {
    const start = process.hrtime.bigint();
    if (!M.ccall("web_open", "number", ["number", "number"], [1e12, 1 << 30]))
      throw new Error(M.ccall("web_answer", "string", [], []));
    const ok = M.ccall("web_call", "number", ["string", "string", "string", "string", "string"],
                       ["run", "yields.lua", text, "en", "record=0\nargs=" + n + "\n"]);
    const answer = M.ccall("web_answer", "string", [], []);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!ok || JSON.parse(answer).status !== "ok") throw new Error("the run failed: " + answer);
  }
  times.sort((a, b) => a - b);
  console.log("%s_ms %s", key, times[times.length >> 1].toFixed(2));
}).catch((e) => { console.error(e); process.exit(1); });
