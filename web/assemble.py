"""assemble.py — writes the page: web/page.html with the engine (corolab.js,
the single-file module) in place of __COROLAB_MODULE__ and, in place of
__COROLAB_SELFTEST__, what the native corolab records and prints for every
lesson, run as `corolab --export record=FILE scripts/lessons/NAME.lua` from
the repository's root: {"lessons": [{name, record, stdout}]} as JSON,
deflated (raw) and in base64, which the page's #selftest inflates and
compares with its own runs. Without a native corolab the list is empty,
and #selftest says so.
Usage (from the repository's root):
  python3 assemble.py page.html corolab.js out.html [native-corolab]"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import zlib

MODULE, SELFTEST = "__COROLAB_MODULE__", "__COROLAB_SELFTEST__"


def native_runs(corolab):
    """each lesson's record and output, from the native corolab"""
    runs = []
    lessons = sorted(f for f in os.listdir("scripts/lessons") if f.endswith(".lua"))
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1", COROLAB_HOME=tmp)
        for file in lessons:
            out = os.path.join(tmp, "record.json")
            script = "scripts/lessons/" + file
            p = subprocess.run([corolab, "--export", "record=" + out, script], env=env,
                               capture_output=True, text=True, timeout=300)
            if p.returncode != 0:
                sys.exit("assemble.py: %s %s failed (exit %d):\n%s" % (
                    corolab, script, p.returncode, p.stderr))
            with open(out, encoding="utf-8") as f:
                runs.append({"name": file[:-4], "record": f.read(), "stdout": p.stdout})
    return runs


def packed(value):
    """JSON, deflated with no zlib header (the page's 'deflate-raw'), base64"""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = deflate.compress(json.dumps(value).encode()) + deflate.flush()
    return base64.b64encode(data).decode()


def main():
    page_path, module_path, out_path = sys.argv[1:4]
    corolab = sys.argv[4] if len(sys.argv) > 4 else ""
    with open(page_path, encoding="utf-8") as f:
        page = f.read()
    with open(module_path, encoding="utf-8") as f:
        module = f.read()
    # the module goes inside <script>: nothing in it may end the element or
    # open a comment there
    for bad in ("</script", "<!--"):
        if bad in module.lower():
            sys.exit("assemble.py: %r in %s: it cannot go inside <script>" % (bad, module_path))
    for mark in (MODULE, SELFTEST):
        if page.count(mark) != 1:
            sys.exit("assemble.py: %s must hold %s once" % (page_path, mark))
    runs = native_runs(corolab) if corolab else []
    before, _, after = page.partition(MODULE)
    page = before + module + after           # (no re.sub: the module has backslashes)
    page = page.replace(SELFTEST, packed({"lessons": runs}), 1)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(page)


if __name__ == "__main__":
    main()
