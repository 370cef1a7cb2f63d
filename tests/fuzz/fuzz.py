"""fuzz.py — runs fuzzhost for a while and survives its crashes: when a seed
kills it (a sanitizer report, a signal), the seed and the report's first
lines are kept and the run goes on from the next seed. Prints progress
every ten seconds, then the sequences run, the errors they met by kind,
the crashes and the broken invariants, each with its seed; a crash's whole
report is kept in a file beside the others (corolab-fuzz-reports/ in the
temporary directory).
Usage: python3 fuzz.py FUZZHOST FUZZ_LUA SECONDS [FIRST_SEED]
Exit status: 0 when nothing crashed and no invariant broke."""
import os
import re
import subprocess
import sys
import tempfile
import time


def main():
    host, script, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
               UBSAN_OPTIONS="print_stacktrace=1")
    deadline = time.time() + seconds
    sequences, kinds, crashes, broken = 0, {}, [], []
    progress = tempfile.NamedTemporaryFile(prefix="corolab-fuzz-", delete=False).name
    reports = os.path.join(tempfile.gettempdir(), "corolab-fuzz-reports")
    os.makedirs(reports, exist_ok=True)
    last_report = time.time()
    while time.time() < deadline:
        chunk = max(1, min(10, int(deadline - time.time())))
        p = subprocess.run([host, "-s", str(seed), "-t", str(chunk), "-p", progress, script],
                           capture_output=True, text=True, env=env)
        summary = re.search(r"^sequences (\d+) \(seeds (\d+)\.\.(-?\d+)\)$", p.stdout, re.M)
        broken += re.findall(r"^INVARIANT (.*)$", p.stdout, re.M)
        if summary:
            sequences += int(summary.group(1))
            seed = int(summary.group(3)) + 1
            for name, n in re.findall(r"^  (.+?)\s+(\d+)$", p.stdout, re.M):
                kinds[name] = kinds.get(name, 0) + int(n)
        else:                                  # it died in the seed it was on
            with open(progress) as f:
                dead = int(f.read().strip() or seed)
            sequences += dead - seed + 1
            report = [line for line in p.stderr.splitlines()
                      if "ERROR:" in line or "SUMMARY:" in line or "runtime error" in line
                      or line.startswith("HANG")]
            path = os.path.join(reports, "seed-%d.txt" % dead)
            with open(path, "w") as f:
                f.write(p.stderr)
            crashes.append((dead, p.returncode, (report[:2] or p.stderr.splitlines()[-2:])
                            + ["report: " + path]))
            seed = dead + 1
        if time.time() - last_report >= 10:
            last_report = time.time()
            print("fuzz: %d sequences, %d crashes, %d invariants broken, %ds left"
                  % (sequences, len(crashes), len(broken), max(0, deadline - time.time())),
                  file=sys.stderr, flush=True)
    os.unlink(progress)
    print("sequences %d (seeds up to %d)" % (sequences, seed - 1))
    print("errors by kind:")
    for name, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print("  %-60s %d" % (name, n))
    print("crashes %d" % len(crashes))
    for dead, code, report in crashes:
        print("  seed %d (exit %d): %s" % (dead, code, " | ".join(report)))
    print("invariants broken %d" % len(broken))
    for b in broken:
        print("  " + b)
    return 1 if crashes or broken else 0


if __name__ == "__main__":
    sys.exit(main())
