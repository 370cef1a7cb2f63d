"""tmuxterm.py — drive the real corolab binary in a real terminal: a tmux
server on a private socket (corolab-test-<pid>-<n>), a fixed window size, keys
sent with send-keys, the screen read with capture-pane, and every wait a
poll of the screen until it shows what is awaited (never a fixed sleep), or
a failure past a deadline that prints what was awaited and the screen."""
import os
import itertools
import re
import shlex
import shutil
import subprocess
import tempfile
import time

WIDTH, HEIGHT = 120, 50
# seconds a wait may take: far beyond the longest measured (0.13 s, ASan
# build, the whole suite on two cores), for a busy machine; a wait returns
# as soon as the screen shows what it awaits, so only a failure waits so long
DEADLINE = 30.0


class Timeout(AssertionError):
    pass


class Terminal:
    servers = itertools.count()

    def __init__(self, argv, env=None, cwd=None):
        self.socket = "corolab-test-%d-%d" % (os.getpid(), next(Terminal.servers))
        self.home = tempfile.mkdtemp(prefix="corolab-home-")
        self.env = {"HOME": self.home, "TERM": "xterm-256color", "LANG": "C.UTF-8",
                    "LC_ALL": "C.UTF-8",
                    "COROLAB_HISTORY": os.path.join(self.home, "history")}
        self.env.update(env or {})
        self.argv, self.cwd = argv, cwd
        self.started = False

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null"] + list(args),
                              check=check, capture_output=True, text=True)

    def start(self):
        exports = " ".join("%s=%s" % (k, shlex.quote(v)) for k, v in self.env.items())
        command = "cd %s && env %s %s; echo \"[exit $?]\"; sleep 600" % (
            shlex.quote(self.cwd or os.getcwd()), exports,
            " ".join(shlex.quote(a) for a in self.argv))
        self.tmux("new-session", "-d", "-s", "t", "-x", str(WIDTH), "-y", str(HEIGHT),
                  "sh", "-c", command)
        self.started = True
        return self

    def stop(self):
        if self.started:
            self.tmux("kill-server", check=False)
            self.started = False
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def screen(self, escapes=False):
        """the pane and its scrollback; escapes: keep colour sequences"""
        flags = ["-e"] if escapes else []
        return self.tmux("capture-pane", "-p", *flags, "-t", "t", "-S", "-2000").stdout

    def keys(self, *keys):
        """tmux key names: "Enter", "Tab", "C-c", "C-d", "Up"."""
        self.tmux("send-keys", "-t", "t", *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", "t", "-l", text)

    def line(self, text):
        self.type(text)
        self.keys("Enter")

    def until(self, awaited, found):
        """polls the screen until found(screen) is true and returns that;
        past the deadline fails with what was awaited and the screen last
        captured (the one found() was given)"""
        deadline = time.monotonic() + DEADLINE
        while True:
            screen = self.screen()
            result = found(screen)
            if result:
                return result
            if time.monotonic() > deadline:
                raise Timeout("waited %.0fs for %s; the screen captured last "
                              "(blank lines at its end cut):\n%s" % (
                                  DEADLINE, awaited, screen.rstrip()))
            time.sleep(0.05)

    def wait(self, pattern):
        """the screen matches pattern (a regex, multi-line): its match"""
        return self.until("%r on the screen" % pattern,
                          lambda screen: re.search(pattern, screen, re.M))

    def count(self, pattern):
        return len(re.findall(pattern, self.screen(), re.M))

    def wait_count(self, pattern, n):
        """pattern appears at least n times"""
        self.until("%d or more lines matching %r" % (n, pattern),
                   lambda screen: len(re.findall(pattern, screen, re.M)) >= n)
