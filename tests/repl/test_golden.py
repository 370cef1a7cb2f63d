"""test_golden.py — corolab's non-interactive output against goldens in
golden/: --trace, each --export format, and a piped explorer session; the
Chrome trace must also parse as JSON with B/E slices nesting on each track,
the record as JSON, one record a line. The plain:LESSON cases give the same
goldens without the binary: the run model and exporters in a plain Lua.
Run: python3 test_golden.py BINARY CASE  (COROLAB_UPDATE_GOLDEN=1 rewrites the
goldens it compares with, except in the plain cases, and is refused under
CI: a leaked variable would make every golden pass)
Frame sizes and the runtime's field offsets are masked (see masked()).
Scripts run from the repository root, so source locations read scripts/..."""
import atexit
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
GOLDEN = os.path.join(HERE, "golden")
HOME = tempfile.mkdtemp(prefix="corolab-golden-")   # progress of lessons, per run
atexit.register(shutil.rmtree, HOME, True)
ENV = dict(os.environ, NO_COLOR="1", COROLAB_HISTORY=os.devnull, COROLAB_HOME=HOME,
           LC_ALL="C.UTF-8")                       # English, whatever the machine's
VERSION = os.environ.get("COROLAB_VERSION", "?")  # project(VERSION), from ctest


def run(binary, args, stdin=None):
    p = subprocess.run([binary] + args, cwd=ROOT, env=ENV, input=stdin, capture_output=True,
                       text=True, timeout=60)
    return p


def masked(text):
    """frame sizes (in every language) and the offsets of the runtime's own
    fields are core's layout, which may change, and the banner's version is
    project(VERSION); everything else must stay as it is"""
    text = re.sub(r"\b\d+ (bytes\b|bayt\b|字节)", r"<n> \1", text)
    text = re.sub(r"^corolab [\d.]+ —", "corolab <version> —", text, flags=re.M)
    return re.sub(r"\+\d+(\s+)(state|locals)\b", r"+<n>\1\2", text)


def on_ci():
    """CI=true (or any CI value but 0 and false), as CI services set it"""
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


def against_golden(name, text, rule="", rewrite=True):
    """text (masked) is golden/NAME; rule: what a difference breaks;
    COROLAB_UPDATE_GOLDEN rewrites the golden instead, where rewrite allows"""
    text = masked(text)
    path = os.path.join(GOLDEN, name)
    if rewrite and os.environ.get("COROLAB_UPDATE_GOLDEN"):
        if on_ci():
            raise AssertionError(
                "COROLAB_UPDATE_GOLDEN is set under CI=%s: refusing to rewrite golden/%s, "
                "since a leaked variable would make every golden test pass; unset "
                "COROLAB_UPDATE_GOLDEN (rewrite goldens on your own machine and review the "
                "diff)" % (os.environ["CI"], name))
        with open(path, "w") as f:
            f.write(text)
        return
    expected = open(path).read()
    if text != expected:
        import difflib
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            "golden/" + name, "actual"))
        raise AssertionError("output differs from golden/%s%s:\n%s" % (
            name, rule and " (" + rule + ")", diff))


def succeed(p):
    assert p.returncode == 0, "exit %d\nstderr:\n%s" % (p.returncode, p.stderr)


def check_chrome(text):
    """parses; every B has its E on the same track, properly nested, in time order"""
    trace = json.loads(text)
    events = trace["traceEvents"]
    stacks, last_ts, tracks, flows = {}, {}, set(), {}
    for e in events:
        if e["ph"] == "M":
            continue
        tid, ts = e["tid"], e["ts"]
        assert ts >= last_ts.get(tid, 0), "time goes back on track %s: %s" % (tid, e)
        last_ts[tid] = ts
        stack = stacks.setdefault(tid, [])
        if e["ph"] == "B":
            stack.append(e["name"])
            tracks.add(tid)
        elif e["ph"] == "E":
            assert stack and stack[-1] == e["name"], "unmatched E on track %s: %s" % (tid, e)
            stack.pop()
        elif e["ph"] in "sf":
            flows.setdefault(e["id"], []).append(e["ph"])
    for tid, stack in stacks.items():
        assert not stack, "track %s ends with open slices %s" % (tid, stack)
    assert len(tracks) >= 2, "expected a main track and frame tracks, got %s" % tracks
    for fid, phases in flows.items():
        assert phases == ["s", "f"], "flow %s is %s" % (fid, phases)
    assert flows, "no flow arrows"
    names = {e["name"] for e in events if e["ph"] == "s"}
    assert {"call", "return", "destroy"} <= names, names   # the interaction, drawn
    news = [e for e in events if e["ph"] == "i" and e["name"] == "operator new"]
    failures = sum(e["ph"] == "i" and e["name"] == "get_return_object_on_allocation_failure"
                   for e in events)           # a failed operator new makes no frame
    assert news and sum(e["tid"] == 0 for e in news) == failures, news  # the frame's track
    assert trace["otherData"]["clock"].startswith("logical"), trace["otherData"]


def check_record(text):
    """parses; the head on its first line, then one record a line, numbered
    on from the dropped ones; every frame a record names is in frames"""
    run = json.loads(text)
    assert run["format"] == "corolab run", run
    seqs = [e["seq"] for e in run["events"]]
    assert seqs == list(range(run["dropped"] + 1, run["dropped"] + 1 + len(seqs))), seqs
    assert len(text.splitlines()) == len(seqs) + 2, "not one record a line"
    ids = {f["id"] for f in run["frames"]}
    assert all(e["frame"] in ids | {0} and e["other"] in ids | {0} for e in run["events"]), ids


EXTENSIONS = {"chrome": "chrome.json", "mermaid": "mmd", "dot": "dot", "record": "record.json"}


def piped(binary, lines, patterns):
    """a piped session at the fixtures; each pattern must match its stdout
    (multi-line mode); returns the finished process"""
    p = run(binary, ["-i", "tests/repl/fixtures.lua"], stdin="\n".join(lines + [""]))
    succeed(p)
    for pattern in patterns:
        assert re.search(pattern, p.stdout, re.M), (pattern, p.stdout)
    return p


def check_dot(text):
    """Graphviz renders it (COROLAB_DOT: the dot program, when ctest found
    one), with a cluster per frame and the interaction drawn from main"""
    clusters = re.findall(r"subgraph cluster_(\d+)", text)
    assert clusters, text
    assert re.search(r"^  main -> f\d+_\d+ \[label=\"call #\d+", text, re.M), text
    dot = os.environ.get("COROLAB_DOT")
    if not dot:
        return
    p = subprocess.run([dot, "-Tsvg"], input=text, capture_output=True, text=True)
    assert p.returncode == 0 and p.stderr == "", p.stderr
    assert p.stdout.count('class="cluster"') == len(clusters), p.stdout[:2000]
    assert "<svg" in p.stdout


def case_trace(binary, lesson):
    """--trace of scripts/lessons/LESSON.lua, against golden/LESSON.trace.txt"""
    p = run(binary, ["--trace", "scripts/lessons/%s.lua" % lesson])
    succeed(p)
    against_golden(lesson + ".trace.txt", p.stdout)


def case_export(binary, fmt, lesson):
    """--export FMT of scripts/lessons/LESSON.lua, against its golden"""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        p = run(binary, ["--export", "%s=%s" % (fmt, out), "scripts/lessons/%s.lua" % lesson])
        succeed(p)
        text = open(out).read()
    if fmt == "chrome":
        check_chrome(text)
    if fmt == "dot":
        check_dot(text)
    if fmt == "record":
        check_record(text)
    against_golden("%s.%s" % (lesson, EXTENSIONS[fmt]), text)


def case_plain(binary, lesson):
    """the run model and the exporters in a plain Lua with coro, without the
    corolab binary (plain.lua, run by COROLAB_LUA: lua5.4 with coro.so, or
    luahost): a lesson's events printed as they happen and every export
    format are the binary's goldens, and its page is the binary's page"""
    rule = "the run model and the exporters must give, without the binary, what the binary gives"
    with tempfile.TemporaryDirectory() as tmp:
        p = subprocess.run([os.environ["COROLAB_LUA"], "tests/repl/plain.lua", lesson, tmp],
                           cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=60)
        succeed(p)
        assert p.stderr == "", p.stderr
        against_golden(lesson + ".trace.txt", p.stdout, rule, rewrite=False)
        for fmt, extension in EXTENSIONS.items():
            with open(os.path.join(tmp, fmt)) as f:
                against_golden("%s.%s" % (lesson, extension), f.read(), rule, rewrite=False)
        page = os.path.join(tmp, "binary.html")
        succeed(run(binary, ["--export", "html=" + page, "scripts/lessons/%s.lua" % lesson]))
        with open(os.path.join(tmp, "html")) as plain, open(page) as theirs:
            assert masked(plain.read()) == masked(theirs.read()), \
                "%s: the page differs from the binary's (%s)" % (lesson, rule)


def case_session(binary, name):
    stdin = open(os.path.join(HERE, name + ".session")).read()
    p = run(binary, ["-i", "tests/repl/fixtures.lua"], stdin=stdin)
    succeed(p)
    against_golden(name + ".out", p.stdout + "--- stderr\n" + p.stderr)


def case_error(binary):
    p = run(binary, ["-e", "local function f() error('deliberate') end f()"])
    assert p.returncode == 1, "exit status %d" % p.returncode
    assert p.stdout == "", p.stdout
    assert "corolab: (command line):1: deliberate" in p.stderr, p.stderr
    assert "stack traceback:" in p.stderr and "in local 'f'" in p.stderr, p.stderr
    p = run(binary, ["no-such-script.lua"])
    assert p.returncode == 1 and "cannot open no-such-script.lua" in p.stderr, p.stderr
    # a handle as the return object of a call that fails: the call's error,
    # and no warning from the handle's __close (the runtime frees the frame)
    p = run(binary, ["-e", "local P = coro.promise_type{"
                     "get_return_object = function(p) return coro.from_promise(p) end,"
                     "initial_suspend = function() return 42 end,"
                     "final_suspend = function() return coro.suspend_always end,"
                     "return_void = function() end, unhandled_exception = error}"
                     " local h <close> = coro.coroutine(P, function() end)()"])
    assert p.returncode == 1 and "no member named 'await_ready' in 'number'" in p.stderr, p.stderr
    assert "warning" not in p.stderr and "leak" not in p.stderr, p.stderr


def case_options(binary):
    def out(args, stdin=None):
        p = run(binary, args, stdin)
        succeed(p)
        return p.stdout
    assert re.fullmatch(r"corolab %s  \(Lua 5\.4\.\d+\)\n" % re.escape(VERSION),
                        out(["-v"])), out(["-v"])
    assert out(["-e", "x = 20", "-e", "print(x + 1)"]) == "21\n"
    assert out(["-l", "s=string", "-e", "print(s.upper('ok'))"]) == "OK\n"
    assert out(["-", "a", "b"], "print(arg[0], #arg, ...)") == "-\t2\ta\tb\n"
    assert out([], "print(6 * 7)") == "42\n"             # no arguments, stdin a pipe
    assert out(["-i"], "=6 * 7\nfor i = 1, 2 do\nprint(i)\nend\n") == (
        "corolab %s — the C++20 coroutine machinery, live, in Lua 5.4.\n" % VERSION +
        "New here? Type :tour for a guided tour, :help for the commands; coro is loaded.\n"
        "Ctrl-D quits.\n> 42\n> >> >> 1\n2\n> \n")
    assert out(["--", "scripts/lessons/01-lazy-generator.lua"]).startswith(
        "done after the call?\tfalse\n")
    assert out(["--help"]).startswith("usage: corolab [options] [script [args]]\n")
    assert "  --export FMT=FILE  write the recorded run at exit (chrome, mermaid, dot, html, " \
        "record)\n" in out(["--help"]), "--help lists the formats of the one list"
    p = run(binary, ["--lang", "zh", "--predict", "02"], stdin="1\n:step\n\n:continue\n")
    succeed(p)           # each option's value its own, whatever letters the names share
    assert "02-eager-range" in p.stdout and "接下来会发生什么" in p.stdout, p.stdout
    tour = out(["--tour"], "q\n")                     # the tour, then the prompt
    assert "corolab tour:" in tour and "1. A generator" in tour, tour
    with tempfile.TemporaryDirectory() as tmp:            # exported despite the error
        out = os.path.join(tmp, "run.mmd")
        p = run(binary, ["--export", "mermaid=" + out, "-e", "dofile('scripts/lessons/01-lazy-generator.lua')",
                         "-e", "error('late')"])
        assert p.returncode == 1 and "late" in p.stderr, p.stderr
        assert open(out).read().startswith("sequenceDiagram\n  participant main\n")
    p = run(binary, ["-x"])
    assert p.returncode == 1 and "unrecognized option '-x'" in p.stderr and "usage:" in p.stderr
    p = run(binary, ["--export", "pdf=x", "-e", "print(1)"])
    assert p.returncode == 1 and "FORMAT one of chrome, mermaid, dot" in p.stderr, p.stderr
    assert p.stdout == ""


def case_interrupt_callback(binary):
    """SIGINT (Ctrl-C) stops a loop in a promise member, a callback of the core"""
    script = os.path.join(HERE, "spin_callback.lua")
    p = subprocess.Popen([binary, script], cwd=ROOT, env=ENV, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline() == "spinning\n"     # the loop has begun
    p.send_signal(signal.SIGINT)
    err = p.communicate(timeout=30)[1]
    assert p.returncode == 1, "exit status %d" % p.returncode
    assert err == ("corolab: interrupted! (#1 spin was running; it has been destroyed "
                   "since)\n"), err                # one line: no traceback


def case_explorer_misuse(binary):
    """mistakes at the prompt are one-line errors, and the session goes on"""
    deep = "(" * 2000 + "1" + ")" * 2000
    stdin = "\n".join([
        "g = range(2)", "g.h:resume()",
        ":export dot /dev/full", ":export chrome /dev/full", ":export pdf out.pdf",
        ":break yield_value if " + deep, ":break yield_value if 1 +",
        ":break no_such_event", "print('still ' .. 'here')", ""])
    p = run(binary, ["-i", "tests/repl/fixtures.lua"], stdin=stdin)
    succeed(p)
    assert p.stderr.splitlines() == [
        "corolab: cannot write the export to /dev/full: No space left on device",
        "corolab: cannot write the export to /dev/full: No space left on device",
        "corolab: unknown export format 'pdf': chrome, mermaid, dot, html or record",
        "corolab: cannot use this condition: (condition): nested too deeply for Lua's "
        "parser (C stack overflow)",
        "corolab: cannot use this condition: (condition):1: unexpected symbol near <eof>",
    ] + [l for l in p.stderr.splitlines() if l.startswith("corolab: no event")], p.stderr
    assert "still here" in p.stdout, p.stdout
    p = run(binary, ["--export", "dot=/dev/full", "-e", "x = 1"])
    assert p.returncode == 1, p.returncode
    assert p.stderr == "corolab: cannot write the export to /dev/full: No space left on device\n"


def case_explorer_bad_handles(binary):
    """:show, :where and :step on a destroyed handle, the null handle, the
    noop coroutine, a number that is no frame, values that are no handle,
    and arguments that do not compile or raise: one line each, no
    traceback, and the session goes on"""
    stdin = "\n".join([
        "g = range(2)", "h = g.h", "g.h:resume()", "g.h:destroy()",
        ":show h", ":where h", ":step h",
        ":show coro.null", ":where coro.null", ":step coro.null",
        ":show coro.noop_coroutine()", ":step coro.noop_coroutine()",
        ":show 999", ":where 999", ":step 'x'", ":show {}", ":show nil",
        ":show 1 +", ":step error('boom')", "print('still ' .. 'here')", ""])
    p = run(binary, ["-i", "tests/repl/fixtures.lua"], stdin=stdin)
    succeed(p)
    dead = ("corolab: h: coroutine #1 'range' was already destroyed; using its handle "
            "is undefined behaviour in C++ [coroutine.handle]")
    null = ("corolab: coro.null: the coroutine_handle is null; it refers to no coroutine "
            "(undefined behaviour in C++ [coroutine.handle.resumption])")
    noop = ("corolab: coro.noop_coroutine() is noop_coroutine(): a handle with no frame "
            "of its own; done() is false, and resume() and destroy() do nothing")
    nothing = "not a coroutine handle, nor a return object holding one, nor a frame id"
    assert p.stderr.splitlines() == [
        dead, dead, dead, null, null, null, noop, noop,
        "corolab: no live frame #999 (:frames lists them)",
        "corolab: no live frame #999 (:frames lists them)",
        "corolab: 'x' is \"x\", " + nothing,
        "corolab: {} is " + nothing,
        "corolab: nil is " + nothing,
        "corolab: (argument):1: unexpected symbol near <eof>",
        "corolab: (argument):1: boom",
    ], p.stderr
    assert "still here" in p.stdout, p.stdout


def case_recording(binary):
    """nobody looks: a script records nothing; --trace or --export record;
    at the prompt the recording keeps the last N events (:record N) and an
    export says how many earlier ones were dropped; :record 0 turns it off
    (the run goes unrecorded) and says what stops working, :record N on"""
    count = ('local g = coro.coroutine(coro.generator, function() coro.co_yield(1) end)(); '
             'g:next(); print(require("explorer.run.recorder").run:count())')
    assert run(binary, ["-e", count]).stdout == "0\n"
    assert run(binary, ["--export", "dot=/dev/null", "-e", count]).stdout == "16\n"
    stdin = "\n".join([":record 10", "g = range(3)", "for i = 1, 3 do g.h:resume() end",
                        ":record", ":export dot /dev/null", ":where 1", ":record x",
                        ":record -1", ":record 0", "g2 = range(3)", "g2.h:resume()", ":log",
                        ":record 5", "g2.h:resume()", ":log", ""])
    p = run(binary, ["-i", "tests/repl/fixtures.lua"], stdin=stdin)
    succeed(p)
    dropped = "the last 10 of 30 events (the 20 before were dropped: :record N keeps more)"
    assert "recording keeps the last 10 events; it holds " + dropped in p.stdout, p.stdout
    assert "wrote dot (" + dropped + ") to /dev/null" in p.stdout, p.stdout
    assert "#1 range at event 30: return to caller" in p.stdout, p.stdout
    off = ("recording is off: no event is kept, so :log, :where, :back, :goto, :replay,\n"
           ":diff N M and :export have nothing new, and runs go at full speed; :trace,\n"
           ":step and breakpoints still work while on. :record N turns it on again\n")
    assert "> " + off + "> > > no events recorded yet\n" in p.stdout, p.stdout   # g2 unseen
    on = ("> recording keeps the last 5 events; it holds the last 0 of 30 events (the 30 "
          "before were dropped: :record N keeps more)\n> > ")
    log = p.stdout[p.stdout.index(on) + len(on):].splitlines()
    assert log == [       # recorded again: g2's frame named, though its call was not
        "  33 yield_value(1)       #2 range     → suspend_always  @ tests/repl/fixtures.lua:10",
        "  34 await_ready          #2 range     → false  suspend_always  @ tests/repl/fixtures.lua:10",
        "  35 suspend              #2 range     suspend_always  @ tests/repl/fixtures.lua:10",
        "  36 await_suspend        #2 range     → void  suspend_always  @ tests/repl/fixtures.lua:10",
        "  37 return to caller     #2 range     await_suspend returned void",
        "(the last 5 of 37 events (the 32 before were dropped: :record N keeps more))",
        "> "], log
    usage = "corolab: record N: keep the last N events, N a whole number >= 0 (0: record none)"
    assert p.stderr.splitlines() == [usage, usage], p.stderr


def case_diff_isolated(binary):
    """[issue 24] each script :diff runs has a runtime of its own: a script's
    observer and the frames it leaves alive are gone after it, it does not
    reach the other script's run, and the user's own frames and globals are
    untouched; the same for corolab --diff"""
    a, b = "tests/repl/isolation_observer.lua", "tests/repl/isolation_other.lua"
    alone = run(binary, ["--diff", b, b])
    succeed(alone)
    assert "< %s: 28 events\n" % b in alone.stdout, alone.stdout
    p = run(binary, ["-i"], stdin="\n".join([
        'mine = coro.coroutine(coro.generator, function() coro.co_yield(1) '
        'coro.co_yield(2) end, "mine")()', "mine:next()", ":diff %s %s" % (a, b),
        ":frames", "mine:next()", "polluted, left", "#coro.frames()", ""]))
    succeed(p)
    assert p.stderr == "", p.stderr
    out = p.stdout
    assert "> other got\t1\t2\n< %s: 16 events\n> %s: 28 events\n" % (a, b) in out, out
    assert "misuse" not in out, out
    assert ("\n>   id  coroutine  promise type  state      suspended at  last resumed by\n"
            "  #1  mine       generator     suspended  stdin:1       main\n"
            "> 2\n> nil\tnil\n> 1\n> \n") in out, out
    p = run(binary, ["--diff", a, b])
    succeed(p)
    assert p.stderr == "", p.stderr
    assert p.stdout.startswith("other got\t1\t2\n< %s: 16 events\n> %s: 28 events\n"
                               % (a, b)), p.stdout
    assert "misuse" not in p.stdout, p.stdout


def case_tape_folded(binary):
    """[issue 24] what a run keeps of a long run — its last records and the
    state the dropped ones left — is the same however the dropped ones went:
    made records first and then dropped (the run read at each event), gone
    through the run at the first look, or during the run, the tape being
    full"""
    work = ("for i = 1, 12 do local g = range(3) for _ = 1, 4 do g.h:resume() end "
            "g.h:destroy() local t = outer() t.h:resume() t.h:destroy() end")
    start = "keep = range(5) keep.h:resume()"
    ways = {"made, then dropped": [":trace on", start, work, ":trace off", ":record 40"],
            "at the look": [":record 40", start, work],
            "during the run": [":record 40", "require('explorer.run.recorder').capacity = 100",
                               start, work]}
    exports = {}
    with tempfile.TemporaryDirectory() as tmp:
        for way, lines in ways.items():
            out = os.path.join(tmp, "run.json")
            piped(binary, lines + [":export record " + out], [])
            exports[way] = open(out).read()
    for way, text in exports.items():
        assert text == exports["made, then dropped"], "%s:\n%s\nmade, then dropped:\n%s" % (
            way, text[:3000], exports["made, then dropped"][:3000])
    head = json.loads(exports["during the run"].split("\n")[0] + "]}")
    assert head["dropped"] > 500 and head["before"]["frames"], head


def case_frames_finalized(binary):
    """[issue 24] :frames when a finalizer destroys frames between
    coro.frames() and coro.info(): the frames still alive, no error"""
    p = run(binary, ["-i"], stdin="\n".join([
        "gens = {} for i = 1, 4 do gens[i] = coro.coroutine(coro.generator, function() "
        "coro.co_yield(i) end, 'g' .. i)() gens[i]:next() end",
        "frames = coro.frames",
        "coro.frames = function() local list = frames() setmetatable({}, {__gc = function() "
        "gens[2]:close() gens[4]:close() end}) collectgarbage() coro.frames = frames "
        "return list end",
        ":frames", ""]))
    succeed(p)
    assert p.stderr == "", p.stderr
    assert p.stdout.endswith(
        "> > > >   id  coroutine  promise type  state      suspended at  last resumed by\n"
        "  #1  g1         generator     suspended  stdin:1       main\n"
        "  #3  g3         generator     suspended  stdin:1       main\n> \n"), p.stdout


def case_replay_answers(binary):
    """[issue 24] :goto and :back say what there is: nothing recorded yet,
    the numbers there are for any number that is no event's, and where
    :back stopped when it went past the first event recorded"""
    p = piped(binary, [":goto -5", ":goto 99999999999999999999999", ":back 100000",
                       "g = range(2)", "g.h:resume()", ":goto -5",
                       ":goto 99999999999999999999999", ":goto 2.5", ":goto x",
                       ":back 100000", ":back 3", ":continue"], [])
    holds = "the recording holds 16 events (numbers 1 to 16)"
    assert p.stderr.splitlines() == ["corolab: no events recorded yet"] * 3 + [
        "corolab: no event -5: " + holds,
        "corolab: no event 99999999999999999999999: " + holds,
        "corolab: no event 2.5: " + holds,
        "corolab: goto N: the event numbered N (:log shows the numbers)"], p.stderr
    first = "replay     1 operator new         -            <n> bytes\n"
    out = masked(p.stdout)
    assert ("> (:back 100000: only 15 events are recorded before this one; at the first, "
            "event 1)\n" + first) in out, out
    assert ("\n(replay 1/16 main operator new) > (:back 3: only 0 events are recorded "
            "before this one; at the first, event 1)\n" + first) in out, out


def case_condition_changes(binary):
    """[issue 24] a breakpoint's condition only looks: one that changes the
    run (here, destroys the frame) says so and stops there; its own events
    stop nothing"""
    p = piped(binary, [":break suspend if h:destroy()", ":break destroy", "g = range(2)",
                       ":continue", ":frames", ":delete", ":break suspend if p == nil",
                       "g3 = range(1)", "print(#coro.frames())"], [])
    assert p.stderr == "", p.stderr
    out = masked(p.stdout)
    assert ("> breakpoint 1: its condition made 4 events (it resumed, destroyed or called a\n"
            "coroutine), so the run is no longer what it was; a condition should only look\n"
            "at ev, h and p. Stopped here\n"
            "breakpoint 1     7 suspend              #1 range     suspend_always  @ initial "
            "suspend point\n") in out, out
    assert "breakpoint 2 " not in out, out           # the condition's destroy: no stop
    assert "\n(#1 range suspend) > > no live frames\n> all breakpoints deleted\n" in out, out
    assert out.endswith("> breakpoint 3: suspend if p == nil\n> > 1\n> \n"), out


def case_record_million(binary):
    """a run that records more than a million events says so once, with the
    command that stops it; the next run starts counting again"""
    loop = ("g = coro.coroutine(coro.generator, function() for i = 1, 150000 do "
            "coro.co_yield(i) end end)() while g:next() do end")
    p = run(binary, ["-i", "tests/repl/fixtures.lua"], stdin=loop + "\n:log 1\n")
    succeed(p)
    note = ("(this run has made more than 1000000 events, each one recorded: that slows it\n"
            "down and takes memory. :record 0 turns recording off; Ctrl-C stops the run)\n")
    assert p.stdout.count(note) == 1, p.stdout
    assert "> " + note + "> 1050018 return to caller " in p.stdout, p.stdout
    p = run(binary, ["-i", "tests/repl/fixtures.lua"],
            stdin="\n".join([loop.replace("150000", "75000")] * 2 + [""]))
    succeed(p)
    assert note not in p.stdout, p.stdout     # 525,000 events a run, twice: no note


def case_lessons(binary):
    """the plain-Lua task and generator and the lessons are found wherever
    corolab starts (a user's own task.lua still wins); :lessons lists the
    lessons, :load runs one and stops at its first event, on a line of its
    own, then at each of the stops it chose (a user's breakpoint there wins
    the label); a lesson that is no lesson is one line, and :predict of it
    turns nothing on"""
    with tempfile.TemporaryDirectory() as elsewhere:
        lesson = os.path.join(ROOT, "scripts", "lessons", "03-task.lua")
        p = subprocess.run([binary, "-e", "dofile(%r)" % lesson], cwd=elsewhere, env=ENV,
                           capture_output=True, text=True)
        assert p.stdout == "inner gave\t42\nouter gave\t84\n", p.stdout + p.stderr
        with open(os.path.join(elsewhere, "task.lua"), "w") as mine:
            mine.write("return 'my own task'\n")
        p = subprocess.run([binary, "-e", "print(require 'task', require 'generator' ~= nil)"],
                           cwd=elsewhere, env=ENV, capture_output=True, text=True)
        assert p.stdout == "my own task\ttrue\n", p.stdout + p.stderr
    stops = 9                                   # lesson 03's stops (its block "stops")
    stdin = "\n".join([":lessons", ":load task", ":break return_value", "mine = range(1)"] +
                      [":continue"] * stops + [":load zzz", ":load 0", ":predict bogus",
                                              ":predict", ""])
    p = run(binary, ["-i", "tests/repl/fixtures.lua"], stdin=stdin)
    succeed(p)
    assert ("  [ ]  3 03-task                task<int>: outer co_awaits inner, which\n"
            + " " * 32 + "co_returns 42; outer co_returns 84.\n") in p.stdout, p.stdout
    assert re.search(r"^print\(\"outer gave\", t:run\(\)\)\nThe lesson stops at the events "
                     r"chosen to teach;.*\n.*\n.*\nstop +1 operator new +- +<n> bytes$",
                     masked(p.stdout), re.M), p.stdout
    assert re.search(r"^\(main operator new\) > breakpoint 1: return_value$", p.stdout, re.M), \
        p.stdout
    assert re.search(r"(^|> )event +\d+ parameter copies\S* +#2 outer$", p.stdout, re.M), \
        p.stdout                                # the events between stops are shown
    assert re.search(r"(^|> )stop +\d+ symmetric transfer +#3 inner +from #2 outer", p.stdout,
                     re.M), p.stdout
    assert re.search(r"^breakpoint 1 +\d+ return_value\(42\) +#3 inner +@ 03-task.lua:10",
                     p.stdout, re.M), p.stdout
    # what the user runs at a stop is not the lesson's: range(1)'s frame (#1,
    # made while outer's operator new stopped) neither shows nor counts, and
    # the lesson's second operator new (inner's) stops
    assert re.search(r"(^|> )stop +\d+   operator new ", p.stdout, re.M), p.stdout
    assert not re.search(r"(^|> )event +\d+ .*#1 range", p.stdout, re.M), p.stdout
    assert p.stdout.count("stop ") == stops - 2, p.stdout       # two were the breakpoint's
    assert "outer gave\t84" in p.stdout and "take away:" in p.stdout, p.stdout
    assert re.search(r"> predict is off\n> $", p.stdout), p.stdout   # nothing turned on
    names = ", ".join(sorted(f[:-4] for f in os.listdir(os.path.join(ROOT, "scripts", "lessons"))
                             if f.endswith(".lua")))
    assert p.stderr.splitlines() == [
        "corolab: no lesson 'zzz': " + names,
        "corolab: no lesson 0: the lessons are numbered 1 to %d (:lessons lists them)"
        % len(names.split(", ")),
        "corolab: no lesson 'bogus': " + names], p.stderr
    p = run(binary, ["-i", "tests/repl/fixtures.lua"],
            stdin=":lesson 3\n" + ":continue\n" * stops + ":lessons\n")
    succeed(p)
    assert "  [x]  3 03-task " in p.stdout, p.stdout          # done, and kept
    assert open(os.path.join(HOME, "progress")).read() == "03-task\n"
    # the C++20 program, then the Lua that mirrors it (stacked: no terminal),
    # and what to take away in the explorer's language
    p = run(binary, ["--lang", "tr", "-i", "tests/repl/fixtures.lua"],
            stdin=":lesson 2\n" + ":continue\n" * 7)
    succeed(p)
    assert re.search(r"^C\+\+20\n#include <coroutine>$", p.stdout, re.M), p.stdout
    assert re.search(r"^Lua \(coro\), aynı program\nlocal coro = require \"coro\"$",
                     p.stdout, re.M), p.stdout
    assert re.search(r"^akılda kalsın:\n  İlk askıya alma noktasında suspend_never", p.stdout,
                     re.M), p.stdout


def case_values(binary):
    """events carry what C++ passes and returns: yield_value(v) and
    return_value(v) with v; await_ready's bool, await_suspend's void, handle
    or noop_coroutine(), the awaiter a member returned (:log); a condition
    on ev.args stops at the right yield; the stop sees ev, h and p, ev prints
    as its event, and the user's own h comes back after it"""
    piped(binary, [
        "dofile 'scripts/lessons/03-task.lua'", ":log 50",
        "h = 'mine'", "g = range(3)", ":break yield_value if ev.args[1] == 1",
        "g.h:resume()", "g.h:resume()", "ev", "ev.args[1]", "p.current", "h == g.h",
        ":continue", "h"], [
            r"\d+ get_return_object +#1 outer +→ task handle #1$",
            r"^ +\d+ +await_resume +#1 outer +→ 42  task  @ scripts/lessons/03-task.lua:14$",
            r"^ +\d+ +initial_suspend +#2 inner +→ suspend_always$",
            r"^ +\d+ +await_ready +#1 outer +→ false  task  @ scripts/lessons/03-task.lua:14$",
            r"^ +\d+ +await_suspend +#1 outer +→ handle #2 inner  task  "
            r"@ scripts/lessons/03-task.lua:14$",
            r"^ +\d+ +final_suspend +#2 inner +→ task::final_awaiter$",
            r"^ +\d+ +await_suspend +#1 outer +→ noop_coroutine\(\)",
            r"^ +\d+ +return_value\(84\) +#1 outer +@ scripts/lessons/03-task.lua:16$",
            r"breakpoint 1 +\d+ yield_value\(1\) +#3 range",
            r"^\(#3 range yield_value\) > event \d+ yield_value\(1\) +#3 range",
            r"^\(#3 range yield_value\) > 1\n\(#3 range yield_value\) > 0\n"
            r"\(#3 range yield_value\) > true$",
            r"> mine$"])
    # the coroutine's arguments at its parameter copies and promise constructor
    p = run(binary, ["--trace", "-e", "local g = coro.coroutine(coro.generator, "
                     "function(a, b) coro.co_yield(a) end, 'add')(1, 'x'); g:close()"])
    succeed(p)
    assert re.search(r"^ +2 parameter copies\(1, \"x\"\) +#1 add$", p.stdout, re.M), p.stdout
    assert re.search(r"^ +3 promise_type\(1, \"x\"\) +#1 add +generator$", p.stdout, re.M), \
        p.stdout
    # an awaiter without a name is named after the member that made it, at
    # every one of its events
    nameless = "{await_ready=function() return false end, await_suspend=function() end, " \
               "await_resume=function() end}"
    script = ("local P = coro.promise_type{get_return_object=function(p) return "
              "coro.from_promise(p) end, initial_suspend=function() return coro.suspend_never "
              "end, final_suspend=function() return %s end, return_void=function() end, "
              "unhandled_exception=function() end}\n"
              "local h = coro.coroutine(P, function() coro.co_await(%s) end, 'anon')()\n"
              "h:resume() h:destroy()") % (nameless, nameless)
    p = run(binary, ["--trace", "-e", script])
    succeed(p)
    names = re.findall(r"^ +\d+ (?:await_ready|suspend|await_suspend|~awaiter) +"
                       r"#1 anon +(?:→ \S+  )?(.+?)(?:  @|$)", p.stdout, re.M)
    assert names == ["suspend_never"] + ["co_await's operand"] * 3 + \
        ["final_suspend's awaiter"] * 4, \
        (names, p.stdout)


def case_error_values(binary):
    """[issue 24] an exception is a value in every view: lesson 09's throw
    and unhandled_exception carry "stored failed" as their argument at the
    throw's place (--trace, :log, Mermaid, DOT, Chrome, the record), with
    no traceback but for :error; at :break unhandled_exception ev.args[1]
    is the error and ev.where its file:line [dcl.fct.def.coroutine]/5; a
    coroutine without parameters shows (); --trace shows each member's
    result as :log does ([expr.await]/5.1: await_ready → false)"""
    lesson = "scripts/lessons/09-errors.lua"
    rule = "an exception must show as its value, at the throw's place, without its traceback"
    p = run(binary, ["--trace", lesson])
    succeed(p)
    for pattern, why in (
            (r"^  12 throw\(\"stored failed\"\) #1 stored    @ %s:29$" % lesson, rule),
            (r"^  14 unhandled_exception\(\"stored failed\"\) #1 stored    @ %s:29$" % lesson,
             rule),
            (r"^   2 parameter copies\(\)   #1 stored$", "no arguments show as ()"),
            (r"^   3 promise_type\(\)       #1 stored    Result::promise_type$",
             "no arguments show as ()"),
            (r"^   6 await_ready          #1 stored    → false  suspend_always$",
             "--trace shows a member's result once it returned, as :log does")):
        assert re.search(pattern, p.stdout, re.M), "--trace: %s; %s\n%s" % (why, pattern,
                                                                          p.stdout)
    assert "traceback" not in p.stdout, "--trace: " + rule
    with tempfile.TemporaryDirectory() as tmp:
        files = {fmt: os.path.join(tmp, fmt) for fmt in ("mermaid", "dot", "chrome", "record")}
        p = run(binary, sum((["--export", "%s=%s" % kv] for kv in files.items()), []) + [lesson])
        succeed(p)
        text = {fmt: open(path).read() for fmt, path in files.items()}
    assert "  Note over F1: throw(\"stored failed\")\n" in text["mermaid"], "Mermaid: " + rule
    assert "  Note over F1: unhandled_exception(\"stored failed\")\n" in text["mermaid"], \
        "Mermaid: " + rule
    assert 'f1_4 [label="throw(\\"stored failed\\")"];' in text["dot"], "DOT: " + rule
    instants = [e for e in json.loads(text["chrome"])["traceEvents"] if e["ph"] == "i"]
    thrown = [(e["name"], e["args"]["detail"], e["args"]["where"]) for e in instants
              if e["name"].startswith(("throw", "unhandled_exception"))]
    assert thrown[:2] == [('throw("stored failed")', "", lesson + ":29"),
                          ('unhandled_exception("stored failed")', "", lesson + ":29")], \
        "Chrome: %s: %r" % (rule, thrown)
    records = [json.loads(line.rstrip(",")) for line in text["record"].splitlines()[1:-1]]
    assert [(r["seq"], r["args"], r["where"]) for r in records
            if r["kind"] in ("throw", "unhandled_exception")][:2] == [
        (12, '"stored failed"', lesson + ":29"), (14, '"stored failed"', lesson + ":29")], \
        "the record: " + rule
    p = piped(binary, [
        'bad = coro.coroutine(Task, function() error("boom", 0) end, "bad")',
        ":break unhandled_exception", "b = bad()", "b.h:resume()",
        "ev.args[1], ev.where", ":log 3", ":error", ":continue", ":error 1", ":error"], [
            r"> breakpoint 1 +\d+ unhandled_exception\(\"boom\"\) #1 bad +@ stdin:1$",
            r"^\(#1 bad unhandled_exception\) > boom\tstdin:1$",
            r" +\d+ throw\(\"boom\"\) +#1 bad +@ stdin:1$",
            r"^\(#1 bad unhandled_exception\) > the error of event (\d+), "
            r"unhandled_exception\(\"boom\"\), with its Lua traceback:\nboom\nstack traceback:\n",
            r"\) > > > the error of event \d+, unhandled_exception\(\"boom\"\), with its Lua "
            r"traceback:$"])          # :continue, :error 1 (no error), :error: the last one
    assert p.stderr.splitlines() == [
        "corolab: event 1 is operator new, no error: throw and unhandled_exception carry one"], \
        p.stderr
    # an error that is no message is shown as the value it is, not as Lua's
    # "(error object is a table value)"
    code = ('local f = coro.coroutine(coro.generator, function() error({code = 7}) end, "f"); '
            'local g = f(); pcall(g.next, g)')
    with tempfile.TemporaryDirectory() as tmp:
        mermaid = os.path.join(tmp, "m")
        p = run(binary, ["--trace", "--export", "mermaid=" + mermaid, "-e", code])
        succeed(p)
        text = open(mermaid).read()
    for kind in ("throw", "unhandled_exception"):
        assert re.search(r"^ +\d+ %s\(\{code = 7\}\) +#1 f " % kind, p.stdout, re.M), \
            "--trace: a table thrown shows as its value\n" + p.stdout
        assert "Note over F1: %s({code = 7})" % kind in text, "Mermaid: " + text


def case_where_display(binary):
    """:where shows the body's source line; each stop shows the frame that
    moved (:display off hides it); the prompt names the frame running when
    the event has none yet (operator new inside outer's resume)"""
    piped(binary, [
        "g = range(3)", ":break yield_value", "g.h:resume()", ":where", ":step",
        ":display off", ":step", ":delete", ":continue",
        ":break operator_new", "dofile 'scripts/lessons/03-task.lua'", ":continue", ":delete",
        ":continue"], [
            r"^   10 \| for i = 0, n - 1 do coro.co_yield\(i\) end$",
            r"^  #1 range  running  at tests/repl/fixtures.lua:10  promise \{\}$",
            r"^  #1 range  running  at tests/repl/fixtures.lua:10  promise \{current = 0\}  "
            r"awaiting suspend_always$",
            r"display is off\n\(#1 range await_ready\) > step +\d+ suspend .*\n.*\n.*\n.*\n"
            r"\(#1 range suspend\) >",
            r"\(#2 outer operator new\) > "])


def case_predict(binary):
    """[issue 24] :predict NAME asks only at the lesson's chosen stops; a
    guess (a number, or a unique start of a name) moves on by itself to the
    event that answers it, with the score so far; a wrong one says why it
    could not come next, citing the rule; an answer that is no choice, or
    an explorer command, asks again, and nothing typed at the question runs
    as Lua; Enter skips; the end of input ends the quiz and the run goes
    on; the score comes when it returns. :predict on asks at every :step"""
    p = piped(binary, [":predict 01", "1", "init", "3", "zzz", ":where", "get_return_object",
                       "", "yield_value", "suspend", "4"], [
        r"^stop +1 operator new +- +\d+ bytes\n(     .*\n)+what happens next\?  "
        r"1\) parameter copies   2\) get_return_object_on_allocation_failure   "
        r"3\) promise_type$",
        r"\) right: parameter copies  \(1 right of 1\)\nstep +2 parameter copies",
        r"^what happens next\?  1\) return to caller   2\) convert return object   "
        r"3\) initial_suspend$",
        r"\) right: initial_suspend  \(2 right of 2\)$",
        r"\) not await_resume: it is suspend  \(2 right of 3\)\n     why not: await_resume "
        r"follows await_ready at once only when it returns\n     true; it returned false, so "
        r"the coroutine suspends first \[expr.await\]/5.1.\nstep +7 suspend ",
        r"\) 'zzz' is none of the choices: a number from 1 to 3, a name, or Enter$",
        r"\) #1 range at event 9: return to caller$",          # :where, at the question
        r"\) 'get_return_object' is none of the choices",       # never run as Lua
        r"\) right: yield_value  \(3 right of 4\)\nstep +12 yield_value\(0\)",
        r"^what happens next\?  1\) return_value   2\) await_ready   3\) suspend$",
        r"\) not suspend: it is await_ready  \(3 right of 5\)\n     why not: A co_yield is "
        r"a co_await: await_ready of yield_value's awaiter is\n     asked before any "
        r"suspension \[expr.yield\]/1, \[expr.await\]/5.1.$",
        r"\) right: return_void  \(4 right of 6\)$",
        r"\) no more questions; the run goes on\n(event .*\n)+done at the end\?\ttrue$",
        r"^predictions: 4 right of 6\ntake away:$"])
    assert p.stdout.count("what happens next?") == 8, p.stdout     # 8 of lesson 01's 9 stops
    p = run(binary, ["--predict", "02"], stdin="1\n")
    succeed(p)
    assert "right: parameter copies  (1 right of 1)" in p.stdout and \
        "predictions: 1 right of 1" in p.stdout, p.stdout
    piped(binary, [":predict on", "g = range(1)", ":step g", "1", "2", "", ":continue",
                   ":predict off"], [
        r"^> predict is on$",
        r"\) right: await_resume  \(1 right of 1\)\nstep +11 await_resume",
        r"\) not return_value: it is yield_value  \(1 right of 2\)\n     why not: After "
        r"await_resume the body goes on: return_value comes only",
        r"guess \(a number or a name, Tab completes; Enter: no guess\) \(#1 range yield_value\) "
        r"> #1 range is suspended",
        r"^predictions: 1 right of 2\n> predict is off$"])


def case_tour_env(binary):
    """the tour runs in its own environment (the user's g and range stay),
    shows :step, :where, a breakpoint whose stop it answers and an export on
    the way, each kind of event once in each of its meanings, the key
    explanations once, and ends at :lessons; [issue 24] its code is named
    (tour-generator.lua, tour-task.lua), so the page it writes has the
    body's source at every event that has a place"""
    p = piped(binary, ['g = "mine"', "range = 7", ":tour", "print(g, range)"], [
        r"^event +1 operator new", r"^\(resume\) :step$", r"^\(yield_value\) :continue$",
        r"^=>     body ", r"^breakpoint \d+ +19 yield_value\(1\) +#1 range +"
        r"@ tour-generator.lua:12$", r"^1\t0$", r"^> :delete 1\nbreakpoint 1 deleted$",
        r"^\(\d+ more, of kinds shown above\)$", r"^event +60 symmetric transfer +#3 inner",
        r"^84$", r"^wrote html \(87 events\) to (.*tour\.html)$",
        r"That was the whole lifecycle. Next: :lessons lists the lessons", r"^> mine\t7$"])
    for text in ("The coroutine is now suspended:", "h.resume() resumes the coroutine",
                 "co_yield v is co_await promise.yield_value(v)"):   # each explanation once
        assert p.stdout.count(text) == 1, (text, p.stdout)
    assert p.stdout.count("await_ready ") == 1, p.stdout            # each kind once
    page = re.search(r"^wrote html \(87 events\) to (.*tour\.html)$", p.stdout, re.M).group(1)
    data = json.loads(re.search(r'<script id="run" type="application/json">(.*?)</script>',
                                open(page).read(), re.S).group(1))
    places = {e["file"] for e in data["events"] if e.get("file")}
    assert places == {"tour-generator.lua", "tour-task.lua"}, places
    for place in places:
        assert data["sources"].get(place) and any(data["sources"][place]), (place, data["sources"])


def case_replay(binary):
    """[issue 14] a run stepped live to its end, then replayed from event 1
    with :step: at every event the replay shows what live showed — the
    event, the frame that moved, :frames and :where — though nothing runs
    again (the two renderings compared event by event)"""
    group = ['print("@@")', ":frames", ":where", ":step"]
    run = ("function run() local g = range(2) for _ = 1, 3 do g.h:resume() end g.h:destroy() "
           "local t = outer() t.h:resume() t.h:destroy() end")
    # all the run kept; then only its last 30 events (the replay starts
    # from what the dropped ones left: frames alive, the resume chain)
    for keep, kept in (([], None), ([":record 30"], 30)):
        p = piped(binary, keep + [run, ":break operator new", "run()"] + group * 120
                  + [":delete", ":replay"] + group * 120 + [":continue"], [])
        out = re.sub(r"\((?:replay \d+/\d+ )?[^()\n]*\) > ", "", p.stdout)
        out = re.sub(r"(?m)^(?:> )+", "", out)
        out = re.sub(r"(?m)^(?:step|breakpoint 1|replay) +(\d+ )", r"EVENT \1", out)
        returned = len(re.findall(r"(?m)^  → ", out))
        out = re.sub(r"(?m)^  → .*\n", "", out)    # what the member returned: replay knows it
        assert returned > (3 if kept else 20), out
        live_part, replay_part = out.split("all breakpoints deleted", 1)
        live = live_part.split("@@\n")[1:]
        replay = replay_part.split("@@\n")[1:]
        events = len(re.findall(r"(?m)^EVENT ", live_part))
        assert events > 60, live_part
        first = int(re.search(r"(?m)^EVENT (\d+) ", replay_part).group(1)) - 1
        assert first == (events - kept if kept else 0), (first, events)
        # the segment of event i: its :frames, its :where, then the next
        # event (the last one's next is the end of the run: other by nature)
        for i in range(first, events - 1):
            assert live[i] == replay[i - first], \
                "event %d differs:\n--- live\n%s\n--- replay\n%s" % (
                    i + 1, live[i], replay[i - first])
        assert "that was the last recorded event: back at the live point" in replay_part
    # :back counts from the event shown (live: the stop's), :goto by number;
    # :continue in a replay returns to the live stop, whose :where is live
    p = piped(binary, [":break yield_value", "g = range(3)", "g.h:resume()", ":back 2",
                       ":goto 3", ":show 1", ":continue", ":where", ":continue", ":goto 0",
                       ":back x"], [
        r"\) > replay +10 resume +#1 range +by main",
        r"\(replay 10/12 #1 range resume\) > replay +3 promise_type\(3\)",
        r"> #1 range  promise_type generator  prologue  \(at event 3; :continue for now\)$",
        r"\(replay 3/12 #1 range promise_type\) > \(#1 range yield_value\) > #1 range at "
        r"event 12: yield_value\(0\)"])
    assert p.stderr.splitlines() == [
        "corolab: no event 0: the recording holds 16 events (numbers 1 to 16)",
        "corolab: back N: N events back, N a whole number >= 1"], p.stderr
    # code run at the replay prompt records more, and the recording drops
    # the event under the cursor: the cursor goes to the oldest kept
    piped(binary, [":record 20", "g = range(2)", "g.h:resume()", ":replay",
                   "for i = 1, 3 do local x = range(2) x.h:resume() x.h:destroy() end",
                   ":step", ":continue", ":frames"], [
        r"\(the recording dropped the events before; at event 60, the oldest kept\)\n"
        r"replay +61 promise_type\(2\) +#4 range",
        r"\) > > +id  coroutine"])
    # a live stop that code run at the replay prompt makes shows the live
    # run; back at the replay prompt, the replay again
    piped(binary, ["g = range(3)", "g.h:resume()", ":replay", ":step g", ":frames",
                   ":continue", ":frames", ":continue"], [
        r"^\(#1 range resume\) > +id  coroutine.*\n  #1  range +generator +running ",
        r"^\(replay 1/16 main operator new\) > no live frames$"])


def case_diff(binary):
    """[issue 14] corolab --diff aligns two runs: the lazy/eager and the
    final_suspend pairs against their goldens (deterministic, no colour);
    :diff N M over runs made at the prompt, two tasks in swapped order among
    them; the mistakes get one line"""
    for a, b, name in (("lazy", "eager", "diff-lazy-eager.txt"),
                       ("final-suspended", "final-not-suspended", "diff-final.txt"),
                       ("transfer", "nested", "diff-transfer-nested.txt")):
        p = run(binary, ["--diff", "scripts/compare/%s.lua" % a, "scripts/compare/%s.lua" % b])
        succeed(p)
        against_golden(name, p.stdout)
    # two tasks run one after the other, then in the other order: the same
    # event kinds, on other frames; the frame's role (first#1, second#1)
    # keeps them apart, so second's events align and first's are on one side
    p = piped(binary, [
        'first = coro.coroutine(Task, function() coro.co_return(1) end, "first")',
        'second = coro.coroutine(Task, function() coro.co_return(2) end, "second")',
        "function run_task(task) local t <close> = task() return t:run() end",
        "run_task(first), run_task(second)", "run_task(second), run_task(first)",
        ":diff 1 2"], [])
    against_golden("diff-swapped.txt", p.stdout,
                   "--diff aligns on the event kind and the frame's role, not the kind alone")
    p = piped(binary, ["g = range(2)", "for _ = 1, 3 do g.h:resume() end", "g2 = range(3)",
                       ":diff 1 3", ":diff 1 9", ":diff x", ":diff"], [
        r"> < run 1 \(events 1-9\): 9 events$", r"^> run 3 \(events 33-41\): 9 events$",
        r"^   2 parameter copies\(2\) range#1 +\|    2 parameter copies\(3\) range#1$",
        r"^9 in common \(2 with other values\), 0 only in run 1 \(events 1-9\), 0 only in "
        r"run 3 \(events 33-41\)$",
        r"> < run 2 \(events 10-32\): 23 events$"])
    assert p.stderr.splitlines() == [
        "corolab: no run 9: run 1 (events 1-9), run 2 (events 10-32), run 3 (events 33-41)",
        "corolab: usage: :diff A.lua B.lua (two scripts), :diff N M (runs N and M made at the "
        "prompt) or :diff (the last two)"], p.stderr
    p = run(binary, ["--diff", "scripts/compare/lazy.lua"])
    assert p.returncode == 1 and "two scripts are needed after '--diff'" in p.stderr, p.stderr
    p = run(binary, ["--diff", "scripts/compare/lazy.lua", "nope.lua"])
    assert p.returncode == 1 and p.stderr.startswith("corolab: cannot open nope.lua"), p.stderr


def case_builtin_scripts(binary):
    """[issue 24] the compare pairs and the lessons are built into corolab:
    :diff and --diff find them by name from any folder (the pair's golden,
    under its names), every ':diff A B' a lesson's take-away gives runs
    there, and a name that is no file and no built-in script says which
    names there are"""
    with tempfile.TemporaryDirectory() as elsewhere:
        def diff(*names):
            return subprocess.run([binary, "--diff"] + list(names), cwd=elsewhere, env=ENV,
                                  capture_output=True, text=True, timeout=60)
        p = diff("final-suspended", "final-not-suspended")
        succeed(p)
        golden = open(os.path.join(GOLDEN, "diff-final.txt")).read()
        assert masked(p.stdout) == re.sub(r"scripts/compare/([\w-]+)\.lua", r"\1", golden), \
            p.stdout
        commands = set()
        for name in sorted(os.listdir(os.path.join(ROOT, "scripts", "lessons"))):
            if name.endswith(".lua"):
                text = open(os.path.join(ROOT, "scripts", "lessons", name)).read()
                commands.update(re.findall(r":diff (\S+) (\S+)", text))
        assert len(commands) == 3, commands
        for a, b in sorted(commands):
            p = diff(a, b)
            succeed(p)
            assert p.stdout.startswith("value") and "< %s: " % a in p.stdout, (a, b, p.stdout)
        p = diff("lazy.lua", "03-task")            # a pair's file name, a lesson's name
        succeed(p)
        assert "> 03-task: 53 events" in p.stdout, p.stdout
        p = diff("nope", "lazy")
        assert p.returncode == 1 and p.stderr.startswith(
            "corolab: cannot open nope: no such file, nor a built-in script of that name (a "
            "lesson's, as :lessons lists them, or a compare pair's: lazy eager, "
            "final-suspended final-not-suspended, transfer nested)"), p.stderr
        p = subprocess.run([binary, "-i"], input=":diff lazy eager\n", cwd=elsewhere, env=ENV,
                           capture_output=True, text=True, timeout=60)
        succeed(p)
        assert "first step only one took: event 7 of lazy, suspend" in p.stdout, p.stdout


def case_explanations(binary):
    """every context-dependent explanation, from real runs (contexts.lua;
    the export turns the recording on): its count, and exit status 0"""
    p = run(binary, ["--export", "dot=/dev/null", "tests/repl/contexts.lua"])
    succeed(p)
    assert p.stdout == "contexts: 14 explained\n" and p.stderr == "", p.stdout + p.stderr


def case_catalogues(binary):
    """the catalogues of every language: complete, used, folded at every
    width without breaking a word (catalogues.lua), and exit status 0"""
    p = run(binary, ["tests/repl/catalogues.lua", "."])
    succeed(p)
    assert re.fullmatch(r"catalogues: \d+ keys in 3 languages\n", p.stdout), p.stdout
    assert p.stderr == "", p.stderr


def case_untranslated(binary):
    """[issue 24] the sources print no word of their own: every text for
    people comes from a catalogue (untranslated.py); the check itself
    catches a planted English message"""
    import untranslated
    findings = untranslated.scan(ROOT)
    assert not findings, "words printed outside the catalogues (every text must have its " \
        "key in en.lua, tr.lua and zh.lua):\n" + "\n".join(
            "%s:%d: %r %s" % f for f in findings)
    planted = untranslated.scan_lua("planted.lua", 'print("breakpoint " .. n .. " deleted")\n'
                                    'palette.fail(string.format("no frame #%d", id))\n'
                                    'print(i18n.ui("deleted", n))\n')
    assert [f[0] for f in planted] == [1, 1, 2], planted
    assert untranslated.scan_c("planted.c", 'fprintf(stderr, "%s: cannot open %s", a, b);'), \
        "the C scan misses an English message"


# the words the runtime and Lua say, which stay English in every language
# (README: "Error messages stay English"): Lua's own messages and
# tracebacks, the operating system's, the runtime's errors (they cite a
# rule); and the rules, as the standard and the core issues name them
FOREIGN = [r"\(condition\):\d+: .*", r"No space left on device", r"No such file or directory",
           r"stack traceback:",
           r"\[C\]: in .*", r"stdin:\d+: in .*", r"corolab: coro\.null: .*",
           r"\[[a-z]+\.[a-z.]+\](?:/[\d.]+)?", r"\bCWG\d+\b"]
# what is no word of any language: identifiers, values, names, paths
QUOTED = r"\"(?:[^\"\\]|\\.)*\"|'[^']*'|“[^”]*”|\{[^{}]*\}|^\s+\d+ \| .*"  # values, source
NAMES = (r"#\d+ \w+|\w+#\d+|[\w./~$-]+\.(?:lua|html|dev|json|cpp)\b(?::\d+)?|/dev/\w+|"
         r"\S*[_:#$(]\S*|--?\w+|\b[A-Z]{1,}\b")
ALLOWED = {"main", "nil", "true", "false", "on", "off", "if", "corolab", "coro", "Lua", "C",
           "Ctrl", "Tab", "Enter", "Home", "End", "en", "tr", "zh", "range", "outer", "inner",
           "driver", "spin", "bad", "work", "value", "generator", "task", "current", "frame",
           "resume", "destroy", "promise", "state", "locals", "body", "operand", "awaiter",
           "try", "catch", "throw", "ret", "args", "size", "operator", "new", "co_await",
           "English", "Chrome", "Graphviz", "Mermaid", "ui", "perfetto", "JSON", "html",
           "chrome", "mermaid", "dot", "record", "stat", "mod", "script", "stdin",
           "boom",                                   # the session's own error value
           "sum", "int"}                             # the C++ record's coroutine, a type


def catalogue_words(binary):
    """lang -> the ASCII words of its catalogue (lower case)"""
    p = run(binary, ["-e", "local i18n = require 'explorer.text.i18n' "
                     "local function walk(l, v) if type(v) == 'string' then "
                     "print(l .. '\\t' .. v:gsub('\\n', ' ')) elseif type(v) == 'table' "
                     "then for _, x in pairs(v) do walk(l, x) end end end "
                     "for _, l in ipairs(i18n.languages) do walk(l, i18n.catalogue(l)) end"])
    succeed(p)
    words = {}
    for line in p.stdout.splitlines():
        lang, _, text = line.partition("\t")
        words.setdefault(lang, set()).update(w.lower() for w in re.findall(r"[A-Za-z]{2,}",
                                                                             text))
    return words


def english_left(text, lang, words, kinds):
    """the lines of text (output in lang) with a word of English that lang
    does not use: for Chinese any ASCII word, for Turkish one of English's
    catalogue that Turkish's has not; identifiers, event kinds, values,
    names and the runtime's and Lua's own words aside"""
    kinds = sorted(kinds, key=len, reverse=True)
    found = []
    for line in text.splitlines():
        rest = re.sub(QUOTED, " ", line)
        for pattern in FOREIGN:
            rest = re.sub(pattern, " ", rest)
        for kind in kinds:
            rest = re.sub(r"(?<![\w'/.-])%s(?![\w'-])" % re.escape(kind), " ", rest)
        rest = re.sub(NAMES, " ", rest)
        for w in re.findall(r"[A-Za-z]{2,}", rest):
            if w in ALLOWED or w.lower() in words[lang]:
                continue
            if lang == "zh" or w.lower() in words["en"]:
                found.append((w, line))
    return found


def names(binary):
    """the event kinds and the explorer's commands: names in every language"""
    p = run(binary, ["-e", "for _, k in ipairs(coro.events) do print(k.name) end "
                     "for _, c in ipairs(require('explorer.terminal.commands').list) do "
                     "print(c[1]) end"])
    succeed(p)
    return p.stdout.splitlines()


def case_every_command_translated(binary):
    """[issue 24] every explorer command and its mistakes (languages.session,
    the lessons' commands aside: another change translates them), corolab
    --help and a wrong option, in Turkish and in Chinese: no English left
    but C++ identifiers, values and the runtime's and Lua's own words; and
    the answers are those of the language's catalogue"""
    words = catalogue_words(binary)
    kinds = names(binary)
    stdin = open(os.path.join(HERE, "languages.session")).read()
    expected = {"tr": ["breakpoint 1 silindi", "dil: tr", "ilk noktada askıda",
                       "devam ettirme zinciri: main devam ettirdi: #1 range",
                       "await_suspend void döndürdü", "unhandled_exception(\"boom\")",
                       "kullanım: corolab", "(çıkarım)"],
                "zh": ["断点 1 已删除", "语言：zh", "初始挂起", "恢复链：main 恢复了 #1 range",
                       "await_suspend 返回了 void", "unhandled_exception(\"boom\")",
                       "用法：corolab", "（推断）"]}
    for lang in ("tr", "zh"):
        p = run(binary, ["--lang", lang, "-i", "tests/repl/fixtures.lua"], stdin)
        succeed(p)
        out = p.stdout + p.stderr
        for args in (["--help"], ["-x"], ["--diff", "a.lua"]):
            q = run(binary, ["--lang", lang] + args)
            out += q.stdout + q.stderr
        q = run(binary, ["--lang", lang, "--trace", "scripts/lessons/09-errors.lua"])
        out += "".join(l for l in q.stdout.splitlines(True) if re.match(r" *\d+ ", l))
        left = english_left(out, lang, words, kinds)
        assert not left, "%s: English left in %d lines (every text needs its %s catalogue " \
            "entry):\n%s" % (lang, len(left), lang, "\n".join("%r in: %s" % f for f in left[:40]))
        for text in expected[lang]:
            assert text in out, "%s: %r is not in the output:\n%s" % (lang, text, out)


# the marks of lesson 10's failed call (no_return_void): its ~return object
# is destroyed first (g++ 12) or after operator delete (clang 14), as
# tests/cpp/prologue.expected and prologue.clang.expected have ~Eager
# before and after ~promise_type ([dcl.fct.def.coroutine]/7, CWG2935)
FAILED_CALL = {"g++": ["~return object", "~promise_type", "~parameters", "operator delete"],
               "clang": ["~promise_type", "~parameters", "operator delete", "~return object"]}
MARKS = {"en": "\u2021 as %s", "tr": "\u2021 %s gibi", "zh": "\u2021 \u6309 %s"}
COMPILERS = {"g++": "g++ 12", "clang": "clang 14"}
UNSPECIFIED_SESSION = "\n".join([
    ":order", ":order msvc", "dofile('scripts/lessons/10-co-return.lua')", ":log 5",
    ":order clang", ":break return_object_destroy",
    "dofile('scripts/lessons/10-co-return.lua')", ":continue", ":order", ""])


def failed_call(trace, lang, order):
    """the kinds of events 64-67 of lesson 10's --trace (the failed call's
    end), after checking the marked one: its line ends with the language's
    mark for the compiler whose choice it is, and the note follows it once,
    citing the rule"""
    lines = trace.splitlines()
    events = {int(m.group(1)): (m.group(2), line) for line in lines
              for m in [re.match(r"^\s+(\d+) (\S+(?: \S+)?)\s{2,}", line)] if m}
    kinds = [events[n][0] for n in range(64, 68)]
    marked = [n for n in range(60, 68) if "\u2021" in events[n][1]]
    seq = 64 + kinds.index("~return object")
    rule = "an event an unspecified order placed is marked with whose choice it is"
    assert marked == [seq], "%s: %s; marked: %r" % (lang, rule, marked)
    assert events[seq][1].endswith(MARKS[lang] % COMPILERS[order]), (lang, rule, events[seq][1])
    notes = [l for l in lines if l.startswith("     \u2021 ")]
    assert len(notes) == 1 and lines[lines.index(events[seq][1]) + 1] == notes[0], \
        "%s: the note follows the first marked line, once: %r" % (lang, notes)
    assert "[dcl.fct.def.coroutine]/7, CWG2935" in notes[0] and "g++ 12" in notes[0] \
        and "clang 14" in notes[0], (lang, "the note cites the rule and both compilers", notes)
    return kinds


def case_unspecified(binary):
    """[issue 24] where C++ leaves an order unspecified and g++ 12 and clang
    14 differ, the event that choice placed (lesson 10's failed call's
    ~return object) is marked with the compiler whose choice it is, and
    what each does is told once, citing the rule: in --trace, --order
    clang --trace, :log, a stop, :order and the page's data, in English,
    Turkish and Chinese (golden/unspecified.LANG.out); --order clang puts
    the events in clang 14's order; no English left in Turkish and
    Chinese"""
    words, kinds = catalogue_words(binary), names(binary)
    lesson = run(binary, ["scripts/lessons/10-co-return.lua"])      # its own words
    own = set(lesson.stdout.splitlines())
    for lang in ("en", "tr", "zh"):
        text = ""
        for order in ("g++", "clang"):
            args = ["--lang", lang, "--order", order, "--trace", "scripts/lessons/10-co-return.lua"]
            p = run(binary, args)
            succeed(p)
            assert failed_call(p.stdout, lang, order) == FAILED_CALL[order], \
                "%s: --order %s: lesson 10's failed call ends %r, not as %s does (%r)" % (
                    lang, order, failed_call(p.stdout, lang, order), COMPILERS[order],
                    FAILED_CALL[order])
            text += "$ corolab %s\n%s" % (" ".join(args), p.stdout)
            note = next(l for l in p.stdout.splitlines() if l.startswith("     \u2021 "))
            with tempfile.TemporaryDirectory() as tmp:        # the page's data says the same
                page = os.path.join(tmp, "run.html")
                succeed(run(binary, args[:4] + ["--export", "html=" + page, args[-1]]))
                data = re.search(r'<script id="run" type="application/json">(.*?)</script>',
                                 open(page, encoding="utf-8").read(), re.S).group(1)
            told = [(ev["kind"], ev["line"].endswith(MARKS[lang] % COMPILERS[order]),
                     ev["unspecified"]) for ev in json.loads(data)["events"] if "unspecified" in ev]
            assert told == [("~return object", True, note.strip())], \
                "%s: the page must mark the event and tell what the trace tells: %r" % (lang, told)
        p = run(binary, ["--lang", lang, "-i"], stdin=UNSPECIFIED_SESSION)
        succeed(p)
        session = p.stdout + "--- stderr\n" + p.stderr
        assert session.count("CWG2935") == 4, \
            "%s: :order lists the order, :log and the stop tell it once each, :order again" % lang
        text += "$ corolab --lang %s -i\n%s" % (lang, session)
        if lang != "en":        # the explorer's words (not the lesson's, nor a misuse)
            bare = [re.sub(r"^(?:\([^)]*\) )?(?:> )*", "", l) for l in text.splitlines()]
            said = "\n".join(l for l in bare
                             if l not in own and not re.match(r"^\s*\d+ misuse |^--- ", l))
            left = english_left(said, lang, words, kinds)
            assert not left, "%s: English left:\n%s" % (lang, "\n".join(
                "%r in: %s" % f for f in left[:20]))
        against_golden("unspecified.%s.out" % lang, text)


def case_temporary_explained(binary):
    """[issue 24] the bindings' own ~temporary event (a temporary never
    awaited dies at the end of its full-expression) is explained as every
    event is: lesson 19's narration of its argument's temporary, in
    English, Turkish and Chinese, cites [class.temporary]/4 and says the
    catalogue's words, folded under the event"""
    for lang in ("en", "tr", "zh"):
        want = run(binary, ["--lang", lang, "-e", "print(require('explorer.text.i18n')"
                            ".text('events', '~temporary'))"])
        succeed(want)
        p = run(binary, ["--lang", lang, "-i"], stdin=":lesson 19\n" + ":continue\n" * 8)
        succeed(p)
        lines = p.stdout.splitlines()
        at = next(i for i, l in enumerate(lines) if re.search(r" 10 ~temporary ", l))
        told = []
        for line in lines[at + 1:]:
            if not line.startswith("     "):
                break
            told.append(line.strip())
        said = (" " if lang != "zh" else "").join(told)
        assert said.replace(" ", "") == want.stdout.strip().replace(" ", "") \
            and "[class.temporary]/4" in said, \
            "%s: ~temporary is narrated without its explanation: %r" % (lang, lines[at:at + 3])


def case_order_as_clang(binary):
    """corolab --order clang sets coro.order before the script runs: each
    mirror of tests/cpp that clang++ 14 runs otherwise prints what clang++
    prints (NAME.clang.expected, but for what NAME.clang.deviations
    allows: clang 14's own behaviours C++ leaves no choice in), and with
    --order g++ what g++ prints; :diff runs its scripts in that order too;
    a wrong --order is a usage error"""
    cpp = os.path.join(ROOT, "tests", "cpp")
    for name in sorted(f[:-len(".clang.expected")] for f in os.listdir(cpp)
                       if f.endswith(".clang.expected")):
        for order, expected in (("clang", name + ".clang.expected"), ("g++", name + ".expected")):
            p = subprocess.run([binary, "--order", order, name + ".lua"], cwd=cpp, env=ENV,
                               capture_output=True, text=True, timeout=60)
            succeed(p)
            assert p.stderr == "", (name, order, p.stderr)
            want = open(os.path.join(cpp, expected)).read()
            deviations = os.path.join(cpp, name + ".clang.deviations")
            if order == "clang" and os.path.exists(deviations):
                d = subprocess.run(["diff", os.path.join(cpp, expected), "-"], input=p.stdout,
                                   capture_output=True, text=True)
                allowed = "".join(l for l in open(deviations).readlines()
                                  if not l.startswith("# "))
                assert d.stdout == allowed, "%s --order clang: differs from %s beyond %s:\n%s" % (
                    name, expected, name + ".clang.deviations", d.stdout)
            else:
                assert p.stdout == want, "%s --order %s does not print %s:\n%s" % (
                    name, order, expected, p.stdout)
    p = run(binary, ["--order", "clang", "--diff", "scripts/lessons/10-co-return.lua",
                     "scripts/lessons/09-errors.lua"])
    succeed(p)
    for frame in ("no_return_void#1", "early#1"):      # a failed call in each
        ends = re.findall(r"\d+ (~promise_type|~parameters|operator delete|~return object) "
                          + frame, p.stdout)
        assert ends == FAILED_CALL["clang"], "--order clang --diff: %s's failed call ends " \
            "%r, not as clang 14 does" % (frame, ends)
    for args, why in ((["--order", "msvc", "-e", "x = 1"],
                       "corolab: --order g++|clang: where C++ leaves an order unspecified, "
                       "whose choice corolab makes, not 'msvc'"),
                      (["--order"], "corolab: an argument is needed after '--order'")):
        p = run(binary, args)
        assert p.returncode == 1 and p.stderr.startswith(why + "\n"), (args, p.stderr)


def case_update_refused_on_ci(binary):
    """COROLAB_UPDATE_GOLDEN under CI=true: a golden case fails, saying why,
    and rewrites nothing"""
    golden = os.path.join(GOLDEN, "03-task.trace.txt")
    before = os.stat(golden).st_mtime_ns
    p = subprocess.run([sys.executable, os.path.abspath(__file__), binary, "trace:03-task"],
                       env=dict(os.environ, COROLAB_UPDATE_GOLDEN="1", CI="true"),
                       capture_output=True, text=True, timeout=60)
    rule = "under CI a golden case must refuse COROLAB_UPDATE_GOLDEN (a leaked variable " \
           "would make every golden test pass)"
    assert p.returncode == 1, "%s: exit %d\nstdout:\n%s" % (rule, p.returncode, p.stdout)
    assert "COROLAB_UPDATE_GOLDEN is set under CI=true: refusing to rewrite " \
           "golden/03-task.trace.txt" in p.stderr, "%s; stderr:\n%s" % (rule, p.stderr)
    assert os.stat(golden).st_mtime_ns == before, rule + ": golden/03-task.trace.txt rewritten"


BANNERS = {"en": "the C++20 coroutine machinery, live, in Lua 5.4.",
           "tr": "C++20 coroutine mekanizması, Lua 5.4 ile canlı olarak.",
           "zh": "在 Lua 5.4 中实时观察 C++20 协程的运作机制。"}


def case_language_env(binary):
    """the language from the environment, in POSIX's order (XBD 8.2): LC_ALL,
    then LC_MESSAGES, then LANG; the first one set and not empty decides,
    even for a locale with no catalogue (English then); the banner shows it"""
    posix = "POSIX: LC_ALL, then LC_MESSAGES, then LANG decide; an empty one is ignored"
    for lc_all, lc_messages, lang, want in (
            (None, None, None, "en"),
            (None, None, "tr_TR.UTF-8", "tr"),
            (None, "zh_CN.UTF-8", None, "zh"),
            (None, "zh_CN.UTF-8", "tr_TR.UTF-8", "zh"),
            ("zh_CN.UTF-8", None, "tr_TR.UTF-8", "zh"),
            ("zh_CN.UTF-8", "tr_TR.UTF-8", None, "zh"),
            ("tr_TR.UTF-8", "zh_CN.UTF-8", "zh_CN.UTF-8", "tr"),
            ("C.UTF-8", "zh_CN.UTF-8", "tr_TR.UTF-8", "en"),
            (None, "fr_FR.UTF-8", "tr_TR.UTF-8", "en"),
            ("", "", "tr_TR.UTF-8", "tr"),
            ("", "zh_CN.UTF-8", "tr_TR.UTF-8", "zh"),
            ("", "tr_TR.UTF-8", "", "tr")):
        env = {k: v for k, v in ENV.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
        given = {k: v for k, v in (("LC_ALL", lc_all), ("LC_MESSAGES", lc_messages),
                                   ("LANG", lang)) if v is not None}
        p = subprocess.run([binary, "-i"], cwd=ROOT, env=dict(env, **given), input="",
                           capture_output=True, text=True, timeout=60)
        succeed(p)
        banner = p.stdout.split("\n", 1)[0]
        assert banner == "corolab %s — %s" % (VERSION, BANNERS[want]), \
            "%s: with %s the banner is %r, not %s's (%s)" % (
                posix, " ".join("%s=%s" % kv for kv in given.items()) or "none set", banner,
                want, BANNERS[want])


def case_dot_twenty(binary):
    """a chain of twenty tasks stays readable: one row per frame (frames
    stacked, not one long line), its interaction edges labelled by step"""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "chain.dot")
        p = run(binary, ["--export", "dot=" + out, os.path.join(HERE, "chain20.lua")])
        succeed(p)
        text = open(out).read()
    check_dot(text)
    assert len(re.findall(r"subgraph cluster_", text)) == 20, text
    assert len(re.findall(r'label="transfer #\d+"', text)) == 38, text
    dot = os.environ.get("COROLAB_DOT")
    if dot:
        plain = subprocess.run([dot, "-Tplain"], input=text, capture_output=True,
                               text=True, check=True).stdout
        width, height = map(float, plain.split("\n")[0].split()[2:4])
        assert width < 20 and height > 2 * width, (width, height)


CASES = {
    "session_explore": lambda b: case_session(b, "explore"),
    "session_transfer": lambda b: case_session(b, "transfer"),
    "error_exit": case_error,
    "options": case_options,
    "interrupt_callback": case_interrupt_callback,
    "explorer_misuse": case_explorer_misuse,
    "explorer_bad_handles": case_explorer_bad_handles,
    "recording": case_recording,
    "record_million": case_record_million,
    "diff_isolated": case_diff_isolated,
    "frames_finalized": case_frames_finalized,
    "tape_folded": case_tape_folded,
    "replay_answers": case_replay_answers,
    "condition_changes": case_condition_changes,
    "lessons": case_lessons,
    "values": case_values,
    "error_values": case_error_values,
    "where_display": case_where_display,
    "dot_twenty": case_dot_twenty,
    "predict": case_predict,
    "tour_env": case_tour_env,
    "replay": case_replay,
    "diff": case_diff,
    "language_env": case_language_env,
    "update_refused_on_ci": case_update_refused_on_ci,
    "builtin_scripts": case_builtin_scripts,
    "explanations": case_explanations,
    "catalogues": case_catalogues,
    "untranslated": case_untranslated,
    "every_command_translated": case_every_command_translated,
    "unspecified": case_unspecified,
    "order_as_clang": case_order_as_clang,
    "temporary_explained": case_temporary_explained,
}


def main():
    """CASE is a name from CASES, trace:LESSON, FORMAT:LESSON or plain:LESSON"""
    binary, name = os.path.abspath(sys.argv[1]), sys.argv[2]
    kind, _, lesson = name.partition(":")
    if kind == "trace":
        case_trace(binary, lesson)
    elif kind == "plain":
        case_plain(binary, lesson)
    elif kind in EXTENSIONS:
        case_export(binary, kind, lesson)
    else:
        CASES[name](binary)
    print("ok", name)


if __name__ == "__main__":
    main()
