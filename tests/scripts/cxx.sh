#!/bin/sh
# cxx.sh LESSON.lua — the lesson's C++20 program (its --[==[c++ block)
# compiles with g++ and prints what the Lua prints (LESSON.out), or what its
# --[==[c++ output block says where C++ cannot say the rest; and the lesson
# has a take-away in each language and a title in Turkish and Chinese.
# Prints "cxx: ok".
set -eu
lesson=$1
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
block "c++ output" >"$tmp/expected"
test -s "$tmp/expected" || cp "${lesson%.lua}.out" "$tmp/expected"
"$tmp/lesson" | diff -u "$tmp/expected" -
echo "cxx: ok"
