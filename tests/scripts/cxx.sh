#!/bin/sh
# cxx.sh CMAKE LESSON.lua — the lesson's C++20 program (its --[==[c++ block)
# compiles with g++, ends with status 0 and prints what the Lua prints
# (LESSON.out), checked by ../run_test.cmake; and the lesson has a take-away
# in each language and a title in Turkish and Chinese.
# Lines that C++ cannot print are exempt only where the lesson's
# --[==[c++ exempt block names them, one a line: "PREFIX" REASON, where
# PREFIX starts the exempt lines of LESSON.out and REASON says why (a
# compile error, undefined behaviour, ...). Each exempt line is printed with
# its reason; a prefix that starts no line is an error.
# A lesson on what C++ refuses has a --[==[c++ ill-formed block: g++ must
# refuse it, and each line "CASE: g++: WORDS" of LESSON.out must be what
# g++ says (LC_ALL=C) at a line of that block marked "// CASE".
# A --[==[c++ builds block claims what other builds print, one a line:
# "COMPILER FLAGS: LINE" (tabs as spaces); each is built and run, and must
# print LINE (a compiler that is not installed is skipped, saying so).
set -eu
cmake=$1 lesson=$2
here=$(cd "$(dirname "$0")" && pwd)
name=lesson_$(basename "${lesson%.lua}")_cxx
expected=$PWD/$name.expected   # LESSON.out without its exempt lines
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
block() {   # the lines between --[==[NAME and ]==]
  awk -v name="--[==[$1" '$0 == name { on = 1; next } on && $0 == "]==]" { exit } on' "$lesson"
}
block "c++" >"$tmp/lesson.cpp"
test -s "$tmp/lesson.cpp" || { echo "no c++ block in $lesson" >&2; exit 1; }
for lang in en tr zh; do
  test -n "$(block "takeaway $lang")" || { echo "no takeaway $lang in $lesson" >&2; exit 1; }
done
for lang in tr zh; do
  test -n "$(block "title $lang")" || { echo "no title $lang in $lesson" >&2; exit 1; }
done
g++ -std=c++20 -Wall -Wextra -Werror -o "$tmp/lesson" "$tmp/lesson.cpp"
block "c++ ill-formed" >"$tmp/ill.cpp"
if test -s "$tmp/ill.cpp"; then
  if LC_ALL=C g++ -std=c++20 -fsyntax-only "$tmp/ill.cpp" >"$tmp/ill.txt" 2>&1; then
    echo "g++ compiled the c++ ill-formed block of $lesson" >&2; exit 1
  fi
  awk '
    FILENAME == ARGV[1] { code[FNR] = $0; next }      # the ill-formed block
    FILENAME == ARGV[2] {                             # what g++ said
      at = index($0, ": error: ")
      if (at) { split($0, f, ":"); n++; line[n] = f[2]; said[n] = substr($0, at + 9) }
      next
    }
    index($0, ": g++: ") {                            # LESSON.out: CASE: g++: WORDS
      at = index($0, ": g++: "); name = substr($0, 1, at - 1); words = substr($0, at + 7)
      cases++; found = 0
      for (i = 1; i <= n; i++)
        if (said[i] == words && index(code[line[i]], "// " name)) found = 1
      if (!found) {
        printf "g++ does not say \"%s\" at a line marked \"// %s\":\n", words, name >"/dev/stderr"
        bad = 1
      }
    }
    END {
      if (!cases) { print "no \"CASE: g++: WORDS\" line in the output" >"/dev/stderr"; bad = 1 }
      exit bad
    }' "$tmp/ill.cpp" "$tmp/ill.txt" "${lesson%.lua}.out" || { cat "$tmp/ill.txt" >&2; exit 1; }
fi
block "c++ exempt" >"$tmp/exempt"
awk '
  FILENAME == ARGV[1] {                         # the exempt block
    if ($0 !~ /^"[^"]+" ./) {
      printf "c++ exempt: not \"PREFIX\" REASON: %s\n", $0 >"/dev/stderr"; bad = 1; next
    }
    n++; prefix[n] = substr($0, 2, index(substr($0, 2), "\"") - 1)
    reason[n] = substr($0, length(prefix[n]) + 4); used[n] = 0
    next
  }
  {                                             # LESSON.out
    for (i = 1; i <= n; i++)
      if (index($0, prefix[i]) == 1) {
        printf "exempt from the g++ comparison: %s\n  because: %s\n", $0, reason[i] >"/dev/stderr"
        used[i] = 1; next
      }
    print
  }
  END {
    for (i = 1; i <= n; i++)
      if (!used[i]) {
        printf "c++ exempt: \"%s\" starts no line of the output\n", prefix[i] >"/dev/stderr"
        bad = 1
      }
    exit bad
  }' "$tmp/exempt" "${lesson%.lua}.out" >"$expected"
test -s "$expected" || { echo "every line of ${lesson%.lua}.out is exempt" >&2; exit 1; }
block "c++ builds" | while IFS= read -r claim; do
  build=${claim%%: *} line=${claim#*: }
  compiler=${build%% *} flags=${build#* }
  if ! command -v "$compiler" >/dev/null; then
    echo "c++ builds: $compiler not found, skipped: $claim" >&2; continue
  fi
  # shellcheck disable=SC2086
  "$compiler" -std=c++20 $flags -o "$tmp/built" "$tmp/lesson.cpp"
  "$tmp/built" | tr '\t' ' ' | grep -qxF -- "$line" || {
    echo "c++ builds: $build does not print \"$line\":" >&2; "$tmp/built" >&2; exit 1; }
  echo "c++ builds: $build prints \"$line\"" >&2
done
"$cmake" -Dname="$name" -Dexpected="$expected" -P "$here/../run_test.cmake" -- "$tmp/lesson"
