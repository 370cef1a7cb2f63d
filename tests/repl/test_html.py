"""test_html.py — the page that plays a recorded run (explorer/export/player.html, written
by corolab --export html=FILE) in headless Chromium. One Chromium per test
process, driven over --remote-debugging-pipe (the DevTools protocol on fds
3/4: no network, no module beyond Python's own): each page is opened at
FILE.html#event=N (loaded afresh, or N typed in: a hashchange) and its DOM
hooks (listed at the top of player.html) are read back and compared with what the run's JSON says — the frames by
folding `changes`/`gone` here, in Python, independently of the page's JS.
Run: python3 test_html.py BINARY CASE
  offline   the template and a filled page name no external URL, and a
            lesson's export is the template plus a run in the format (no
            Chromium)
  sample    page_sample.json (hand-made) put into the template as the
            exporter does: the DOM at several events, keys, clicks, #event=N
  lessons   BINARY --export html=OUT for every lesson (from the repository
            root): the page is the template plus the run, and its DOM at a
            few events agrees with its own JSON; a screenshot is taken
  lesson:NAME  the same for one lesson
  values    lesson 03's page, checked against what lesson 03 really does (not
            against its own JSON): each member's result and call in the
            data, and in the DOM Chromium renders (await_resume → 42, ...);
            lesson 09's exceptions as their values (throw("stored failed"))
  unspecified lesson 10's event an unspecified order placed, marked in the
            list and told in #unspecified, in three languages
  languages lesson 03 exported in English, Turkish and Chinese: <html lang>,
            every label of the page in that language (none left in English),
            a frame's state in words; at 400 px wide the "event N of M"
            counter is on the screen
  played[:RECORD]  a run record played (corolab --play RECORD --export
            html=OUT; at first tests/trace/programs/task.record.json, a real
            C++20 program traced by g++): the page is the template plus the
            run, its DOM at a few events agrees with its own JSON, the C++
            source shows at the record's lines, and exactly the events the
            program inferred are marked inferred, in the list and at #now
Chromium: $COROLAB_CHROMIUM, else chromium / chromium-browser / google-chrome
on PATH; without one the Chromium cases print "skipped: no chromium" and
exit 0. COROLAB_HTML_KEEP=DIR keeps the pages and screenshots there."""
import atexit
import base64
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TEMPLATE = os.path.join(ROOT, "explorer", "export", "player.html")
SAMPLE = os.path.join(HERE, "page_sample.json")
PLACEHOLDER = "__COROLAB_RUN__"
STATES = {"prologue", "running", "suspended_initial", "suspended", "suspended_final", "destroying"}
TMP = tempfile.mkdtemp(prefix="corolab-html-")
atexit.register(shutil.rmtree, TMP, True)
KEEP = os.environ.get("COROLAB_HTML_KEEP")
ENV = dict(os.environ, NO_COLOR="1", COROLAB_HISTORY=os.devnull, COROLAB_HOME=TMP,
           LC_ALL="C.UTF-8")


def fill(template, run_json):
    """what the exporter does: the JSON in place of the placeholder, every
    "</" written "<\\/" so that no text in it can close the <script>"""
    return template.replace(PLACEHOLDER, run_json.replace("</", "<\\/"), 1)


def embedded_run(page):
    """the run's JSON text and value, back out of a page"""
    m = re.search(r'<script id="run" type="application/json">(.*?)</script>', page, re.S)
    assert m, "no <script id=\"run\" type=\"application/json\"> in the page"
    return m.group(1), json.loads(m.group(1))


def with_nulls(run):
    """a null field may also be left out (Lua's nil): the page reads both;
    an event's chain, an index into run["chains"], becomes its edges"""
    if not run.get("sources"):
        run["sources"] = {}                  # {} or [] when no source is readable
    for ev in run["events"]:
        assert isinstance(ev["chain"], int) and 0 <= ev["chain"] < len(run["chains"]), ev
        ev["chain"] = run["chains"][ev["chain"]]
        for key in ("result", "explain", "unspecified", "file", "lineno"):
            ev.setdefault(key, None)
        for key in ("cursor", "chain", "changes", "gone"):
            ev.setdefault(key, [])
        for c in ev["changes"]:
            for key in ("at", "promise", "awaiter", "resumed_by"):
                c.setdefault(key, None)
    return run


def external_urls(text):
    """anything that would make the page reach the network"""
    found = re.findall(r"(?i)https?:|//cdn|\bsrc\s*=\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:|//)[^\s\"'>]*"
                       r"|\burl\(\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:|//)|@import", text)
    return [f for f in found if not re.match(r"(?i)(src\s*=\s*[\"']?|url\(\s*[\"']?)data:", f)]


def write(name, text):
    path = os.path.join(KEEP or TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# --- Chromium over the DevTools protocol (NUL-separated JSON on fds 3/4) -----

def find_chromium():
    exe = os.environ.get("COROLAB_CHROMIUM")
    if exe:
        return exe
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        exe = shutil.which(name)
        if exe:
            return exe
    return None


class Browser:
    def __init__(self, exe):
        to_chrome, self.out = os.pipe()      # Chromium reads commands on its fd 3
        self.inp, from_chrome = os.pipe()    # and writes answers and events on fd 4

        def child():
            a, b = os.dup(to_chrome), os.dup(from_chrome)
            os.dup2(a, 3)
            os.dup2(b, 4)
        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + os.path.join(TMP, "profile"), "--window-size=1280,900",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-sync", "about:blank"],
            preexec_fn=child, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(to_chrome)
        os.close(from_chrome)
        atexit.register(self.close)
        self.buffer, self.next_id = b"", 0
        page = [t for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page"]
        assert page, "Chromium has no page"
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": page[0]["targetId"], "flatten": True})["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                  page=True)

    def call(self, method, params=None, page=False, timeout=30):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if page:
            msg["sessionId"] = self.session
        os.write(self.out, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" not in self.buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self.inp], [], [], left)[0]:
                    raise AssertionError("Chromium did not answer %s in %ds" % (method, timeout))
                chunk = os.read(self.inp, 1 << 20)
                if not chunk:
                    raise AssertionError("Chromium exited: %s" % self.proc.stderr.read()[-2000:])
                self.buffer += chunk
            text, _, self.buffer = self.buffer.partition(b"\0")
            answer = json.loads(text)
            if answer.get("id") == self.next_id:     # anything else is an event: not used
                if "error" in answer:
                    raise AssertionError("%s: %s" % (method, answer["error"]))
                return answer["result"]

    def js(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True}, page=True)
        if "exceptionDetails" in r:
            raise AssertionError("JS error: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def load(self, url):
        """a fresh load (never a same-document hash change); waits for the
        page to show an event (html[data-event]) or to give up"""
        self.call("Page.navigate", {"url": "about:blank"}, page=True)
        self.call("Page.navigate", {"url": url}, page=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            state = self.js("[location.href, document.readyState, "
                            "(document.documentElement || {dataset: {}}).dataset.event || null]")
            if state[0].split("#")[0] == url.split("#")[0] and state[1] == "complete":
                return
            time.sleep(0.02)
        raise AssertionError("%s did not load: %s" % (url, state))

    def hop(self, seq):
        """#event=SEQ typed into the address bar of the page already loaded
        (a hashchange, no reload); waits for the page to show it"""
        self.js("location.hash = '#event=%d'; new Promise((done) => { const f = () => "
                "document.documentElement.dataset.event === '%d' ? done() : setTimeout(f, 5); "
                "f(); })" % (seq, seq))

    def key(self, key, code=None, vk=0):
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent",
                      {"type": kind, "key": key, "code": code or key,
                       "windowsVirtualKeyCode": vk, "text": key if len(key) == 1 else ""},
                      page=True)

    def screenshot(self, path):
        data = base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"},
                                          page=True)["data"])
        with open(path, "wb") as f:
            f.write(data)
        return data

    def close(self):
        if self.proc.poll() is None:
            try:
                self.call("Browser.close", timeout=5)
            except (AssertionError, OSError):
                pass
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# what the page shows, through its DOM hooks
READ_DOM = r"""(() => {
  const q = (s, r) => (r || document).querySelector(s);
  const all = (s) => [...document.querySelectorAll(s)];
  const t = (s, r) => { const e = q(s, r); return e ? e.textContent : null; };
  const current = q("#source .current"), last = q("#source .last");
  const seen = (e) => {          // inside its scrolling panel's box (null: no such element)
    if (!e) return null;
    const b = e.closest(".body").getBoundingClientRect(), r = e.getBoundingClientRect();
    return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  };
  return {
    event: Number(document.documentElement.dataset.event), hash: location.hash,
    counter: t("#counter"), slider: Number(q("#slider").value),
    now: {who: t("#now .who"), call: t("#now .call"), result: t("#now .result"),
          where: t("#now .where")},
    explain: t("#explain"),
    unspecified: t("#unspecified"),
    unspecified_shown: getComputedStyle(q("#unspecified")).display !== "none",
    marked_events: all("#events li.unspecified")
      .filter((e) => getComputedStyle(q(".seq", e), "::before").content === '"\u2021"')
      .map((e) => Number(e.dataset.seq)),
    cursor: all("#wrapper .cursor").map((e) => Number(e.dataset.i)),
    marked: all("#wrapper .wline").filter((e) => e.textContent.startsWith("=> "))
      .map((e) => Number(e.dataset.i)),
    wrapper: all("#wrapper .wline").map((e) => e.textContent.slice(3)),
    file: t("#source-file"),
    line: current ? Number(current.dataset.line) : null,
    line_text: current ? current.textContent : null,
    last: last ? Number(last.dataset.line) : null,
    events: all("#events li").length,
    current: all("#events li.current").map((e) => Number(e.dataset.seq)),
    current_call: t("#events li.current .call"), current_result: t("#events li.current .result"),
    frames: all("#frames .frame").map((f) => ({
      id: Number(f.dataset.id), data_state: f.dataset.state, label: t(".label", f),
      ptype: t(".ptype", f), state: t(".state", f), at: t(".at", f), promise: t(".promise", f),
      awaiter: t(".awaiter", f), resumed_by: t(".resumed-by", f),
      active: f.classList.contains("active")})),
    chain: all("#chain .arrow").map((a) => [Number(a.dataset.from), Number(a.dataset.to),
                                             a.dataset.kind]),
    nodes: all("#chain .node").map((n) => n.textContent),
    idle: !!q("#chain .idle"),
    seen: {event: seen(q("#events li.current")), line: seen(current),
           frame: seen(q("#frames .frame.active"))},
  };
})()"""


# --- what the run's JSON says the page must show ----------------------------

def alive_at(run, i):
    """the fold: the latest snapshot of each frame over events[0..i], minus
    the frames gone by then"""
    snaps, gone = {}, set()
    for ev in run["events"][:i + 1]:
        for c in ev["changes"]:
            snaps[c["id"]] = c
        gone.update(ev["gone"])
    return [snaps[k] for k in sorted(snaps) if k not in gone]


def text(v):
    return "" if v is None else str(v)


def check_dom(run, i, dom, url):
    ev, events = run["events"][i], run["events"]
    where = "%s (index %d, seq %d)" % (url, i, ev["seq"])

    def eq(what, got, want):
        assert got == want, "%s: %s is %r, expected %r" % (where, what, got, want)
    eq("html[data-event]", dom["event"], ev["seq"])
    eq("the hash", dom["hash"], "#event=%d" % ev["seq"])
    eq("#counter", dom["counter"], counter(run, ev["seq"], events[-1]["seq"]))
    eq("#slider", dom["slider"], i)
    eq("#events li count", dom["events"], len(events))
    eq("#events .current", dom["current"], [ev["seq"]])
    eq("#events .current scrolled into view", dom["seen"]["event"], True)
    assert dom["seen"]["line"] in (None, True), (where, "#source .current not in view")
    assert dom["seen"]["frame"] in (None, True), (where, "the active frame not in view")
    eq("#events .current .call", dom["current_call"], ev["call"] or ev["kind"])
    eq("#events .current .result", dom["current_result"], text(ev["result"]))
    eq("#now .result", dom["now"]["result"], text(ev["result"]))
    eq("#now .call", dom["now"]["call"], ev["call"] or ev["kind"])
    eq("#now .who", dom["now"]["who"], ev["label"])
    eq("#explain", dom["explain"], text(ev["explain"]))
    eq("#unspecified", dom["unspecified"], text(ev["unspecified"]))
    eq("#unspecified shown", dom["unspecified_shown"], bool(ev["unspecified"]))
    eq("#events marked \u2021", dom["marked_events"], [e["seq"] for e in events if e["unspecified"]])
    eq("#wrapper lines", dom["wrapper"], run["wrapper"])
    eq("#wrapper .cursor", dom["cursor"], sorted(set(ev["cursor"])))
    eq("the lines marked =>", dom["marked"], sorted(set(ev["cursor"])))
    lines = run["sources"].get(ev["file"]) if ev["file"] else None
    want = ev["lineno"] if lines and ev["lineno"] and ev["lineno"] <= len(lines) else None
    eq("#source .current", dom["line"], want)
    if want:
        eq("#source-file", dom["file"], ev["file"])
        assert dom["line_text"].endswith(lines[want - 1]), (where, dom["line_text"])
    eq("#chain arrows", dom["chain"], [list(e) for e in ev["chain"]])
    assert dom["idle"] == (not ev["chain"]), (where, "#chain .idle", dom["idle"])
    alive = alive_at(run, i)
    eq("the frames shown", [f["id"] for f in dom["frames"]], [s["id"] for s in alive])
    for f, s in zip(dom["frames"], alive):
        info = run["frames"][str(s["id"])]
        for key, want in (("state", run["labels"]["states"][s["state"]]),
                          ("data_state", s["state"]),
                          ("at", text(s["at"])), ("promise", text(s["promise"])),
                          ("awaiter", text(s["awaiter"])), ("resumed_by", text(s["resumed_by"])),
                          ("label", info["label"]), ("ptype", text(info["promise_type"])),
                          ("active", s["id"] == ev["frame"])):
            eq("frame %d's %s" % (s["id"], key), f[key], want)


def counter(run, seq, last):
    """the page's "event SEQ of LAST", in its language"""
    values = [seq, last]
    return re.sub(r"%[ds]", lambda m: str(values.pop(0)), run["labels"]["counter"])


def check_run(run, where):
    """the JSON follows the format player.html reads"""
    for key in ("title", "version", "lang", "labels", "wrapper", "sources", "frames", "events"):
        assert key in run, "%s: no %r in the run" % (where, key)
    assert STATES <= set(run["labels"]["states"]), (where, run["labels"]["states"])
    assert run["events"], where + ": no events"
    seqs = [ev["seq"] for ev in run["events"]]
    assert seqs == sorted(set(seqs)), where + ": seq not increasing"
    for ev in run["events"]:
        w = "%s, event %d" % (where, ev["seq"])
        assert all(0 <= c < len(run["wrapper"]) for c in ev["cursor"]), (w, ev["cursor"])
        assert ev["frame"] == 0 or str(ev["frame"]) in run["frames"], (w, ev["frame"])
        assert ev["label"] == ("main" if ev["frame"] == 0 else
                               run["frames"][str(ev["frame"])]["label"]), (w, ev["label"])
        # the page shows "call → result": the call is the member call alone
        assert ev["result"] is None or not ev["call"].endswith(" \u2192 " + ev["result"]), \
            (w, "the call %r repeats its result %r" % (ev["call"], ev["result"]))
        for a, b, how in ev["chain"]:
            assert how in ("call", "resume", "destroy", "transfer"), (w, ev["chain"])
        for c in ev["changes"]:
            assert c["state"] in STATES and str(c["id"]) in run["frames"], (w, c)
        assert ev["lineno"] is None or ev["file"], (w, "a line number without its file")


def picks(run):
    """a few telling events: the most frames alive (first: the one loaded
    afresh), then the first and last, the first symmetric transfer in a
    chain, the first frame gone, the first body line, the first event an
    unspecified order placed"""
    events, chosen = run["events"], [0, len(run["events"]) - 1]
    counts, live = [], {}
    for i, ev in enumerate(events):
        for c in ev["changes"]:
            live[c["id"]] = True
        for g in ev["gone"]:
            live.pop(g, None)
        counts.append(len(live))
    most = max(range(len(events)), key=lambda i: (counts[i], -i))
    for test in (lambda ev: any(e[2] == "transfer" for e in ev["chain"]),
                 lambda ev: ev["gone"], lambda ev: ev["lineno"], lambda ev: ev["unspecified"]):
        chosen += [i for i, ev in enumerate(events) if test(ev)][:1]
    return [most] + sorted(set(chosen) - {most})


# --- the cases ---------------------------------------------------------------

def case_offline(binary):
    template = open(TEMPLATE, encoding="utf-8").read()
    assert template.count(PLACEHOLDER) == 1, "the placeholder must be in the template once"
    assert '<script id="run" type="application/json">%s</script>' % PLACEHOLDER in template
    assert not external_urls(template), "external URL in player.html: %s" % external_urls(template)
    page = fill(template, open(SAMPLE, encoding="utf-8").read())
    assert not external_urls(page), "external URL in the sample page: %s" % external_urls(page)
    # the check itself catches what it must
    for bad in ('<script src="https://x.org/a.js">', "<link href=http://x.org/a.css>",
                '<img src="//cdn.x.org/a.png">', "url(ftp://x/y)", "@import 'x.css';"):
        assert external_urls(bad), bad
    assert not external_urls('<img src="data:image/png;base64,AAA">')
    # and a real export: the template with the run put in, nothing else
    check_export(binary, "03-task", template)


def check_export(binary, name, template, lang="en", order="g++", source=None):
    """BINARY --lang LANG --order ORDER --export html=OUT for a lesson (or the
    arguments source gives: --play RECORD): the page is the template with
    the run's JSON in place of the placeholder and <html lang> set to LANG,
    reaches for no URL, and its run follows the format; gives the page's
    path and the run"""
    out = os.path.join(KEEP or TMP, "%s.%s.%s.html" % (name, lang, order))
    p = subprocess.run([binary, "--lang", lang, "--order", order, "--export", "html=" + out] +
                       (source or ["scripts/lessons/%s.lua" % name]),
                       cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, "%s: exit %d\nstderr:\n%s" % (name, p.returncode, p.stderr)
    page = open(out, encoding="utf-8").read()
    run_json, run = embedded_run(page)
    assert run["lang"] == lang, (name, run["lang"])
    filled = template.replace('<html lang="en">', '<html lang="%s">' % lang, 1)
    assert filled.replace(PLACEHOLDER, run_json, 1) == page, \
        "%s: the page is not player.html with the run put in and its <html lang> set (is " \
        "corolab rebuilt?)" % name
    assert "</" not in run_json, name + ": '</' in the JSON"
    assert not external_urls(page), "%s: external URL %s" % (name, external_urls(page))
    run = with_nulls(run)
    check_run(run, name)
    return out, run, len(page)


def browser_or_skip():
    exe = find_chromium()
    if not exe:
        print("skipped: no chromium (install it, or set COROLAB_CHROMIUM)")
        sys.exit(0)
    return Browser(exe)


def case_sample(binary):
    browser = browser_or_skip()
    sample = json.loads(open(SAMPLE, encoding="utf-8").read())
    # the page's words, as the exporter gives them in English
    sample["labels"] = check_export(binary, "01-lazy-generator",
                                    open(TEMPLATE, encoding="utf-8").read())[1]["labels"]
    sample["lang"] = "en"
    run_json = json.dumps(sample, ensure_ascii=False)
    run = with_nulls(json.loads(run_json))
    check_run(run, "page_sample.json")
    page = write("sample.html", fill(open(TEMPLATE, encoding="utf-8").read(), run_json))
    url = "file://" + page
    index = {ev["seq"]: i for i, ev in enumerate(run["events"])}

    def at(hash_, seq, fresh=False):
        """the page at #event=N: loaded afresh, or N typed in (a hashchange)"""
        if fresh:
            browser.load(url + hash_)
        else:
            browser.hop(int(hash_[len("#event="):]))
        dom = browser.js(READ_DOM)
        check_dom(run, index[seq], dom, url + hash_)
        return dom
    # outer suspended at line 14 has transferred to inner (resume, then transfer)
    dom = at("#event=24", 24, fresh=True)
    assert [(f["id"], f["state"], f["at"]) for f in dom["frames"]] == [
        (1, "suspended", "scripts/lessons/03-task.lua:14"),
        (2, "suspended_initial", "initial suspend point")], dom["frames"]
    assert dom["chain"] == [[0, 1, "resume"], [1, 2, "transfer"]], dom["chain"]
    assert dom["nodes"] == ["main", "#1 outer", "#2 inner"], dom["nodes"]
    assert dom["cursor"] == [5, 22] and dom["line"] is None and dom["last"] == 14, dom
    # the first event is 3: the recording began there
    dom = at("#event=3", 3)
    assert dom["counter"] == "event 3 of 53" and [f["state"] for f in dom["frames"]] == \
        ["prologue"], dom
    assert dom["cursor"] == [2] and dom["line"] is None and dom["idle"], dom
    # outer back at line 14: co_await gives 42
    dom = at("#event=35", 35)
    assert dom["line"] == 14 and dom["now"]["result"] == "42" and \
        dom["current_result"] == "42", dom
    assert [f["state"] for f in dom["frames"]] == ["running", "suspended_final"], dom["frames"]
    assert dom["frames"][1]["promise"] == "{value = 42, continuation = handle #1 outer}"
    # inner's operator delete: gone from the page
    dom = at("#event=41", 41)
    assert [f["id"] for f in dom["frames"]] == [1], dom["frames"]
    dom = at("#event=42", 42)
    assert dom["line"] == 16 and dom["now"]["call"] == "return_value(84)", dom
    dom = at("#event=53", 53)
    assert dom["frames"] == [] and dom["counter"] == "event 53 of 53", dom
    # clamped: before the first, after the last, no #event at all
    for hash_, seq in (("#event=0", 3), ("#event=999", 53), ("", 3)):
        at(hash_, seq, fresh=True)
    # keys, a click and a hash typed in: the page and its hash follow
    browser.hop(10)
    for key, code, vk, seq in (("ArrowRight", None, 39, 11), ("ArrowRight", None, 39, 12),
                               ("ArrowLeft", None, 37, 11), ("End", None, 35, 53),
                               ("Home", None, 36, 3), ("PageDown", None, 34, 13)):
        browser.key(key, code, vk)
        check_dom(run, index[seq], browser.js(READ_DOM), "after " + key)
    browser.js('document.querySelector(\'#events li[data-seq="27"]\').click()')
    dom = browser.js(READ_DOM)
    check_dom(run, index[27], dom, "after a click on event 27")
    assert dom["line"] == 10 and dom["frames"][1]["promise"].startswith("{value = 42"), dom
    browser.hop(30)
    check_dom(run, index[30], browser.js(READ_DOM), "after #event=30 typed in")
    # play runs to the end by itself, at the fastest speed, then stops
    browser.js('document.getElementById("speed").value = "40"')
    browser.key(" ", "Space", 32)
    assert browser.js('document.getElementById("play").textContent').endswith("pause")
    browser.js("new Promise((done) => { const f = () => document.getElementById('play')"
               ".textContent.endsWith('play') ? done() : setTimeout(f, 20); f(); })")
    check_dom(run, index[53], browser.js(READ_DOM), "after playing")
    assert browser.js('document.getElementById("play").textContent').endswith("play")
    png = browser.screenshot(os.path.join(KEEP or TMP, "sample.png"))
    assert png.startswith(b"\x89PNG") and len(png) > 10000, len(png)
    # the template alone (not filled in) says so instead of failing silently
    empty = write("template.html", open(TEMPLATE, encoding="utf-8").read())
    browser.load("file://" + empty)
    assert "No run in this page" in browser.js('document.getElementById("error").textContent')


def lesson_names():
    return sorted(f[:-4] for f in os.listdir(os.path.join(ROOT, "scripts", "lessons"))
                  if f.endswith(".lua"))


def case_lessons(binary, names):
    browser = browser_or_skip()
    template = open(TEMPLATE, encoding="utf-8").read()
    for name in names:
        started = time.monotonic()
        out, run, size = check_export(binary, name, template)
        exported = time.monotonic()
        first, *others = picks(run)          # one fresh load, then #event=N typed in
        url = "file://%s#event=%d" % (out, run["events"][first]["seq"])
        browser.load(url)
        check_dom(run, first, browser.js(READ_DOM), url)
        for i in others:
            browser.hop(run["events"][i]["seq"])
            check_dom(run, i, browser.js(READ_DOM), "%s, then #event=%d" % (
                url, run["events"][i]["seq"]))
        png = browser.screenshot(os.path.join(KEEP or TMP, name + ".png"))
        assert png.startswith(b"\x89PNG") and len(png) > 10000, (name, len(png))
        print("ok %s: %d events, %d KB, export %.1fs, page %.1fs" % (
            name, len(run["events"]), size // 1024, exported - started,
            time.monotonic() - exported))


# what the members of lesson 03 (scripts/lessons/03-task.lua) return, by
# event: get_return_object's task, the awaiters' bool, void or handle
# ([expr.await]/5: a handle is resumed, a symmetric transfer), and
# await_resume's 42, the value of co_await inner() ([expr.await]/5.3)
RESULTS_03 = {
    4: "task handle #1", 5: "suspend_always", 6: "false", 8: "void",
    15: "task handle #2", 16: "suspend_always", 17: "false", 19: "void",
    21: "false", 23: "handle #2 inner",
    29: "task::final_awaiter", 30: "false", 32: "handle #1 outer",
    35: "42",
    44: "task::final_awaiter", 45: "false", 47: "noop_coroutine()",
}
RESULTS_RULE = "the page must show what each member returned"


def case_values(binary):
    """lesson 03's results and calls, in the page's data and on the page"""
    template = open(TEMPLATE, encoding="utf-8").read()
    out, run, _ = check_export(binary, "03-task", template)
    events = {ev["seq"]: ev for ev in run["events"]}
    results = {seq: ev["result"] for seq, ev in events.items() if ev["result"] is not None}
    assert results == RESULTS_03, "%s: the page's data has the results %r, expected %r" % (
        RESULTS_RULE, results, RESULTS_03)
    for seq, who, call in ((27, "#2 inner", "return_value(42)"),
                           (35, "#1 outer", "await_resume"),
                           (42, "#1 outer", "return_value(84)")):
        got = (events[seq]["label"], events[seq]["call"])
        assert got == (who, call), "event %d in the page's data is %r, expected %r" % (
            seq, got, (who, call))
    browser = browser_or_skip()
    browser.load("file://%s#event=35" % out)
    for seq, now in ((35, ["#1 outer", "await_resume", "42", "scripts/lessons/03-task.lua:14"]),
                     (42, ["#1 outer", "return_value(84)", "", "scripts/lessons/03-task.lua:16"]),
                     (23, ["#1 outer", "await_suspend", "handle #2 inner",
                           "scripts/lessons/03-task.lua:14"]),
                     (47, ["#1 outer", "await_suspend", "noop_coroutine()", ""])):
        if seq != 35:
            browser.hop(seq)
        dom = browser.js(READ_DOM)["now"]
        got = [dom["who"], dom["call"], dom["result"], dom["where"]]
        assert got == now, "%s: #now at event %d shows %r, expected %r" % (
            RESULTS_RULE, seq, got, now)
    listed = dict(browser.js(
        "[...document.querySelectorAll('#events li')].map((li) => [Number(li.dataset.seq), "
        "li.querySelector('.result').textContent]).filter((e) => e[1] !== '')"))
    assert listed == RESULTS_03, "%s: the event list shows the results %r, expected %r" % (
        RESULTS_RULE, listed, RESULTS_03)
    # [issue 24] an exception is a value: lesson 09's throw and
    # unhandled_exception carry it, at the throw's place, no traceback
    out, run, _ = check_export(binary, "09-errors", template)
    errors = [(ev["seq"], ev["call"], ev["file"], ev["lineno"]) for ev in run["events"]
              if ev["kind"] in ("throw", "unhandled_exception")]
    assert errors == [(12, 'throw("stored failed")', "scripts/lessons/09-errors.lua", 29),
                      (14, 'unhandled_exception("stored failed")',
                       "scripts/lessons/09-errors.lua", 29),
                      (35, 'throw("rethrown failed")', "scripts/lessons/09-errors.lua", 29),
                      (37, 'unhandled_exception("rethrown failed")',
                       "scripts/lessons/09-errors.lua", 29)], errors
    assert not any("traceback" in ev["line"] for ev in run["events"]), "a traceback in a line"
    browser.load("file://%s#event=12" % out)
    dom = browser.js(READ_DOM)["now"]
    assert [dom["call"], dom["where"]] == ['throw("stored failed")',
                                           "scripts/lessons/09-errors.lua:29"], dom


# what the page shows of its own words: the static labels, by selector
PAGE_WORDS = r"""(() => {
  const q = (s) => document.querySelector(s);
  const r = q("#counter").getBoundingClientRect();
  return {
    lang: document.documentElement.lang, title: document.title,
    headings: ["#events-title", "#wrapper-title", "#source-title", "#frames-title", "#keys"]
      .map((s) => q(s).textContent),
    buttons: ["#first", "#prev", "#play", "#next", "#last", "#speed"].map((s) => q(s).title),
    play: q("#play").textContent, slider: q("#slider").getAttribute("aria-label"),
    counter: q("#counter").textContent,
    counter_box: [r.left, r.right, r.top, r.bottom, r.width, r.height],
    counter_seen: getComputedStyle(q("#counter")).visibility === "visible",
    viewport: [document.documentElement.clientWidth, window.innerHeight],
    states: [...document.querySelectorAll("#frames .frame .state")].map((e) => e.textContent),
    terms: [...document.querySelectorAll("#frames .frame dt")].map((e) => e.textContent),
    chain: q("#chain").getAttribute("aria-label"),
    how: [...document.querySelectorAll("#chain .arrow .how")].map((e) => e.textContent),
  };
})()"""


def case_languages(binary):
    """[issue 24] lesson 03 exported with --lang en, tr and zh: <html lang>
    is the language, every word of the page's own is its catalogue's (none
    left in English), a frame's state is in words, the chain's arrows are
    named; at 400 px wide the page keeps its "event N of M" counter on the
    screen, in every language"""
    browser = browser_or_skip()
    template = open(TEMPLATE, encoding="utf-8").read()
    seen = {}
    for lang in ("en", "tr", "zh"):
        out, run, _ = check_export(binary, "03-task", template, lang)
        labels = run["labels"]
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                     page=True)
        browser.load("file://%s#event=24" % out)
        page = browser.js(PAGE_WORDS)
        i = [e["seq"] for e in run["events"]].index(24)
        check_dom(run, i, browser.js(READ_DOM), out)
        alive, chain = alive_at(run, i), run["events"][i]["chain"]
        want = {"lang": lang,
                "headings": [labels[k] for k in ("events", "wrapper", "body", "frames", "keys")],
                "buttons": [labels[k + "_title"] for k in ("first", "prev", "play", "next",
                                                          "last", "speed")],
                "play": "\u25b6 " + labels["play"], "slider": labels["slider"],
                "counter": counter(run, 24, run["events"][-1]["seq"]),
                "states": [labels["states"][f["state"]] for f in alive],
                "terms": [labels[k] for k in ("state", "at", "promise", "awaiter",
                                              "resumed_by")] * len(alive),
                "how": [labels[how] for _, _, how in chain]}
        for key, value in want.items():
            assert page[key] == value, "%s: the page's %s is %r, not %r (its catalogue's)" % (
                lang, key, page[key], value)
        assert page["chain"] == re.sub(r"%s", "main \u2192 #1 outer \u21d2 #2 inner",
                                       labels["chain"]), (lang, page["chain"])
        seen[lang] = page
        # a narrow window: the counter wraps with the controls, on the screen
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": 400, "height": 800, "deviceScaleFactor": 1, "mobile": False},
                     page=True)
        browser.load("file://%s#event=24" % out)
        page = browser.js(PAGE_WORDS)
        left, right, top, bottom, width, height = page["counter_box"]
        assert page["viewport"][0] <= 400 and width > 0 and height > 0 and left >= 0 and \
            right <= page["viewport"][0] and 0 <= top and bottom <= page["viewport"][1] and \
            page["counter_seen"], "%s: at 400 px the counter %r is off the screen: %r in %r" % (
                lang, page["counter"], page["counter_box"], page["viewport"])
        assert page["counter"] == want["counter"], (lang, page["counter"])
        browser.screenshot(os.path.join(KEEP or TMP, "03-task.%s.400px.png" % lang))
    for lang in ("tr", "zh"):     # no label left as English's (but C++'s names: promise)
        for key in ("headings", "buttons", "play", "slider", "counter", "states", "terms",
                    "how"):
            pairs = zip(seen[lang][key], seen["en"][key]) if isinstance(seen[lang][key], list) \
                else [(seen[lang][key], seen["en"][key])]
            same = [a for a, b in pairs if a == b and a not in ("promise", "awaiter")]
            assert not same, "%s: the page's %s left in English: %r" % (lang, key, same)


def case_unspecified(binary):
    """[issue 24] lesson 10 exported with --order clang in English, Turkish
    and Chinese: the event an unspecified order placed (the failed call's
    ~return object, after operator delete as clang 14 does) is marked \u2021 in
    the event list, and #unspecified shows what g++ 12 and clang 14 each do,
    citing the rule ([dcl.fct.def.coroutine]/7, CWG2935); at the event
    before it, #unspecified is empty and hidden"""
    browser = browser_or_skip()
    template = open(TEMPLATE, encoding="utf-8").read()
    for lang in ("en", "tr", "zh"):
        out, run, _ = check_export(binary, "10-co-return", template, lang, "clang")
        marked = [(ev["seq"], ev["kind"]) for ev in run["events"] if ev["unspecified"]]
        assert marked == [(67, "~return object")], (lang, marked)
        note = run["events"][-1]["unspecified"]
        assert "CWG2935" in note and note.count("clang 14") == 2, (lang, note)
        browser.load("file://%s#event=67" % out)
        check_dom(run, len(run["events"]) - 1, browser.js(READ_DOM), out)
        browser.hop(66)
        check_dom(run, len(run["events"]) - 2, browser.js(READ_DOM), out + "#event=66")


# what the page shows of the events a traced program inferred
READ_INFERRED = r"""(() => ({
  listed: [...document.querySelectorAll("#events li.inferred")].map((li) =>
    [Number(li.dataset.seq), li.querySelector(".inferred").textContent]),
  plain: [...document.querySelectorAll("#events li:not(.inferred) .inferred")]
    .filter((e) => e.textContent !== "").length,
  now: document.querySelector("#now .inferred").textContent,
  title: document.querySelector("#now .inferred").title,
}))()"""


def case_played(binary, record):
    """a record played, exported to the page: its DOM against its JSON at
    a few events, its C++ source at the record's lines, and the events the
    program inferred marked as such (the record's own "inferred"), no
    other"""
    browser = browser_or_skip()
    template = open(TEMPLATE, encoding="utf-8").read()
    out, run, _ = check_export(binary, "played", template, source=["--play", record])
    lines = open(os.path.join(ROOT, record), encoding="utf-8").read().split("\n")
    inferred = [json.loads(l.lstrip(","))["seq"] for l in lines[1:]
                if l.lstrip(",").startswith("{") and json.loads(l.lstrip(",")).get("inferred")]
    assert inferred, "the record has no inferred event to show"
    assert [ev["seq"] for ev in run["events"] if ev.get("inferred")] == inferred, \
        "the page's data must mark exactly the record's inferred events"
    first, *others = picks(run)
    url = "file://%s#event=%d" % (out, run["events"][first]["seq"])
    browser.load(url)
    check_dom(run, first, browser.js(READ_DOM), url)
    for i in others:
        browser.hop(run["events"][i]["seq"])
        check_dom(run, i, browser.js(READ_DOM), "%s, then #event=%d" % (url,
                                                                         run["events"][i]["seq"]))
    shown = browser.js(READ_INFERRED)
    label = run["labels"]["inferred"]
    assert shown["listed"] == [[seq, label] for seq in inferred] and shown["plain"] == 0, \
        "the list must mark exactly the inferred events %r: %r" % (inferred, shown)
    assert shown["title"] == run["labels"]["inferred_title"], shown
    for seq in (inferred[0], inferred[0] + 1):
        browser.hop(seq)
        now = browser.js(READ_INFERRED)["now"]
        assert now == (label if seq in inferred else ""), \
            "#now at event %d shows %r: it must say %r exactly for an inferred event" % (
                seq, now, label)
    placed = [ev for ev in run["events"] if ev["file"] and ev["file"].endswith(".cpp")]
    assert placed and all(ev["file"] in run["sources"] for ev in placed), \
        "the C++ source the record names must be in the page"
    browser.hop(placed[0]["seq"])
    dom = browser.js(READ_DOM)
    assert dom["line"] == placed[0]["lineno"] and dom["file"] == placed[0]["file"], dom
    png = browser.screenshot(os.path.join(KEEP or TMP, "played.png"))
    assert png.startswith(b"\x89PNG") and len(png) > 10000, len(png)
    print("ok played %s: %d events, %d inferred" % (record, len(run["events"]), len(inferred)))


def main():
    binary, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    if case == "offline":
        case_offline(binary)
    elif case == "sample":
        case_sample(binary)
    elif case == "values":
        case_values(binary)
    elif case == "languages":
        case_languages(binary)
    elif case == "unspecified":
        case_unspecified(binary)
    elif case == "lessons":
        case_lessons(binary, lesson_names())
    elif case.startswith("lesson:"):
        case_lessons(binary, [case[len("lesson:"):]])
    elif case == "played" or case.startswith("played:"):
        case_played(binary, case[len("played:"):] or "tests/trace/programs/task.record.json")
    else:
        sys.exit("test_html.py: unknown case %r" % case)
    print("ok", case)


if __name__ == "__main__":
    main()
