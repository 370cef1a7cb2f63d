"""test_play.py — corolab --play and :play: a run record played in the
explorer (explorer/run/playback.lua, explorer/terminal/play.lua). The
record of a real C++20 program is tests/trace/programs/task.record.json,
programs/task.cpp traced by g++ (tests/trace checks that it is what the
header writes now); the lessons' exports are tests/repl/golden/*.record.json.
Run: python3 test_play.py BINARY CASE
  roundtrip  every lesson's record played gives the lesson's own --trace
             and exports, byte for byte: a record is the run it records
  lifecycle  the snapshots worked out for a record without them agree
             with the runtime's own, on every lesson (lifecycle.lua)
  trace      the C++ record's --trace against golden/play.trace.txt: every
             event the program inferred marked (inferred), no other
  session    a piped session on the C++ record against golden/play.out:
             :log, :goto, :back, :step, :where with the C++ line, :frames
             and :show at any point, what a record cannot do, :play again
  truncated  the record cut at, in and around each line's end: one line
             says it has no end, and the whole events before the cut play
  edited     hand-edited and newer records: one line says what is wrong
             where, and the events before it play; nothing else does
  refused    what is no record, and --play beside a script: exit 1, one
             line, nothing played
  exports    --play with every --export: each parses, the record export
             plays back to the same trace
  diff       :diff and --diff of two records, one cut short
(COROLAB_UPDATE_GOLDEN=1 rewrites the goldens, refused under CI)"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import test_golden  # noqa: E402  (its environment, masking and goldens)

RECORD = "tests/trace/programs/task.record.json"
LESSONS = sorted(f[:-len(".record.json")] for f in os.listdir(os.path.join(HERE, "golden"))
                 if f.endswith(".record.json"))
EVENT_LINE = re.compile(r"^ *\d+ ")


def corolab(binary, args, stdin=None):
    return test_golden.run(binary, args, stdin)


def succeed(p):
    test_golden.succeed(p)


def events_of(stdout):
    return [line for line in stdout.splitlines() if EVENT_LINE.match(line)]


def record_lines():
    return open(os.path.join(ROOT, RECORD), encoding="utf-8").read().split("\n")


def trace_of(binary, path):
    p = corolab(binary, ["--play", path, "--trace"])
    return p, events_of(p.stdout)


def same_events(played, lived):
    """the event lines of a record played are those of the live run, which
    may follow what the script itself printed on the same line"""
    return len(played) == len(lived) and all(l.endswith(p) for p, l in zip(played, lived))


def case_roundtrip(binary):
    rule = "a record played must be the run it records: its trace and every export the same"
    with tempfile.TemporaryDirectory() as tmp:
        for lesson in LESSONS:
            path = "tests/repl/golden/%s.record.json" % lesson
            files = {fmt: os.path.join(tmp, fmt) for fmt in test_golden.EXTENSIONS}
            p = corolab(binary, ["--play", path, "--trace"] +
                        sum((["--export", "%s=%s" % kv] for kv in files.items()), []))
            succeed(p)
            assert p.stderr == "", "%s: %s" % (lesson, p.stderr)
            live = events_of(open(os.path.join(HERE, "golden", lesson + ".trace.txt")).read())
            assert same_events(events_of(p.stdout), live), "%s: --trace: %s" % (lesson, rule)
            for fmt, ext in test_golden.EXTENSIONS.items():
                got = open(files[fmt], encoding="utf-8").read()
                want = open(os.path.join(HERE, "golden", "%s.%s" % (lesson, ext)),
                            encoding="utf-8").read()
                assert got == want, "%s: --export %s: %s" % (lesson, fmt, rule)
    print("%d lessons' records play as they ran" % len(LESSONS))


def case_lifecycle(binary):
    p = corolab(binary, ["tests/repl/lifecycle.lua"] +
                ["tests/repl/golden/%s.record.json" % l for l in LESSONS])
    succeed(p)
    assert re.fullmatch(r"lifecycle: \d+ events of %d runs agree\n" % len(LESSONS), p.stdout), \
        p.stdout
    print(p.stdout.strip())


def case_trace(binary):
    p, lines = trace_of(binary, RECORD)
    succeed(p)
    assert p.stderr == "", p.stderr
    test_golden.against_golden("play.trace.txt", p.stdout)
    events = [json.loads(l.lstrip(",")) for l in record_lines()[1:-2]]
    assert len(lines) == len(events) == 105, (len(lines), len(events))
    for line, e in zip(lines, events):
        marked = "(inferred)" in line
        assert marked == bool(e.get("inferred")), \
            "event %d (%s): an inferred event must be marked (inferred), an observed one " \
            "not:\n%s" % (e["seq"], e["kind"], line)
    print("105 events, %d marked inferred" % sum("(inferred)" in l for l in lines))


def case_session(binary):
    stdin = open(os.path.join(HERE, "play.session")).read()
    p = corolab(binary, ["--play", RECORD, "-i"], stdin)
    succeed(p)
    test_golden.against_golden("play.out", p.stdout + "--- stderr\n" + p.stderr)
    for text, why in (
            ("   91 | int x = co_await a;", ":where shows the C++ line the record names"),
            ("  #2  answer     promise<int>  suspended_initial  initial suspend point  -",
             ":frames at a replay position shows the frames then"),
            ("promise   not recorded", "a traced program's promise is not recorded"),
            ("a record plays: nothing runs, so :break has nothing to stop",
             "a record played cannot stop live")):
        assert text in p.stdout + p.stderr, "%s: %r not in\n%s" % (why, text, p.stdout)
    # recording turned off before: the record played is kept all the same
    p = corolab(binary, ["-i"], ":record 0\n:play %s\n:log 1\n" % RECORD)
    succeed(p)
    assert " 105 operator delete      #1 sum       400 bytes\n" in p.stdout, \
        "a record played after :record 0 must keep its events:\n" + p.stdout


def whole_trace(binary):
    p, lines = trace_of(binary, RECORD)
    succeed(p)
    return lines


def play_text(binary, text, name="cut.json", extra=()):
    """text as a record file played with --trace: (process, event lines)"""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(text if isinstance(text, bytes) else text.encode())
        p = corolab(binary, ["--play", path, "--trace"] + list(extra))
        return p, events_of(p.stdout), path


def case_truncated(binary):
    whole = whole_trace(binary)
    data = open(os.path.join(ROOT, RECORD), "rb").read()
    ends = [i + 1 for i, b in enumerate(data) if b == ord("\n")]
    cuts = sorted({p for e in ends for p in (e, e + 1, e + 7, e - 1, e - 2)
                   if ends[0] <= p < len(data)})
    for n in cuts:
        p, lines, path = play_text(binary, data[:n])
        succeed(p)
        kept = 0                                           # the event lines that are whole JSON
        for line in data[:n].decode().split("\n")[1:]:
            try:
                if json.loads(line.lstrip(","))["seq"] != kept + 1:
                    break
            except (ValueError, TypeError, KeyError):
                break
            kept += 1
        want = "corolab: %s has no end: its program did not finish it (it crashed, or runs " \
               "still), or the file was cut; playing its %d whole events\n" % (path, kept)
        assert p.stderr == want, "cut at %d of %d bytes: %r, expected %r" % (
            n, len(data), p.stderr, want)
        assert first_of(lines, whole, kept), "cut at %d bytes: other events than the whole " \
            "record's first %d" % (n, kept)
    # what a member returned, which the record says, stays though the record
    # ends before the event that would tell it (initial_suspend's awaitable)
    p, lines, _ = play_text(binary, data[:ends[5]])
    assert lines[-1].startswith("   5 initial_suspend      #1 sum       → std::suspend_always"), \
        "a result the record gives must show at its last event: %r" % lines[-1]
    print("%d cuts: each says it has no end and plays its whole events" % len(cuts))


def first_of(lines, whole, kept):
    """lines are the whole record's first kept events, as far as a record
    cut there can tell: a frame's name comes with its get_return_object,
    and the last event's member result with the event after it"""
    def plain(line, last):
        if last:
            line = re.sub(r"→ .*?(  |$)", "", line)
        return re.sub(r"#(\d+)( [\w:<>]+)? +", r"#\1 ", line)
    return len(lines) == kept and all(
        plain(a, i == kept - 1) == plain(b, i == kept - 1)
        for i, (a, b) in enumerate(zip(lines, whole)))


def edit(lines, seq, old, new):
    """the record's text with event seq's line edited"""
    out = list(lines)
    line = out[seq]
    assert old in line, (seq, old, line)
    out[seq] = line.replace(old, new, 1)
    return "\n".join(out)


def case_edited(binary):
    whole = whole_trace(binary)
    lines = record_lines()
    head = lines[0]
    newer = head.replace('"version":"corolab 0.1.0"', '"version":"corolab 9.0.0"')
    cases = [
        ("a line that is no JSON", edit(lines, 40, '"kind"', "kind"), 41,
         "line 41 is not JSON (at character 11)"),
        ("a field of the wrong type", edit(lines, 30, '"depth":0', '"depth":"0"'), 31,
         "line 31 has no valid depth field"),
        ("a field missing", edit(lines, 12, '"detail":', '"details":'), 13,
         "line 13 has no valid detail field"),
        ("a line taken out", "\n".join(lines[:50] + lines[51:]), 51,
         "line 51 is event 51 where 50 was due"),
        ("a line twice", "\n".join(lines[:50] + lines[49:]), 51,
         "line 51 is event 49 where 50 was due"),
        ("an unknown kind", edit(lines, 7, '"kind":"suspend"', '"kind":"suspnd"'), 8,
         "line 8 names an event this corolab does not know: suspnd"),
        ("an unknown cause", edit(lines, 9, '"cause":"returned_void"', '"cause":"returned_maybe"'),
         10, "line 10 names a cause this corolab does not know: returned_maybe"),
        ("a frame the record has not", edit(lines, 22, '"frame":1,', '"frame":7,'), 23,
         "line 23 names frame #7, which the record does not have"),
        ("an event after its frame's operator delete",
         edit(lines, 65, '"frame":4,', '"frame":3,'), 66,
         "line 66 is an event of #3 after its operator delete"),
        ("an event its frame cannot have then (await_resume while suspended)",
         edit(lines, 10, '"kind":"resume","frame":1,"other":0,"depth":0,"index":0,'
              '"detail":"","cause":"resume_called"', '"kind":"await_resume","frame":1,'
              '"other":0,"depth":0,"index":0,"detail":"","cause":"initial_suspend"'), 11,
         "line 11 is await_resume of #1, which is suspended_initial then"),
        ("an end before the last line", "\n".join(lines[:30] + [lines[-2]] + lines[30:]), 31,
         "line 31 ends the events before the record's last line"),
        ("an end that counts otherwise", "\n".join(lines[:-2] + [lines[-2].replace(
            '"count":105', '"count":104')] + [""]), 107, "line 107 says 104 events where 105 "
         "are written"),
    ]
    for what, text, line, why in cases:
        p, got, path = play_text(binary, text)
        succeed(p)
        kept = line - 2
        want = "corolab: %s: %s; the record was cut or edited there: playing its %d events " \
               "before it\n" % (path, why, kept)
        assert p.stderr == want, "%s: %r, expected %r" % (what, p.stderr, want)
        assert first_of(got, whole, kept), "%s: other events than the record's first %d" % (
            what, kept)
    # a newer corolab's record: whole if it holds nothing unknown, else up to that
    p, got, path = play_text(binary, "\n".join([newer] + lines[1:]))
    succeed(p)
    assert p.stderr == "corolab: %s was written by corolab 9.0.0, newer than this corolab " \
        "0.1.0, and holds nothing this one does not know: it plays whole\n" % path, p.stderr
    assert got == whole
    text = edit([newer] + lines[1:], 20, '"kind":"return to caller"', '"kind":"co_spawn"')
    p, got, path = play_text(binary, text)
    succeed(p)
    assert p.stderr == "corolab: %s was written by corolab 9.0.0, newer than this corolab " \
        "0.1.0: its line 21 names an event this corolab does not know: co_spawn; playing its " \
        "19 events before it\n" % path, p.stderr
    assert first_of(got, whole, 19)
    # fields a later version may add are read past
    text = edit(lines, 5, '"seq":5,', '"seq":5,"colour":"blue",')
    p, got, path = play_text(binary, text)
    succeed(p)
    assert p.stderr == "" and got == whole, p.stderr
    print("%d edits and 2 newer records: each said in one line, the events before it played"
          % len(cases))


def case_refused(binary):
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in (("empty.json", ""), ("script.json", "print(1)\n"),
                           ("other.json", '{"format":"other run","events":[\n]}\n'),
                           ("nohead.json", '{"format":"corolab run"}\n')):
            path = os.path.join(tmp, name)
            with open(path, "w") as f:
                f.write(text)
            p = corolab(binary, ["--play", path, "--trace"])
            assert p.returncode == 1 and p.stdout == "", (name, p.returncode, p.stdout)
            assert p.stderr == "corolab: cannot play %s: its first line is not the head of a " \
                "corolab run record (what corolab/trace.hpp and corolab --export record " \
                "write: docs/record-format.md)\n" % path, (name, p.stderr)
        p = corolab(binary, ["--play", os.path.join(tmp, "none.json")])
        assert p.returncode == 1 and p.stderr == "corolab: cannot play %s: No such file or " \
            "directory\n" % os.path.join(tmp, "none.json"), p.stderr
    p = corolab(binary, ["--play", RECORD, "scripts/lessons/01-lazy-generator.lua"])
    assert p.returncode == 1 and p.stderr.startswith(
        "corolab: a record plays alone: 'scripts/lessons/01-lazy-generator.lua' cannot run "
        "beside --play\nusage: corolab"), p.stderr
    assert p.stdout == "", "the script ran beside --play"
    p = corolab(binary, ["--play"])
    assert p.returncode == 1 and "an argument is needed after '--play'" in p.stderr, p.stderr
    p = corolab(binary, ["--help"])
    assert "  --play FILE        play a run record (corolab/trace.hpp's, or --export " \
        "record's)\n" in p.stdout, p.stdout
    print("refused: what is no record, a missing file, a script beside --play")


def case_exports(binary):
    whole = whole_trace(binary)
    with tempfile.TemporaryDirectory() as tmp:
        files = {fmt: os.path.join(tmp, fmt) for fmt in ("chrome", "mermaid", "dot", "record",
                                                          "html")}
        p = corolab(binary, ["--play", RECORD] +
                    sum((["--export", "%s=%s" % kv] for kv in files.items()), []))
        succeed(p)
        assert p.stdout == "" and p.stderr == "", (p.stdout, p.stderr)
        text = {fmt: open(path, encoding="utf-8").read() for fmt, path in files.items()}
        test_golden.check_chrome(text["chrome"])
        test_golden.check_dot(text["dot"])
        test_golden.check_record(text["record"])
        assert text["mermaid"].startswith("sequenceDiagram\n"), text["mermaid"][:200]
        run = json.loads(text["record"])
        assert run["title"] == "corolab — task.cpp", run["title"]
        inferred = [e["seq"] for e in run["events"] if e.get("inferred")]
        assert len(inferred) == sum("(inferred)" in l for l in whole), inferred
        p = corolab(binary, ["--play", files["record"], "--trace"])     # and back
        succeed(p)
        assert p.stderr == "" and events_of(p.stdout) == whole, p.stderr
    print("every export of the record; its record export plays back the same")


def case_diff(binary):
    lines = record_lines()
    with tempfile.TemporaryDirectory() as tmp:
        short = os.path.join(tmp, "short.json")
        with open(short, "w") as f:
            f.write("\n".join(lines[:96]) + "\n")                   # 95 events, no end
        p = corolab(binary, ["--diff", RECORD, short])
        succeed(p)
        assert p.stderr == "corolab: %s has no end: its program did not finish it (it crashed, " \
            "or runs still), or the file was cut; playing its 95 whole events\n" % short, \
            p.stderr
        out = p.stdout.splitlines()
        assert out[:2] == ["< %s: 105 events" % RECORD, "> %s: 95 events" % short], out[:2]
        assert out[-2:] == [
            "95 in common (0 with other values), 10 only in %s, 0 only in %s" % (RECORD, short),
            "first step only one took: event 96 of %s, operator delete" % RECORD], out[-2:]
        assert re.search(r"^  95 ~parameters answer#1  \(inferred\) += +95 ~parameters "
                         r"answer#1  \(inferred\)$", p.stdout, re.M), p.stdout
        assert re.search(r"^ 101 return to caller sum#1  await_suspend returned "
                         r"noop_coroutine\(\)  \(inferred\) +<$", p.stdout, re.M), p.stdout
        q = corolab(binary, ["-i"], ":diff %s %s\n" % (RECORD, short))
        succeed(q)
        assert q.stdout.count("95 in common") == 1, q.stdout
    print("--diff and :diff of two records")


CASES = {name[len("case_"):]: fn for name, fn in globals().items() if name.startswith("case_")}


def main():
    binary, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    CASES[case](binary)
    print("ok", case)


if __name__ == "__main__":
    main()
