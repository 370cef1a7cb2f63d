#!/bin/sh
# clang.sh — the clang++ 14 side of tests/cpp (CMakeLists.txt runs it).
#   clang.sh mirror LUAHOST NAME: NAME.lua, run with coro.order = "clang"
#     (clang_order.lua), prints what clang++ printed (NAME.clang.expected,
#     or NAME.expected where clang++ agrees with g++), but for the lines
#     NAME.clang.deviations names: clang 14 behaviours that are no choice
#     C++ leaves open, which corolab does not follow. That file is "# "
#     lines saying why, then the exact `diff` of clang++'s output and the
#     mirror's; the test fails if the differences change either way.
#   clang.sh list DIR: for every DIR/NAME.clang.expected, the lines where
#     clang++ and g++ (NAME.expected) differ; an expectation that does not
#     differ is an error (the g++ one serves).
set -eu
case $1 in
mirror)
  host=$2 name=$3
  want=$name.clang.expected
  [ -f "$want" ] || want=$name.expected
  got=$(mktemp)
  trap 'rm -f "$got" "$got.diff" "$got.want"' EXIT
  status=0
  "$host" -W clang_order.lua "$name.lua" >"$got" 2>&1 || status=$?
  [ "$status" -eq 0 ] || { cat "$got"; echo "$name.lua with coro.order = \"clang\" ended with status $status"; exit 1; }
  diff "$want" "$got" >"$got.diff" || true
  if [ -f "$name.clang.deviations" ]; then
    grep -v '^# ' "$name.clang.deviations" >"$got.want" || true
    sed -n 's/^# //p' "$name.clang.deviations"
  else
    : >"$got.want"
  fi
  if ! cmp -s "$got.want" "$got.diff"; then
    echo "$name.lua with coro.order = \"clang\" against $want: the differences"
    cat "$got.diff"
    echo "but $name.clang.deviations allows:"
    cat "$got.want"
    exit 1
  fi
  cat "$got.diff" ;;
list)
  dir=$2 failed=0
  for want in "$dir"/*.clang.expected; do
    [ -f "$want" ] || continue
    gxx=${want%.clang.expected}.expected
    echo "== ${gxx#"$dir"/}: g++ (<) and clang++ (>)"
    if diff "$gxx" "$want"; then
      echo "   no difference: remove $want (the g++ expectation serves)"; failed=1
    fi
  done
  exit $failed ;;
*)
  echo "usage: clang.sh mirror LUAHOST NAME | clang.sh list DIR" >&2; exit 2 ;;
esac
