"""trace_test.py — corolab/trace.hpp on real C++20 programs, built by g++
and by clang++ (-std=c++20 -Wall -Wextra -Werror). One case a run:

  mirror PROGRAM   a program of tests/cpp (its mirror: the .lua beside it)
                   or a lesson (its --[==[c++ block; the lesson is the
                   mirror), traced as mirrors.txt says: it prints what it
                   prints untraced, its build says what the untraced build
                   says (nothing, for a clean program), its record is
                   well-formed, and the record's events are the mirror's
                   (corolab --export record), on the events both can see
  golden NAME      programs/NAME.cpp, which the header has never seen: its
                   record is golden/NAME.COMPILER.txt, exactly (frame sizes
                   and the compiler's version masked)
  refused NAME     refused/NAME.cpp must not compile, and the compiler must
                   say every "// expect: " phrase of the file
  truncated NAME   programs/NAME.cpp's record, cut at and around every line's
                   end: each cut is reported truncated, and what it keeps
                   reads as the whole record's first events; and a program
                   that dies leaves whole lines and no footer
  installed BUILD  BUILD installed into a temporary prefix: a CMake project
                   that finds the package and links corolab::trace builds
                   programs/task.cpp, whose record is its golden's
  version VERSION  the record's version is "corolab VERSION", project()'s
  play NAME        programs/NAME.cpp's record played by corolab --play: its
                   trace, and :frames and :where where the most frames are
                   alive, are golden/NAME.COMPILER.play.txt
  diff PROGRAM     a program of tests/cpp traced, against its Lua mirror by
                   corolab --diff record.json mirror.lua: golden/diff.NAME.
                   COMPILER.txt
  page NAME        programs/NAME.cpp's record played into the page, opened
                   in Chromium (tests/repl/test_html.py played:RECORD)
  fixture NAME     programs/NAME.record.json, the record tests/repl plays, is
                   what the header writes for programs/NAME.cpp now
(mirror and golden records are also played: corolab reads every event of
them, and says nothing is wrong; and the frames worked out from a mirror's
events alone are the runtime's: tests/repl/lifecycle.lua)

Run: python3 trace_test.py CASE ARG --cxx COMPILER --corolab BINARY --work DIR
(COROLAB_UPDATE_GOLDEN=1 rewrites a golden, refused under CI)."""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

import records

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
FLAGS = ["-std=c++20", "-Wall", "-Wextra", "-I", os.path.join(ROOT, "core", "include")]
KINDS, CAUSES = records.vocabulary(os.path.join(ROOT, "core", "include", "corolab.h"))
VERSION = open(os.path.join(ROOT, "core", "include", "corolab", "trace.hpp")).read()
VERSION = re.search(r'#define COROLAB_TRACE_VERSION "([^"]*)"', VERSION).group(1)


class Failure(Exception):
    pass


class Skipped(Exception):
    """the compiler, not the header: under the sanitizers, the untraced
    program does not build or does not run cleanly as the compiler made it"""


def check(condition, message):
    if not condition:
        raise Failure(message)


def compiler_name(cxx):
    return "clang" if "clang" in os.path.basename(cxx) else "gxx"


# ------------------------------------------------------------- building --

def build(cxx, source, work, name, traced, includes=(), werror=True, filename="prog.cpp",
          flags=None):
    """compiles source as filename in work/name, from there (the same name
    traced or not, so that diagnostics compare, and the record's places
    read filename:line), with FLAGS (or flags); returns (binary,
    diagnostics)"""
    d = os.path.join(work, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, filename), "w") as f:
        f.write(source)
    binary = os.path.join(work, name + ".bin")
    cmd = [cxx] + (flags or FLAGS) + (["-Werror"] if werror else []) + \
        [a for i in includes for a in ("-I", i)]
    if traced and "#include <corolab/trace.hpp>" not in source:
        cmd += ["-include", "corolab/trace.hpp"]
    p = subprocess.run(cmd + [filename, "-o", binary], cwd=d, capture_output=True, text=True)
    return (binary if p.returncode == 0 else None), p.stderr


# how the programs run: under the sanitizers, without LeakSanitizer (the
# recorder keeps pointers to the frames it knows, so a frame that a
# program leaks, as clang 14 does in prologue_transfer.cpp, would be
# reported untraced and not traced)
RUN_ENV = dict(os.environ)
RUN_ENV.pop("COROLAB_TRACE_FILE", None)


def run(binary, record=None):
    env = dict(RUN_ENV)
    if record:
        env["COROLAB_TRACE_FILE"] = record
    p = subprocess.run([binary], capture_output=True, text=True, env=env, timeout=60)
    return p.returncode, p.stdout


SANITIZE = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all"]
SANITIZED = ("AddressSanitizer", "runtime error:", "LeakSanitizer")


def sanitizers_refuse(binary):
    """under the sanitizers, what they say of the untraced program, or None"""
    if SANITIZE[0] not in FLAGS:
        return None
    p = subprocess.run([binary], capture_output=True, text=True, env=RUN_ENV, timeout=60)
    said = [l for l in p.stderr.splitlines() if any(s in l for s in SANITIZED)]
    return said[0] if said else None


def lesson_source(path):
    """the lesson's --[==[c++ block"""
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^--\[==\[c\+\+\n(.*?)^\]==\]$", text, re.S | re.M)
    check(m, "%s has no --[==[c++ block" % path)
    return m.group(1)


def with_traces(source, types):
    # (types may be none: the program names corolab::traced itself)
    """COROLAB_TRACE(TYPE) at the end of the line that closes each type's
    definition (the lines stay where they are, so diagnostics compare):
    T, or X<ARGS> after `template <> struct X<ARGS>` if there is one,
    else after `template <...> struct X`"""
    lines = source.split("\n")
    for t in types:
        name = t.split("<")[0]
        heads = [r"^template <> (struct|class) %s\s*{" % re.escape(t),
                 r"^(template <[^>]*> )?(struct|class) %s\b[^;]*$" % re.escape(name)]
        at = next((i for h in heads for i, l in enumerate(lines) if re.match(h, l)), None)
        check(at is not None, "no definition of %s to trace" % t)
        end = next((i for i in range(at, len(lines)) if lines[i].startswith("};")), None)
        check(end is not None, "the definition of %s does not end with '};'" % t)
        lines[end] += " COROLAB_TRACE(%s)" % t
    return "\n".join(lines)


# ---------------------------------------------------------- the manifest --

RULES = ("skip", "edit", "unseen", "extra", "unordered", "loose")


def manifest():
    """mirrors.txt: program -> {types, skip: {compiler: reason}, edits, rules}"""
    programs, current = {}, None
    for n, line in enumerate(open(os.path.join(HERE, "mirrors.txt")), start=1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            program, types = line.split(":", 1)
            current = programs[program] = {"types": types.split(), "skip": {}, "edits": [],
                                           "rules": []}
            continue
        m = re.match(r"\s+edit `(.+)` => `(.*)`: (.+)$", line)
        if m and current:
            current["edits"].append(m.groups()[:2])
            continue
        m = re.match(r"\s+(\w+) (\S+)(?: (.*?))?: (.+)$", line)
        check(m and current and m.group(1) in RULES,
              "mirrors.txt:%d: not `RULE COMPILERS [EVENTS]: REASON` (RULE one of %s): %s"
              % (n, ", ".join(RULES), line))
        what, compilers, subject, reason = m.groups()
        for c in compilers.split(","):
            check(c in ("gxx", "clang"), "mirrors.txt:%d: compiler %r is not gxx or clang" % (n, c))
        if what == "skip":
            for c in compilers.split(","):
                current["skip"][c] = reason
        else:
            check(subject, "mirrors.txt:%d: %s names no events" % (n, what))
            current["rules"].append({"what": what, "compilers": compilers.split(","),
                                     "subject": subject, "reason": reason, "line": n})
    return programs


# ----------------------------------------------------------- comparing --

def mirror_events(corolab, script, cwd, work):
    path = os.path.join(work, "mirror.json")
    p = subprocess.run([corolab, "--export", "record=" + path, script], cwd=cwd,
                       capture_output=True, text=True, timeout=120)
    check(p.returncode == 0, "the mirror %s failed (%d):\n%s" % (script, p.returncode, p.stderr))
    events = []
    for line in open(path, encoding="utf-8").read().split("\n")[1:]:
        line = line.rstrip(",")
        if line.startswith("{"):
            events.append(json.loads(line))
    return events


# what the header can record, observed or inferred: the mirror's other
# events (~locals, ~return object, convert return object, misuse) it
# cannot see
SEEN = {"operator new", "get_return_object_on_allocation_failure", "parameter copies",
        "promise_type", "get_return_object", "initial_suspend", "await_transform",
        "operator co_await", "await_ready", "suspend", "await_suspend", "resume",
        "symmetric transfer", "await_resume", "~awaiter", "yield_value", "return_value",
        "return_void", "throw", "unhandled_exception", "final_suspend", "destroy",
        "~promise_type", "~parameters", "operator delete", "return to caller"}
VALUE = re.compile(r'-?\d+(\.\d+)?(e[-+]?\d+)?|".*"|true|false|handle #\d+|noop_coroutine\(\)')


def values(text):
    """a list of arguments, split at its top-level commas"""
    if text in (None, "", "nil"):
        return []
    parts, depth, quoted, start = [], 0, False, 0
    for i, c in enumerate(text):
        if c == '"' and (i == 0 or text[i - 1] != "\\"):
            quoted = not quoted
        elif not quoted and c in "{[(":
            depth += 1
        elif not quoted and c in "}])":
            depth -= 1
        elif not quoted and depth == 0 and text.startswith(", ", i):
            parts.append(text[start:i])
            start = i + 2
    return parts + [text[start:]]


def same_values(traced, mirrored):
    """values agree where C++ shows a value (a number, a string, a bool, a
    handle): an object shows its type in C++ and its fields in Lua"""
    a, b = values(traced), values(mirrored)
    if traced is None or mirrored is None:
        return True                       # one side does not know it
    return len(a) == len(b) and all(x == y for x, y in zip(a, b) if VALUE.fullmatch(x))


def shown(e):
    """an event as the comparison sees it"""
    bits = ["%s #%d" % (e["kind"], e["frame"])]
    if e["other"]:
        bits.append("other #%d" % e["other"])
    bits.append("depth %d index %d" % (e["depth"], e["index"]))
    if e.get("cause"):
        bits.append("cause " + e["cause"])
    for field in ("args", "result"):
        if e.get(field) not in (None, "nil"):
            bits.append("%s %s" % (field, e[field]))
    return ", ".join(bits)


def same(t, m, loose=False):
    for field in ("kind", "frame", "other", "depth"):
        if t[field] != m[field]:
            return False
    if loose:
        return True
    if t["index"] != m["index"] or t.get("cause") != m.get("cause"):
        return False
    if t["kind"] in ("await_ready", "await_resume"):
        if not same_values(t.get("result"), None if m.get("result") == "nil" else m.get("result")):
            return False
    return same_values(t.get("args"), m.get("args"))


def mark_owners(events):
    """each event's "owner": the frame it is about (a return to the caller:
    the one returning; operator new: the frame whose parameters follow)"""
    for e, after in zip(events, events[1:] + [None]):
        e["owner"] = e["other"] if e["kind"] == "return to caller" else e["frame"]
        if e["kind"] == "operator new" and after and after["kind"] == "parameter copies":
            e["owner"] = after["frame"]


def applies(rule, e):
    """rule's subject names event e: KIND[@FRAME[-LAST]][#INDEX][/CAUSE],
    several joined by +, KIND * for any, _ for a space"""
    for subject in rule["subject"].split("+"):
        m = re.fullmatch(r"([\w~*]+)(?:@(\d+)(?:-(\d+))?)?(?:#(\d+))?(?:/(\w+))?", subject)
        check(m, "mirrors.txt:%d: %r is not KIND[@FRAME[-LAST]][#INDEX][/CAUSE]"
              % (rule["line"], subject))
        kind, first, last, index, cause = m.groups()
        frames = range(int(first), int(last or first) + 1) if first else None
        if kind in ("*", e["kind"].replace(" ", "_")) and (frames is None or e["owner"] in frames) \
                and index in (None, str(e["index"])) and cause in (None, e.get("cause")):
            return True
    return False


def unplaced(e):
    """an event as an unordered rule compares it: what same() compares, but
    where it is (its depth and index)"""
    bits = [e["kind"], "#%d" % e["frame"], "other #%d" % e["other"], "cause %s" % e.get("cause")]
    results = [e.get("result")] if e["kind"] in ("await_ready", "await_resume") else []
    bits += [v for v in values(e.get("args")) + results if v and VALUE.fullmatch(v)]
    return ", ".join(bits)


def compare(traced, mirrored, rules, compiler):
    """the traced events against the mirror's, in order. The mirror closes
    every Lua awaiter at its co_await's end; C++ destroys only temporaries
    with a destructor: a ~awaiter of the mirror that the trace lacks is
    passed over. A rule of mirrors.txt sets events aside (unseen: the
    mirror's, which the trace lacks; extra: the trace's, which the mirror
    lacks; unordered: both have them, in other orders, compared as sets,
    without their depths and indexes; loose: compared on kind, frame,
    other and depth only); a rule that sets nothing aside is an error. An
    exception's value is its what(), quoted, in the trace, and the Lua
    error in the mirror (unknown when that is no string)"""
    mirrored = [e for e in mirrored if e["kind"] in SEEN]
    for e in mirrored:                    # a Lua error that is no string shows its type alone
        if e["kind"] in ("throw", "unhandled_exception") and \
                re.fullmatch(r"\(error object is a \w+ value\)", e["detail"]):
            e.pop("args", None)
    mark_owners(traced)
    mark_owners(mirrored)
    used, loose = set(), set()
    for rule in rules:
        if compiler not in rule["compilers"]:
            continue
        picked_t = [e for e in traced if applies(rule, e)]
        picked_m = [e for e in mirrored if applies(rule, e)]
        where = "mirrors.txt:%d: `%s %s`" % (rule["line"], rule["what"], rule["subject"])
        check(picked_m or picked_t, "%s names no event: an exception that is not needed" % where)
        if rule["what"] == "loose":
            loose.update(id(e) for e in picked_t + picked_m)
            continue
        if rule["what"] == "unseen":
            check(picked_m and not picked_t, "%s: the trace has %s" % (where, shown(picked_t[0]))
                  if picked_t else "%s: the mirror has none" % where)
        elif rule["what"] == "extra":
            check(picked_t and not picked_m, "%s: the mirror has %s" % (where, shown(picked_m[0]))
                  if picked_m else "%s: the trace has none" % where)
        else:                             # as sets; the mirror's spare ~awaiters aside
            a = collections.Counter(unplaced(e) for e in picked_t)
            b = collections.Counter(unplaced(e) for e in picked_m)
            spare = b - a
            check(not (a - b) and all(k.startswith("~awaiter") for k in spare),
                  "%s: the trace's and the mirror's differ even as sets:\n  trace only:  %s\n"
                  "  mirror only: %s" % (where, "\n               ".join(sorted(a - b)),
                                         "\n               ".join(sorted(spare))))
        used.update(id(e) for e in picked_t + picked_m)
    t = [e for e in traced if id(e) not in used]
    m = [e for e in mirrored if id(e) not in used]
    i = j = 0
    while i < len(t) or j < len(m):
        if i < len(t) and j < len(m) and same(t[i], m[j], id(t[i]) in loose or id(m[j]) in loose):
            i, j = i + 1, j + 1
        elif j < len(m) and m[j]["kind"] == "~awaiter" and \
                not (i < len(t) and t[i]["kind"] == "~awaiter"):
            j += 1
        else:
            context = "".join("    = %s\n" % shown(e) for e in t[max(0, i - 4):i])
            raise Failure("the trace and the mirror part at trace event %s, mirror event %s:\n%s"
                          "  trace:  %s\n  mirror: %s"
                          % (t[i]["seq"] if i < len(t) else "(end)",
                             m[j]["seq"] if j < len(m) else "(end)", context,
                             shown(t[i]) if i < len(t) else "(no more events)",
                             shown(m[j]) if j < len(m) else "(no more events)"))


def read_record(path):
    r = records.read(path, KINDS, CAUSES, VERSION)
    check(not r.problems, "%s is not a well-formed record:\n  %s" % (path, "\n  ".join(r.problems)))
    return r


def played(record, path, opts, more=(), stdin=None, cwd=None):
    """record (at path, from cwd) played by corolab --play: every event
    read, nothing said wrong; gives its output"""
    p = subprocess.run([opts.corolab, "--play", path] + list(more), input=stdin, cwd=cwd,
                       capture_output=True, text=True, timeout=120,
                       env=dict(RUN_ENV, NO_COLOR="1", LC_ALL="C.UTF-8",
                                COROLAB_HISTORY=os.devnull))
    check(p.returncode == 0 and p.stderr == "", "corolab --play %s ended with %d, saying:\n%s"
          % (path, p.returncode, p.stderr))
    lines = [l for l in p.stdout.splitlines() if re.match(r" *\d+ ", l)]
    check("--trace" not in more or len(lines) == len(record.events),
          "corolab --play read %d of the record's %d events" % (len(lines), len(record.events)))
    return p.stdout


def masked(text, record):
    """frame sizes and the compiler's version masked"""
    text = re.sub(r"\b\d+ bytes\b", "<n> bytes", text)
    return text.replace(record.head["compiler"], "<compiler>")


def against(text, name):
    """text is golden/NAME, or (COROLAB_UPDATE_GOLDEN=1) becomes it"""
    golden = os.path.join(HERE, "golden", name)
    if os.environ.get("COROLAB_UPDATE_GOLDEN"):
        check(os.environ.get("CI", "").lower() in ("", "0", "false"),
              "COROLAB_UPDATE_GOLDEN is set under CI=%s: refusing to rewrite %s"
              % (os.environ.get("CI"), golden))
        with open(golden, "w") as f:
            f.write(text)
        print("rewrote", golden)
        return
    want = open(golden).read()
    if text != want:
        import difflib
        diff = "".join(difflib.unified_diff(want.splitlines(True), text.splitlines(True),
                                            golden, "this run"))
        raise Failure("the output differs from its golden:\n" + diff)


# -------------------------------------------------------------- the cases --

def traced_run(cxx, source, traced_source, work, includes=(), filename="prog.cpp"):
    """builds source untraced and traced_source traced, runs both; returns
    the record"""
    clean = True
    plain, said = build(cxx, source, work, "plain", False, includes, filename=filename)
    if plain is None:                     # not clean: then its warnings are compared
        clean = False
        plain, said = build(cxx, source, work, "plain", False, includes, False, filename)
        if plain is None and SANITIZE[0] in FLAGS and \
                build(cxx, source, work, "bare", False, includes, False, filename,
                      [f for f in FLAGS if f not in SANITIZE])[0]:
            raise Skipped("%s cannot build the untraced program with the sanitizers: %s"
                          % (os.path.basename(cxx), said.strip().splitlines()[0]))
        check(plain is not None, "the program does not compile untraced:\n" + said)
    refused = sanitizers_refuse(plain)
    if refused:
        raise Skipped("the untraced program, as %s builds it, fails the sanitizers: %s"
                      % (os.path.basename(cxx), refused.strip()))
    traced, said_traced = build(cxx, traced_source, work, "traced", True, includes, clean, filename)
    check(traced is not None, "the program compiles untraced but not traced:\n" + said_traced)
    check(said_traced == said, "tracing changes what the compiler says:\nuntraced:\n%s\ntraced:\n%s"
          % (said or "(nothing)\n", said_traced))
    record = os.path.join(work, "record.json")
    expected, got = run(plain), run(traced, record)
    check(got == expected, "tracing changes what the program does: untraced it ends with %d "
          "and prints\n%s\ntraced it ends with %d and prints\n%s"
          % (expected[0], expected[1], got[0], got[1]))
    return read_record(record)


def case_mirror(program, opts):
    entry = manifest().get(program)
    check(entry, "%s is not in mirrors.txt" % program)
    compiler = compiler_name(opts.cxx)
    if compiler in entry["skip"]:
        print("skipped for %s: %s" % (compiler, entry["skip"][compiler]))
        return
    path = os.path.join(ROOT, program)
    if program.endswith(".lua"):
        source, script, cwd = lesson_source(path), path, ROOT
    else:
        source = open(path).read()
        script, cwd = os.path.basename(path)[:-4] + ".lua", os.path.dirname(path)
    traced = with_traces(source, entry["types"])
    for old, new in entry["edits"]:
        check(traced.count(old) == 1, "mirrors.txt: `%s` is not once in %s" % (old, program))
        traced = traced.replace(old, new)
    record = traced_run(opts.cxx, source, traced, opts.work, [os.path.dirname(path)])
    mirrored = mirror_events(opts.corolab, script, cwd, opts.work)
    compare(record.events, mirrored, entry["rules"], compiler)
    played(record, os.path.join(opts.work, "record.json"), opts, ["--trace"])
    p = subprocess.run([opts.corolab, os.path.join(ROOT, "tests", "repl", "lifecycle.lua"),
                        os.path.join(opts.work, "mirror.json")], capture_output=True, text=True)
    check(p.returncode == 0, "the frames worked out from the mirror's events are not the "
          "runtime's:\n" + p.stderr)
    for rule in entry["rules"]:
        if compiler in rule["compilers"]:
            print("exception (mirrors.txt:%d): %s %s: %s"
                  % (rule["line"], rule["what"], rule["subject"], rule["reason"]))
    print("%d events, the mirror's on the events both see" % len(record.events))


def untraced(source):
    """a program written to be traced, without its tracing: the header's
    #include and the COROLAB_TRACE lines blanked (the lines stay where
    they are)"""
    source = re.sub(r"^#include <corolab/trace\.hpp>$", "", source, flags=re.M)
    return re.sub(r"^COROLAB_TRACE\(.*\)$", "", source, flags=re.M)


def program(name):
    path = os.path.join(HERE, "programs", name + ".cpp")
    check(os.path.exists(path), "no programs/%s.cpp" % name)
    return open(path).read()


def golden_text(record):
    """the record as one event a line, frame sizes and the compiler masked"""
    head = dict(record.head, compiler="<compiler>")
    lines = [json.dumps(head, sort_keys=True, ensure_ascii=False)]
    for e in record.events:
        e = dict(e)
        if e["kind"] in ("operator new", "operator delete"):
            e["detail"] = re.sub(r"^\d+ bytes", "<n> bytes", e["detail"])
        lines.append(json.dumps(e, sort_keys=True, ensure_ascii=False))
    lines.append(json.dumps(record.footer, sort_keys=True, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def case_golden(name, opts):
    source = program(name)
    record = traced_run(opts.cxx, untraced(source), source, opts.work, filename=name + ".cpp")
    against(golden_text(record), "%s.%s.txt" % (name, compiler_name(opts.cxx)))
    if opts.corolab:
        played(record, os.path.join(opts.work, "record.json"), opts, ["--trace"])
    print("%d events, as the golden" % len(record.events))


def recorded(name, opts):
    """programs/NAME.cpp traced: its record, and where it is (beside the
    source, as a program run where it was built leaves it)"""
    source = program(name)
    record = traced_run(opts.cxx, untraced(source), source, opts.work, filename=name + ".cpp")
    path = os.path.join(opts.work, "traced", name + ".json")
    os.replace(os.path.join(opts.work, "record.json"), path)
    return record, path


def most_alive(record):
    """the first event at which the most frames are alive"""
    alive, best, at = set(), -1, 1
    for e in record.events:
        if e["kind"] == "promise_type":
            alive.add(e["frame"])
        elif e["kind"] == "operator delete":
            alive.discard(e["frame"])
        if len(alive) > best:
            best, at = len(alive), e["seq"]
    return at


def case_play(name, opts):
    record, path = recorded(name, opts)
    trace = played(record, path, opts, ["--trace"])
    at = most_alive(record)
    session = played(record, os.path.basename(path), opts, ["-i"],
                     ":goto %d\n:frames\n:where\n:continue\n:frames\n" % at,
                     cwd=os.path.dirname(path))
    against(masked(trace + "--- :goto %d, :frames, :where, then at the end\n" % at + session,
                   record).replace(opts.work, "<work>"),
            "%s.%s.play.txt" % (name, compiler_name(opts.cxx)))
    print("%d events played, %d of them inferred" % (
        len(record.events), sum(bool(e.get("inferred")) for e in record.events)))


def case_diff(program_, opts):
    entry = manifest().get(program_)
    check(entry and program_.startswith("tests/cpp/"), "%s is not a program of tests/cpp in "
          "mirrors.txt" % program_)
    compiler = compiler_name(opts.cxx)
    if compiler in entry["skip"]:
        print("skipped for %s: %s" % (compiler, entry["skip"][compiler]))
        return
    path = os.path.join(ROOT, program_)
    source = open(path).read()
    record = traced_run(opts.cxx, source, with_traces(source, entry["types"]), opts.work,
                        [os.path.dirname(path)])
    mirror = os.path.basename(path)[:-4] + ".lua"
    p = subprocess.run([opts.corolab, "--diff", os.path.join(opts.work, "record.json"), mirror],
                       cwd=os.path.dirname(path), capture_output=True, text=True, timeout=120,
                       env=dict(RUN_ENV, NO_COLOR="1", LC_ALL="C.UTF-8"))
    check(p.returncode == 0 and p.stderr == "", "corolab --diff ended with %d, saying:\n%s"
          % (p.returncode, p.stderr))
    name = os.path.basename(path)[:-4]
    against(masked(p.stdout, record).replace(opts.work, "<work>"),
            "diff.%s.%s.txt" % (name, compiler))
    print(p.stdout.splitlines()[-2])


def case_page(name, opts):
    record, path = recorded(name, opts)
    p = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "repl", "test_html.py"),
                        opts.corolab, "played:" + path], capture_output=True, text=True,
                       timeout=180)
    check(p.returncode == 0, "the page of the record played fails in Chromium:\n%s%s"
          % (p.stdout, p.stderr))
    print(p.stdout.strip().splitlines()[0])


def case_fixture(name, opts):
    record, _ = recorded(name, opts)
    fixture = os.path.join(HERE, "programs", name + ".record.json")
    check(os.path.exists(fixture), "no programs/%s.record.json" % name)
    kept = records.read(fixture, KINDS, CAUSES, VERSION)
    check(not kept.problems, "programs/%s.record.json is not well-formed: %s"
          % (name, kept.problems))
    check(masked(golden_text(kept), kept) == masked(golden_text(record), record),
          "programs/%s.record.json is not what the header writes now for programs/%s.cpp: "
          "write it again (cd tests/trace/programs && COROLAB_TRACE_FILE=%s.record.json "
          "./PROGRAM, PROGRAM built by g++ -std=c++20 -I core/include)" % (name, name, name))
    print("programs/%s.record.json is what the header writes now" % name)


def case_refused(name, opts):
    path = os.path.join(HERE, "refused", name + ".cpp")
    source = open(path).read()
    phrases = re.findall(r"^// expect: (.*)$", source, re.M)
    check(phrases, "%s has no // expect: line" % path)
    binary, said = build(opts.cxx, source, opts.work, "refused", False)
    check(binary is None, "%s compiled; it must be refused" % path)
    for phrase in phrases:
        check(phrase in said, "the compiler did not say %r:\n%s" % (phrase, said))
    first = re.search(r"error[^\n]*", said).group(0)
    check(phrases[0] in first, "the first error is not the header's:\n%s" % first)
    print("refused, saying: %s" % phrases[0])


def case_truncated(name, opts):
    source = program(name)
    whole = traced_run(opts.cxx, untraced(source), source, opts.work, filename=name + ".cpp")
    path = os.path.join(opts.work, "record.json")
    data = open(path, "rb").read()
    cut = os.path.join(opts.work, "cut.json")
    cuts = 0
    ends = [i + 1 for i, b in enumerate(data) if b == ord("\n")]
    places = sorted({p for e in [0] + ends for p in (e, e + 1, e + 7)} |  # at, after, in a line
                    {e - d for e in ends for d in (1, 2)} - {len(data)})      # just before its end
    for n in (p for p in places if 0 <= p < len(data)):
        with open(cut, "wb") as f:
            f.write(data[:n])
        r = records.read(cut, KINDS, CAUSES, VERSION)
        check(r.truncated, "the record cut to %d of %d bytes is not reported truncated"
              % (n, len(data)))
        check(r.events == whole.events[:len(r.events)],
              "the record cut to %d bytes reads other events than the whole one's" % n)
        whole_lines = data[:n].count(b"\n")
        check(len(r.events) >= min(whole_lines - 1, len(whole.events)),
              "the record cut to %d bytes loses whole events: %d read of %d whole lines"
              % (n, len(r.events), whole_lines - 1))
        cuts += 1
    # a program that crashes at its end: whole lines, every event, no footer
    dying = source.replace("int main() {", "int main() { std::atexit([] { std::abort(); });", 1)
    check(dying != source, "programs/%s.cpp has no `int main() {` to make it die in" % name)
    binary, said = build(opts.cxx, dying, opts.work, "dying", False, filename=name + ".cpp")
    check(binary, "the dying program does not build:\n" + said)
    status, _ = run(binary, path)
    check(status == -6, "the dying program ended with %d, not SIGABRT" % status)
    r = records.read(path, KINDS, CAUSES, VERSION)
    check(r.truncated and r.problems == ["truncated: no footer after event %d" % len(r.events)],
          "a program that dies leaves %s" % r.problems)
    check(r.events == whole.events,
          "the program that died before its footer recorded other events than the whole run")
    print("%d cuts (at, in and around each line's end) reported truncated; a program that "
          "dies leaves %d whole events and no footer" % (cuts, len(r.events)))


def case_installed(build_dir, opts):
    prefix = os.path.join(opts.work, "prefix")
    consumer = os.path.join(opts.work, "consumer")
    source = os.path.join(HERE, "programs", "task.cpp")
    for cmd in (["cmake", "--install", build_dir, "--prefix", prefix],
                ["cmake", "-S", os.path.join(HERE, "consumer"), "-B", consumer,
                 "-DCMAKE_PREFIX_PATH=" + prefix, "-DCMAKE_CXX_COMPILER=" + opts.cxx,
                 "-DPROGRAM=" + source],
                ["cmake", "--build", consumer]):
        p = subprocess.run(cmd, capture_output=True, text=True)
        check(p.returncode == 0, "%s failed:\n%s%s" % (" ".join(cmd), p.stdout, p.stderr))
    check(os.path.exists(os.path.join(prefix, "include", "corolab", "trace.hpp")),
          "the header is not installed as include/corolab/trace.hpp")
    path = os.path.join(opts.work, "record.json")
    status, _ = run(os.path.join(consumer, "traced"), path)
    check(status == 0, "the consumer's program ended with %d" % status)
    text = golden_text(read_record(path)).replace(os.path.dirname(source) + "/", "")
    golden = os.path.join(HERE, "golden", "task.%s.txt" % compiler_name(opts.cxx))
    check(text == open(golden).read(), "the installed header's record is not %s" % golden)
    print("installed: find_package(corolab) and corolab::trace build programs/task.cpp, "
          "whose record is its golden's")


def case_version(version, opts):
    check(VERSION == "corolab " + version, "trace.hpp writes version %r, the project is %s: "
          "update COROLAB_TRACE_VERSION" % (VERSION, version))
    print("version: %s" % VERSION)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("case", choices=["mirror", "golden", "refused", "truncated", "installed",
                                         "version", "play", "diff", "page", "fixture"])
    parser.add_argument("arg")
    parser.add_argument("--cxx", default="c++")
    parser.add_argument("--sanitize", action="store_true",
                        help="build the programs with AddressSanitizer and UBSan")
    parser.add_argument("--corolab")
    parser.add_argument("--work", required=True)
    opts = parser.parse_args()
    opts.corolab = opts.corolab and os.path.abspath(opts.corolab)
    if opts.sanitize:
        FLAGS.extend(SANITIZE)
        RUN_ENV["ASAN_OPTIONS"] = "detect_leaks=0"
    os.makedirs(opts.work, exist_ok=True)
    try:
        globals()["case_" + opts.case](opts.arg, opts)
    except Failure as failure:
        print("FAIL (%s, %s %s): %s" % (os.path.basename(opts.cxx), opts.case, opts.arg, failure))
        sys.exit(1)
    except Skipped as why:
        print("skipped under the sanitizers: %s" % why)


if __name__ == "__main__":
    main()
