"""page.py — the page's figures for bench/run, as "key value" lines: its
size (web_page_bytes); from opening it to lesson 1 shown in headless
Chromium, the median of reps fresh loads (web_open_ms: the page's
html[data-shown-ms], milliseconds since the navigation began); and, in the
same Chromium, the page's module running yields.lua and plain.lua with n
(web_chromium_KEY_ms, as yields.js does under Node).
Usage: python3 page.py corolab.html reps n yields.lua plain.lua"""
import json
import os
import statistics
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "repl"))
from test_html import Browser, find_chromium  # noqa: E402  (the one DevTools client)

# a script in a second instance of the page's module: web_open and run, as
# the page runs it, with nobody watching; the median of reps runs
TIME_SCRIPT = """createCorolab({print: () => {}}).then((M) => {
  const times = [];
  for (let i = 0; i < %(reps)d; i++) {
    const start = performance.now();
    M.ccall("web_open", "number", ["number", "number"], [1e12, 1 << 30]);
    const ok = M.ccall("web_call", "number", ["string", "string", "string", "string", "string"],
                       ["run", "script.lua", %(text)s, "en", "record=0\\nargs=%(n)d\\n"]);
    const answer = M.ccall("web_answer", "string", [], []);
    if (!ok || JSON.parse(answer).status !== "ok") throw new Error(answer);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
})"""


def wait(b, expression, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = b.js(expression)
        except AssertionError:
            value = None
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("the page did not show lesson 1 in %ds" % timeout)


def main():
    page, reps, n = os.path.abspath(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    scripts = {"yields": sys.argv[4], "plain": sys.argv[5]}
    print("web_page_bytes %d" % os.path.getsize(page))
    b = Browser(find_chromium())
    opened = []
    for _ in range(reps):
        b.call("Page.navigate", {"url": "about:blank"}, page=True)
        b.call("Page.navigate", {"url": "file://" + page}, page=True)
        opened.append(float(wait(b, "document.documentElement.dataset.status === 'ok' && "
                                    "document.documentElement.dataset.shownMs")))
    print("web_open_ms %.1f" % statistics.median(opened))
    for key, path in scripts.items():
        with open(path, encoding="utf-8") as f:
            text = f.read()
        ms = b.js(TIME_SCRIPT % {"reps": reps, "text": json.dumps(text), "n": n})
        print("web_chromium_%s_ms %.2f" % (key, ms))


if __name__ == "__main__":
    main()
