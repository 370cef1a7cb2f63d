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
"$cmake" -Dname="$name" -Dexpected="$expected" -P "$here/../run_test.cmake" -- "$tmp/lesson"
