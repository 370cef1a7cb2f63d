"""test_page.py — the page (web/, built into corolab.html) in headless
Chromium, driven over the DevTools protocol by tests/repl/test_html.py's
Browser (no network, no module beyond Python's own).
Run: python3 test_page.py PAGE CASE [NATIVE]   (NATIVE: corolab built natively)
  selftest     PAGE#selftest: the page runs every lesson in WebAssembly and
               compares each run's records (values, causes, snapshots) and
               output with the native corolab's, made when the page was
               built; it writes its verdict into the DOM: "pass", and an
               "ok" line for every lesson of scripts/lessons
  user         a user's path, through the page's own test hook: lesson 1
               at first, with its stops; a script typed, run, stepped to an event: its
               line, the frames pane and the address; that address opened
               afresh shows the same script at the same event; a syntax
               error, an endless loop and a memory bomb, each with its
               message, then a run that works; a breakpoint with a
               condition; predict; the language; "Save run" against
               NATIVE --export html
  record       a run record played, as "open record" and a dropped file play
               it (the test hook's play): tests/trace/programs/
               task.record.json, a traced C++ program's, as many events
               as NATIVE --play gives it, its inferred events marked; the
               record cut short, the terminal's own line in the console;
               no record, its line; the cut record dropped on the page; the
               file chosen with "open record"
  screenshots  at 1280 and 400 px wide: the main panes there and not
               empty, nothing wider than the window, the options open
               inside it; PNGs kept in
               $COROLAB_WEB_KEEP when set
Chromium: $COROLAB_CHROMIUM, else chromium / chromium-browser / google-chrome
on PATH."""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "repl"))
from test_html import Browser, find_chromium  # noqa: E402  (the one DevTools client)

KEEP = os.environ.get("COROLAB_WEB_KEEP")
LESSONS = sorted(f[:-4] for f in os.listdir(os.path.join(ROOT, "scripts", "lessons"))
                 if f.endswith(".lua"))
SCRIPT = """local coro = require "coro"
local count = coro.coroutine(coro.generator, function(n)
  for i = 1, n do coro.co_yield(i) end
end, "count")
for v in count(3) do print(v) end
"""


def browser():
    exe = find_chromium()
    assert exe, "no chromium (install it, or set COROLAB_CHROMIUM)"
    return Browser(exe)


def wait_for(b, expression, timeout=60, what=None):
    """until the JS expression is truthy; its value"""
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        try:
            value = b.js(expression)
        except AssertionError:
            value = None                     # the page is still loading
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("waited %ds for %s; the page says: %s" % (
        timeout, what or expression, b.js("document.getElementById('status') ? "
                                           "document.getElementById('status').textContent : ''")))


def open_page(b, url, timeout=60):
    """a fresh load of url, until its first run is shown"""
    b.call("Page.navigate", {"url": "about:blank"}, page=True)
    b.call("Page.navigate", {"url": url}, page=True)
    wait_for(b, "document.documentElement.dataset.status && "
                "document.documentElement.dataset.status !== 'running' && "
                "document.documentElement.hasAttribute('data-ready')", timeout, "the first run")


def dom(b, sel, prop="textContent"):
    return b.js("(document.querySelector(%s) || {})[%s]" % (json.dumps(sel), json.dumps(prop)))


def run(b, text, timeout=60):
    """text typed into the editor and run: (status, console text)"""
    b.js("corolab.type(%s); corolab.run().then(() => 1)" % json.dumps(text))
    wait_for(b, "document.documentElement.dataset.status !== 'running'", timeout, "the run")
    return b.js("document.documentElement.dataset.status"), dom(b, "#console")


def hash_params(url):
    return dict(p.split("=", 1) for p in url.split("#", 1)[1].split("&") if "=" in p)


def unpack(b64):
    """the page's #src=: deflate-raw, base64url"""
    data = base64.urlsafe_b64decode(b64 + "=" * (-len(b64) % 4))
    return zlib.decompress(data, -15).decode()


# --- the cases ------------------------------------------------------------

def case_selftest(page, native):
    b = browser()
    b.call("Page.navigate", {"url": "file://%s#selftest" % page}, page=True)
    verdict = wait_for(b, "document.documentElement.dataset.selftest", 300, "the self-test")
    report = dom(b, "#selftest")
    print(report)
    assert verdict == "pass", "the self-test failed:\n" + report
    ok = re.findall(r"^ok (\S+): \d+ events$", report, re.M)
    assert ok == LESSONS, "lessons checked %s, lessons there %s" % (ok, LESSONS)


def case_user(page, native):
    b = browser()
    url = "file://" + page
    open_page(b, url)
    # at first: lesson 1, run, shown from its first event
    first = LESSONS[0]
    with open(os.path.join(ROOT, "scripts", "lessons", first + ".lua"), encoding="utf-8") as f:
        assert b.js("document.getElementById('code').value") == f.read(), \
            "lesson 1 is not in the editor"
    assert dom(b, "#lesson", "value") == first
    assert b.js("document.documentElement.dataset.status") == "ok"
    assert dom(b, "#cpp") and "co_yield" in dom(b, "#cpp"), "lesson 1's C++ not shown"
    # its stops (its block "stops", one rule a line, each its first
    # occurrence here) are the run's: the first is its first event, shown;
    # "next stop" goes to the second, an event of its kind, get_return_object
    with open(os.path.join(ROOT, "scripts", "lessons", first + ".lua"), encoding="utf-8") as f:
        block = f.read().split("--[==[stops\n", 1)[1].split("]==]", 1)[0]
    rules = [line.split()[0] for line in block.splitlines() if line.split()]
    assert rules[1] == "get_return_object", rules
    assert "%d stops" % len(rules) in dom(b, "#status"), (rules, dom(b, "#status"))
    assert rules[0] == "operator_new" and b.js("document.documentElement.dataset.event") == "1"
    b.js("document.getElementById('next-stop').click(); 1")
    wait_for(b, "corolab.events().find((e) => String(e.seq) === "
                "document.documentElement.dataset.event).kind === 'get_return_object'",
             10, "the lesson's second stop")
    assert dom(b, "#status") == "stop", dom(b, "#status")

    # a script typed and run, then stepped to the event where 2 is yielded
    status, output = run(b, SCRIPT)
    assert (status, output) == ("ok", "1\n2\n3\n"), (status, output)
    events = b.js("corolab.events()")
    yields = [e for e in events if e["call"] == "yield_value(2)"]
    assert len(yields) == 1, [e["call"] for e in events]
    seq = yields[0]["seq"]
    b.js("corolab.go(%d).then(() => 1)" % seq)
    assert b.js("document.documentElement.dataset.event") == str(seq)
    assert dom(b, "#current-line", "hidden") is False and \
        b.js("document.getElementById('current-line').dataset.line") == "3" and \
        not b.js("document.getElementById('current-line').classList.contains('last')"), \
        "line 3, co_yield, is not the current line of the editor"
    b.js("document.querySelector('#tabs [data-tab=\"inspect\"]').click(); 1")
    frames = dom(b, "#inspect")
    assert frames == b.js("corolab.frames()"), "the pane is not what the explorer says now"
    for pattern in (r"\(replay %d/%d #1 count yield_value\) :frames" % (seq, len(events)),
                    r"\n  #1\s+count\s+generator\s+running\s+script\.lua:3\s+main\n",
                    r":where\n#1 count at event %d: yield_value\(2\)  @ script\.lua:3\n" % seq,
                    r"\n=>     body ", r"resume chain: main resumed #1 count",
                    r":show 1\n#1 count  promise_type generator  running"):
        assert re.search(pattern, frames), "the frames pane lacks %r:\n%s" % (pattern, frames)
    address = b.js("location.href")
    params = hash_params(address)
    assert params.get("event") == str(seq), address
    assert "src" in params and unpack(params["src"]) == SCRIPT, \
        "the address does not carry the script: " + address

    # the address, opened afresh: the same script at the same event
    open_page(b, address)
    wait_for(b, "document.documentElement.dataset.event === '%d'" % seq, 30, "event %d" % seq)
    assert b.js("document.getElementById('code').value") == SCRIPT
    assert b.js("document.getElementById('current-line').dataset.line") == "3"
    assert dom(b, "#console") == "1\n2\n3\n"

    # bad input: each its message; then a run that works
    status, output = run(b, "print('x'")
    assert status == "error" and "script.lua:1: ')' expected near <eof>" in output, output
    started = time.monotonic()
    status, output = run(b, "local n = 0\nwhile true do n = n + 1 end", 120)
    took = time.monotonic() - started
    assert status == "budget", (status, output)
    for part in ("stopped: the script ran past the page's budget of 30 million Lua instructions",
                 "raise \"instruction budget\" under options", "&budget=N",
                 "script.lua:2: the page's instruction budget is spent"):
        assert part in output, "the endless loop's message lacks %r:\n%s" % (part, output)
    status, output = run(b, "local t = {}\nwhile true do t[#t + 1] = ('x'):rep(1e6) .. #t end", 120)
    assert status == "memory", (status, output)
    for part in ("stopped: the script used more than the page's 128 MB of memory",
                 "raise \"memory\" under options", "&memory=N", "not enough memory"):
        assert part in output, "the memory bomb's message lacks %r:\n%s" % (part, output)
    assert run(b, SCRIPT) == ("ok", "1\n2\n3\n"), "no run after the bad ones"
    print("the endless loop stopped after %.1f s" % took)

    # a breakpoint on an event kind, with a condition on its values
    b.js("document.getElementById('break').value = 'yield_value if ev.args[1] == 2'; 1")
    status, output = run(b, SCRIPT)
    assert status == "ok" and output.startswith("breakpoint 1: yield_value if ev.args[1] == 2\n"), \
        output
    assert "1 stops" in dom(b, "#status"), dom(b, "#status")
    b.js("corolab.go(corolab.events()[0].seq).then(() => 1)")
    b.js("document.getElementById('next-stop').click(); 1")
    wait_for(b, "document.documentElement.dataset.event === '%d'" % seq, 10, "the stop")
    assert dom(b, "#status") == "breakpoint 1"
    b.js("document.getElementById('break').value = ''; 1")

    # predict: the explorer's question at an event, its verdict on a guess
    b.js("document.getElementById('predict').click(); 1")
    wait_for(b, "document.documentElement.dataset.status === 'ok' && "
                "document.querySelectorAll('#choices button').length", 30, "the quiz")
    events = b.js("corolab.events()")
    assert b.js("document.documentElement.dataset.event") == str(events[0]["seq"])
    choices = b.js("[...document.querySelectorAll('#choices button')].map((b) => b.textContent)")
    assert dom(b, "#question") == "what happens next?", dom(b, "#question")
    right = events[1]["kind"]
    assert right in choices, (right, choices)
    b.js("[...document.querySelectorAll('#choices button')].find((b) => b.textContent === %s)"
         ".click(); 1" % json.dumps(right))
    wait_for(b, "document.documentElement.dataset.event === '%d'" % events[1]["seq"], 10)
    assert dom(b, "#verdict") == "right: %s  (1 right of 1)" % right, dom(b, "#verdict")
    choices = b.js("[...document.querySelectorAll('#choices button')].map((b) => b.textContent)")
    wrong = [c for c in choices if c != events[2]["kind"]][0]
    b.js("[...document.querySelectorAll('#choices button')].find((b) => b.textContent === %s)"
         ".click(); 1" % json.dumps(wrong))
    wait_for(b, "document.documentElement.dataset.event === '%d'" % events[2]["seq"], 10)
    verdict = dom(b, "#verdict")
    assert re.fullmatch(r"not %s: it is %s  \(1 right of 2\)\nwhy not: [^\n]{20,}\[[^\n]+\]"
                        r"[^\n]*" % (re.escape(wrong), re.escape(events[2]["kind"])), verdict), \
        "the verdict on a wrong guess, with why (unfolded, with its rule): " + verdict
    assert dom(b, "#score") == "predictions: 1 right of 2", dom(b, "#score")
    b.js("document.getElementById('predict').click(); 1")
    wait_for(b, "document.documentElement.dataset.status === 'ok'", 30)

    # the language: the page's words, the explorer's, lang on the page
    english = b.js("document.getElementById('player').contentDocument"
                   ".getElementById('explain').textContent")
    b.js("corolab.language('tr').then(() => 1)")
    assert b.js("document.documentElement.lang") == "tr"
    assert dom(b, "#run").strip().endswith("Çalıştır"), dom(b, "#run")
    turkish = b.js("document.getElementById('player').contentDocument"
                   ".getElementById('explain').textContent")
    assert turkish and turkish != english, (english, turkish)
    assert hash_params(b.js("location.href")).get("lang") == "tr"
    b.js("corolab.language('en').then(() => 1)")

    # "Save run": what the CLI's --export html writes, but for the frame
    # sizes (a wasm32 frame's pointers take 4 bytes)
    b.js("corolab.lesson('03-task').then(() => 1)")
    saved = b.js("corolab.saved()")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "03.html")
        subprocess.run([native, "--export", "html=" + out, "scripts/lessons/03-task.lua"],
                       cwd=ROOT, check=True, capture_output=True, timeout=120,
                       env=dict(os.environ, LC_ALL="C.UTF-8", COROLAB_HOME=tmp))
        with open(out, encoding="utf-8") as f:
            cli = f.read()
    sizes = lambda text: re.sub(r"\b\d+ bytes\b", "N bytes", text)  # noqa: E731
    assert sizes(saved) == sizes(cli), "Save run differs from --export html"
    assert saved != cli, "the same frame sizes as natively: is this page native?"


def native_play(native, folder, name):
    """NATIVE --play folder/name, run in folder: its record exported, its stderr"""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "played.json")
        p = subprocess.run([native, "--play", name, "--export", "record=" + out], cwd=folder,
                           capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                           env=dict(os.environ, LC_ALL="C.UTF-8", COROLAB_HOME=tmp))
        assert p.returncode == 0, (p.returncode, p.stderr)
        with open(out, encoding="utf-8") as f:
            return json.load(f)["events"], p.stderr


def play(b, name, text):
    """the page's test hook plays text, a file name: its status and console"""
    b.js("corolab.play(%s, %s).then(() => 1)" % (json.dumps(name), json.dumps(text)))
    return (b.js("document.documentElement.dataset.status"), dom(b, "#console"))


def case_record(page, native):
    b = browser()
    open_page(b, "file://" + page)
    folder = os.path.join(ROOT, "tests", "trace", "programs")
    name = "task.record.json"
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        text = f.read()
    events, stderr = native_play(native, folder, name)
    inferred = [e["seq"] for e in events if e.get("inferred")]
    assert stderr == "" and len(events) > 20 and inferred, (stderr, len(events), inferred)
    status, output = play(b, name, text)
    assert (status, output) == ("ok", ""), (status, output)
    got = b.js("corolab.events()")
    assert [e["seq"] for e in got] == [e["seq"] for e in events], \
        "the page plays %d events of %s, corolab --play %d" % (len(got), name, len(events))
    assert [e["kind"] for e in got] == [e["kind"] for e in events]
    assert "%d events" % len(events) in dom(b, "#status"), dom(b, "#status")
    marked = b.js("[...document.getElementById('player').contentDocument"
                  ".querySelectorAll('#events li.inferred')].map((li) => Number(li.dataset.seq))")
    assert marked == inferred, "events marked inferred %s, the record's %s" % (marked, inferred)
    assert b.js("document.getElementById('player').contentDocument"
                ".querySelector('#events li.inferred .inferred').textContent"), \
        "an inferred event without its label"

    # the record cut in the middle of a line: the terminal's line, in the
    # console, and the whole events before it played
    cut = text[:3000]
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
            f.write(cut)
        events, stderr = native_play(native, tmp, name)
    assert re.fullmatch(r"corolab: task\.record\.json has no end: [^\n]+\n", stderr), stderr
    status, output = play(b, name, cut)
    assert (status, output) == ("ok", stderr), \
        "the console %r, corolab --play's stderr %r" % (output, stderr)
    assert b.js("document.querySelector('#console .err').textContent") == stderr
    assert len(b.js("corolab.events()")) == len(events) > 0, len(events)

    # no record at all: the terminal's words, nothing played
    status, output = play(b, "notes.json", "{}\n")
    assert status == "error" and output == (
        "corolab: cannot play notes.json: its first line is not the head of a corolab run "
        "record (what corolab/trace.hpp and corolab --export record write: "
        "docs/record-format.md)\n"), (status, output)
    assert b.js("corolab.events()") == [] and "nothing played" in dom(b, "#status")

    # the cut record dropped on the page: its line again
    b.js("(() => { const t = new DataTransfer(); t.items.add(new File([%s], %s));"
         " document.body.dispatchEvent(new DragEvent('drop', {dataTransfer: t, bubbles: true}));"
         " return 1; })()" % (json.dumps(cut), json.dumps(name)))
    wait_for(b, "document.documentElement.dataset.status === 'ok'", 30, "the record dropped")
    assert dom(b, "#console") == stderr and len(b.js("corolab.events()")) == len(events)

    # the file chosen with "open record": the whole record again
    root = b.call("DOM.getDocument", page=True)["root"]["nodeId"]
    chooser = b.call("DOM.querySelector", {"nodeId": root, "selector": "#record-file"},
                     page=True)["nodeId"]
    b.call("DOM.setFileInputFiles", {"nodeId": chooser, "files": [os.path.join(folder, name)]},
           page=True)
    wait_for(b, "corolab.events().length === %d" % len(got), 30, "the record opened")
    assert dom(b, "#console") == "" and "%d events" % len(got) in dom(b, "#status")


def case_screenshots(page, native):
    b = browser()
    url = "file://%s#lesson=03-task&event=24" % page
    for width, height in ((1280, 900), (400, 860)):
        b.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
               "deviceScaleFactor": 1, "mobile": False}, page=True)
        open_page(b, url)
        wait_for(b, "document.documentElement.dataset.event === '24'", 30, "event 24")
        time.sleep(0.3)                                  # the iframe lays out
        panes = b.js("""(() => {
          const box = (e) => { if (!e) return null; const r = e.getBoundingClientRect();
            return [Math.round(r.width), Math.round(r.height)]; };
          const q = (s) => document.querySelector(s);
          const p = q('#player').contentDocument;
          return {
            code: [box(q('#code')), q('#code').value.length],
            gutter: [box(q('#gutter')), q('#gutter').textContent.length],
            cpp: [box(q('#cpp')), q('#cpp').textContent.length],
            takeaway: [box(q('#takeaway')), q('#takeaway').textContent.length],
            console: [box(q('#console')), q('#console').textContent.length],
            player: [box(q('#player')), p.querySelectorAll('#events li').length],
            wrapper: [box(p.querySelector('#wrapper')),
                      p.querySelectorAll('#wrapper .cursor').length],
            frames: [box(p.querySelector('#frames')), p.querySelectorAll('#frames .frame').length],
            run: [box(q('#run')), q('#run').textContent.length],
            wide: document.documentElement.scrollWidth,
          };
        })()""")
        wide = panes.pop("wide")
        assert wide <= width, "%d px wide: the page is %d px wide" % (width, wide)
        for name, (size, content) in panes.items():
            assert size and size[0] > 0 and size[1] > 0, "%d px: %s not shown: %s" % (
                width, name, size)
            assert size[0] <= width, "%d px: %s is %d px wide" % (width, name, size[0])
            assert content > 0, "%d px: %s is empty" % (width, name)
        assert panes["player"][1] == 53, panes
        # the options, opened, fit in the window (they open toward its room)
        box = b.js("(async () => { const d = document.getElementById('options'); d.open = true;"
                   " await new Promise((r) => setTimeout(r, 100));"   # its toggle event
                   " const r = d.querySelector('div').getBoundingClientRect(); d.open = false;"
                   " return [r.left, r.right]; })()")
        assert 0 <= box[0] < box[1] <= width, "%d px: the options open at %s" % (width, box)
        png = b.screenshot(os.path.join(KEEP or tempfile.gettempdir(),
                                        "corolab-web-%d.png" % width))
        assert png.startswith(b"\x89PNG") and len(png) > 20000, len(png)
        print("ok %d px: %s" % (width, panes))


def main():
    page, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    native = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
    assert os.path.exists(page), "no page at %s (built by web/build.cmake)" % page
    cases = {"selftest": case_selftest, "user": case_user, "record": case_record,
             "screenshots": case_screenshots}
    cases[case](page, native)
    print("ok", case)


if __name__ == "__main__":
    main()
