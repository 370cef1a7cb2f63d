"""untranslated.py — no words for people outside the catalogues: the explorer's
Lua sources (explorer/) and the shell's C (shell/) print only what a
catalogue (explorer/text/LANG.lua) says. A string literal is printed text
when the call it is an argument of prints, fails, prompts or formats
(print, io.write, :write, palette.fail/paint/fold, host.prompt/read,
string.format, error; in C fputs, fprintf, printf, puts, luaL_error,
lua_pushfstring, lua_pushliteral), or when it is an operand of Lua's `..`.
Such a literal must hold no word: a run of two or more ASCII letters that
is not part of an identifier (with '_', '::', '.', '#', '$' or '(' next to
it), a command (:name) or option (--name), a metavariable (FILE), a
%-directive, or one of the few tokens every language writes the same
(NEUTRAL). The first argument of palette.paint is a style, not text. The
export formats other than the page (EXPORT_FORMATS) are files in a
language of their own, the same whatever the explorer's language.
Run: python3 untranslated.py ROOT  (prints one line per finding, exit 1 if any)"""
import os
import re
import sys

# the C shell's messages that cannot come from the catalogue: printed
# before the explorer exists, or Lua's own words (as lua.c writes them)
C_BEFORE_THE_EXPLORER = {
    "%s: cannot create state: not enough memory\\n",   # no Lua state yet
    "interrupted!",                                     # Lua's error, lua.c's words
    "(error object is a %s value)",                     # lua.c's words
    "the explorer did not load: %s has no %s",          # the explorer is missing
    "(error)",                                          # no message at all
    "no embedded module '%s'",                          # a searcher's, as Lua's own
}

# the files that write an export format other than the page: JSON keys,
# DOT and Mermaid syntax, and C++'s words, the same in every language
EXPORT_FORMATS = {
    "explorer/export/chrome.lua",
    "explorer/export/dot.lua",
    "explorer/export/mermaid.lua",
    "explorer/export/record.lua",
}

# what the shell gives Lua that is no text for people: commands and code
C_NOT_TEXT = {"tour", "predict %s", "return %s"}

# tokens that are the same in every language: syntax, names, C++'s handle
NEUTRAL = {"if", "on", "off", "nil", "true", "false", "main", "corolab", "Lua", "coro",
           "handle"}

LUA_CALLS = re.compile(
    r"^(print|io\.write|write|palette\.fail|palette\.paint|palette\.fold|host\.prompt|"
    r"host\.read|string\.format|format|error)$")
PATTERNS = re.compile(r"^(gsub|match|gmatch|find)$")     # their first argument is a pattern
C_CALLS = re.compile(r"\b(fputs|fprintf|printf|puts|luaL_error|lua_pushfstring|"
                     r"lua_pushliteral)\s*\(")

WORD = re.compile(r"[A-Za-z]{2,}")
DIRECTIVE = re.compile(r"%(\d+\$)?[-+ #0]*\d*(\.\d+)?[a-zA-Z]")


def words(literal):
    """the words of a literal's text: runs of ASCII letters that are no
    identifier, command, directive or escape"""
    text = DIRECTIVE.sub(" ", literal)
    text = re.sub(r"\\[ntr]|</?[a-z]+|\b[a-z]+=", " ", text)     # escapes, HTML tags, attributes
    found = []
    for m in re.finditer(r"[A-Za-z0-9_:.#$()\[\]~'-]+", text):
        token = m.group(0)
        if re.search(r"[_#$]|::|\w\(|\.\w|^:|^-", token):   # an identifier, a command
            continue
        if token.isupper():                                   # a metavariable
            continue
        for w in WORD.findall(token):
            if w not in NEUTRAL:
                found.append(w)
    return found


def lua_tokens(src):
    """(kind, text, line) for a Lua chunk: kind is 'str', 'name', 'op'"""
    i, line, out = 0, 1, []
    long_bracket = re.compile(r"\[(=*)\[")
    while i < len(src):
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif src.startswith("--", i):
            m = long_bracket.match(src, i + 2)
            if m:
                end = src.index("]" + m.group(1) + "]", m.end())
                line += src.count("\n", i, end)
                i = end + len(m.group(1)) + 2
            else:
                j = src.find("\n", i)
                i = len(src) if j < 0 else j
        elif c in "\"'":
            j, text = i + 1, []
            while src[j] != c:
                if src[j] == "\\":
                    text.append(src[j:j + 2])
                    j += 2
                else:
                    text.append(src[j])
                    j += 1
            out.append(("str", "".join(text), line))
            i = j + 1
        elif long_bracket.match(src, i):
            m = long_bracket.match(src, i)
            end = src.index("]" + m.group(1) + "]", m.end())
            out.append(("str", src[m.end():end], line))
            line += src.count("\n", i, end)
            i = end + len(m.group(1)) + 2
        elif c.isalpha() or c == "_":
            m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*").match(src, i)
            out.append(("name", m.group(0), line))
            i = m.end()
        elif src.startswith("..", i) and not src.startswith("...", i):
            out.append(("op", "..", line))
            i += 2
        else:
            out.append(("op", c, line))
            i += 1
    return out


def scan_lua(path, src):
    """the printed literals of a Lua file that hold words: (line, literal, words)"""
    tokens = lua_tokens(src)
    findings = []
    stack = []                   # the open calls: [name, argument index]
    for k, (kind, text, line) in enumerate(tokens):
        if kind == "op" and text == "(":
            prev = tokens[k - 1] if k else ("op", "", 0)
            name = prev[1] if prev[0] == "name" else ""
            if k >= 2 and tokens[k - 2][1] == ":":          # a method: obj:write(
                name = name.split(".")[-1]
            stack.append([name, 1])
        elif kind == "op" and text == ")" and stack:
            stack.pop()
        elif kind == "op" and text == "," and stack:
            stack[-1][1] += 1
        elif kind == "str":
            call, nth = stack[-1] if stack else ("", 0)
            near = [tokens[j][1] for j in (k - 1, k + 1) if 0 <= j < len(tokens)]
            if PATTERNS.match(call.split(".")[-1]) and nth == 1:
                continue                                     # a pattern
            if call == "palette.paint" and nth == 1 or call == "load":
                continue                                     # a style, Lua code
            if LUA_CALLS.match(call) or ".." in near:
                w = words(text)
                if w:
                    findings.append((line, text, w))
    return findings


def scan_c(path, src):
    findings = []
    for m in C_CALLS.finditer(src):
        depth, j = 1, m.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(src[j], 0)
            j += 1
        for lit in re.finditer(r'"((?:[^"\\]|\\.)*)"', src[m.end():j]):
            text = lit.group(1)
            if text in C_BEFORE_THE_EXPLORER or text in C_NOT_TEXT:
                continue
            w = words(text)
            if w:
                findings.append((src.count("\n", 0, m.start()) + 1, text, w))
    return findings


def scan(root):
    """every finding under explorer/ and shell/: (path, line, literal, words)"""
    out = []
    for folder, scanner, ext in (("explorer", scan_lua, ".lua"), ("shell", scan_c, ".c")):
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in sorted(files):
                path = os.path.relpath(os.path.join(dirpath, name), root)
                if not name.endswith(ext) or path in EXPORT_FORMATS:
                    continue
                if path.startswith("explorer/text/") and name in ("en.lua", "tr.lua", "zh.lua"):
                    continue                                 # the catalogues themselves
                with open(os.path.join(root, path), encoding="utf-8") as f:
                    for line, text, w in scanner(path, f.read()):
                        out.append((path, line, text, w))
    return out


def main():
    findings = scan(sys.argv[1])
    for path, line, text, w in findings:
        print("%s:%d: printed words outside the catalogues %s: %r" % (path, line, w, text))
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
