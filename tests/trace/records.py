"""records.py — reading a run record as docs/record-format.md defines it,
line by line, as a player would: the head, one event a line, the footer.
read() returns what the record holds up to its last whole event and the
problems found (empty for a well-formed record); a record without its
footer, or with a broken last line, is reported truncated. The event kinds
and causes a record may name are the core's (CL_EVENT_KINDS and
CL_EVENT_CAUSES in core/include/corolab.h)."""
import json
import re

FIELDS = {"seq": int, "kind": str, "frame": int, "other": int, "depth": int,
          "index": int, "detail": str}
OPTIONAL = {"cause": str, "args": str, "result": str, "where": str,
            "name": str, "inferred": bool}


def vocabulary(header):
    """the event kinds' names and the causes' keys that corolab.h defines"""
    text = open(header, encoding="utf-8").read()

    def block(macro):
        m = re.search(r"#define %s\(X\)(.*?)\n\n" % macro, text, re.S)
        return re.findall(r'X\((\w+), "([^"]*)"', m.group(1))

    kinds = {name for _, name in block("CL_EVENT_KINDS")}
    causes = {key.lower() for key, _ in block("CL_EVENT_CAUSES")}
    return kinds, causes


class Record:
    def __init__(self):
        self.head, self.events, self.footer, self.problems = None, [], None, []

    @property
    def truncated(self):
        return self.footer is None

    def frames(self):
        """id -> {name, promise_type}: from the footer, or, for a truncated
        record, from each frame's promise_type and get_return_object events"""
        if self.footer:
            return {f["id"]: f for f in self.footer["frames"]}
        frames = {}
        for e in self.events:
            if e["kind"] == "promise_type":
                frames[e["frame"]] = {"id": e["frame"], "name": "", "promise_type": e["detail"]}
            elif e["kind"] == "get_return_object" and e["frame"] in frames:
                frames[e["frame"]]["name"] = e.get("name", "")
        return frames


def parse_event(text, n, kinds, causes):
    """event n from its line's text, or raise ValueError saying why not"""
    e = json.loads(text)
    if not isinstance(e, dict):
        raise ValueError("not an object")
    for field, kind in FIELDS.items():
        if not isinstance(e.get(field), kind) or isinstance(e.get(field), bool):
            raise ValueError("no %s field of type %s" % (field, kind.__name__))
    for field in e:
        if field not in FIELDS and not isinstance(e[field], OPTIONAL.get(field, type(None))):
            raise ValueError("field %s is unknown or of the wrong type" % field)
    if e["seq"] != n:
        raise ValueError("seq %d where %d was due" % (e["seq"], n))
    if e["kind"] not in kinds:
        raise ValueError("kind %r is not one of the core's events" % e["kind"])
    if "cause" in e and e["cause"] not in causes:
        raise ValueError("cause %r is not one of the core's causes" % e["cause"])
    return e


def read(path, kinds, causes, version):
    """the record at path, read up to its last whole event"""
    r = Record()
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    ended = lines[-1] == ""                  # the file ends with a whole line
    if ended:
        lines.pop()
    if not lines or not lines[0].endswith('"events":['):
        r.problems.append("line 1 is not a record's head")
        return r
    try:
        r.head = json.loads(lines[0] + "]}")
    except ValueError as err:
        r.problems.append("line 1: %s" % err)
        return r
    for field, want in (("format", "corolab run"), ("version", version),
                        ("producer", "trace.hpp")):
        if r.head.get(field) != want:
            r.problems.append("head: %s is %r, not %r" % (field, r.head.get(field), want))
    if not r.head.get("compiler") or not r.head.get("title"):
        r.problems.append("head: no compiler or no title")
    for i, line in enumerate(lines[1:], start=2):
        last = i == len(lines)
        if line.startswith("],"):
            if not last:
                r.problems.append("line %d: the footer is not the last line" % i)
                return r
            if not ended:                    # cut before its newline
                break
            try:
                r.footer = json.loads("{" + line[2:])
            except ValueError as err:
                r.problems.append("line %d: a broken footer: %s" % (i, err))
            break
        text = line[1:] if line.startswith(",") else line
        if (len(r.events) > 0) != line.startswith(","):
            r.problems.append("line %d: an event line starts with ',' exactly when it is not the first"
                              % i)
        try:
            r.events.append(parse_event(text, len(r.events) + 1, kinds, causes))
        except ValueError as err:
            if last and not ended:           # cut in the middle of its line
                break
            r.problems.append("line %d: %s" % (i, err))
            return r
    if r.footer is None:
        r.problems.append("truncated: no footer after event %d" % len(r.events))
        return r
    if r.footer.get("complete") is not True or r.footer.get("count") != len(r.events):
        r.problems.append("footer: count %r for %d events, complete %r"
                          % (r.footer.get("count"), len(r.events), r.footer.get("complete")))
    ids = [f.get("id") for f in r.footer.get("frames", [])]
    if ids != list(range(1, len(ids) + 1)):
        r.problems.append("footer: frames are not numbered 1, 2, ...: %r" % ids)
    seen = 0
    for e in r.events:
        for field in ("frame", "other"):
            if e[field] > len(ids):
                r.problems.append("event %d: %s #%d is in no frame of the footer"
                                  % (e["seq"], field, e[field]))
        if e["kind"] == "promise_type":
            seen += 1
            if e["frame"] != seen:
                r.problems.append("event %d: frame #%d made when #%d was due"
                                  % (e["seq"], e["frame"], seen))
    if not set(r.footer.get("alive", [])) <= set(ids):
        r.problems.append("footer: alive names frames that are not there")
    return r
