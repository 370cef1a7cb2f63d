#!/bin/sh
# run.sh BUILD SOURCE VERSION — installs the build into a temporary prefix,
# then uses it as each kind of user would: a C program found through
# find_package and one through pkg-config (both core/examples/fib.c, both
# must print its expected output), the installed corolab, and a stock
# lua5.4 requiring coro and coro.lib.task from the prefix; the one version
# must show everywhere, cl_version() too. The ABI promise (README,
# "Install"): the SONAME is libcorolab.so.MAJOR.MINOR while MAJOR is 0, and
# the CMake package refuses another 0.y. Prints "install: ok".
set -eu
build=$1 src=$2 version=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log"
pc=$(find "$prefix" -name corolab.pc)
libdir=$(dirname "$(dirname "$pc")")
expected=$src/core/examples/fib.expected

major=${version%%.*} minor=${version#*.}; minor=${minor%%.*}
cmake -S "$src/tests/install/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DFIB="$src/core/examples/fib.c" -DVERSION="$major.$minor" >"$tmp/configure.log"
cmake --build "$tmp/consumer" >"$tmp/build.log"
LD_LIBRARY_PATH=$libdir "$tmp/consumer/fib" >"$tmp/fib.out"    # its own status, then its output
diff -u "$expected" "$tmp/fib.out"
test "$(LD_LIBRARY_PATH=$libdir "$tmp/consumer/version")" = "corolab $version"
if [ "$major" = 0 ]; then
  soname=libcorolab.so.$major.$minor
  if cmake -S "$src/tests/install/consumer" -B "$tmp/other" -DCMAKE_PREFIX_PATH="$prefix" \
       -DFIB="$src/core/examples/fib.c" -DVERSION="$major.$((minor + 1))" >"$tmp/other.log" 2>&1
  then echo "find_package(corolab $major.$((minor + 1))) took corolab $version"; exit 1; fi
else
  soname=libcorolab.so.$major
fi
readelf -d "$libdir/libcorolab.so" | grep -q "Library soname: \[$soname\]" ||
  { echo "the SONAME is not $soname:"; readelf -d "$libdir/libcorolab.so" | grep SONAME; exit 1; }

export PKG_CONFIG_PATH="$(dirname "$pc")"
test "$(pkg-config --modversion corolab)" = "$version"
# shellcheck disable=SC2046
cc -std=c11 -o "$tmp/fib-pc" "$src/core/examples/fib.c" $(pkg-config --cflags --libs corolab)
LD_LIBRARY_PATH=$libdir "$tmp/fib-pc" >"$tmp/fib-pc.out"
diff -u "$expected" "$tmp/fib-pc.out"

test "$("$prefix/bin/corolab" -v | cut -d' ' -f1-2)" = "corolab $version"
test "$("$prefix/bin/corolab" -e 'io.write(coro._VERSION)')" = "corolab $version"
got=$(LUA_CPATH="$prefix/lib/lua/5.4/?.so" LUA_PATH="$prefix/share/lua/5.4/?.lua" \
  lua5.4 -e 'local coro = require "coro"; local Task = require "coro.lib.task"
             local t = coro.coroutine(Task, function() coro.co_return(7) end)()
             io.write(coro._VERSION, " ", t:run())')
test "$got" = "corolab $version 7"
test -f "$prefix/share/man/man1/corolab.1"
test -f "$prefix/share/corolab/lessons/03-task.lua"
echo "install: ok"
