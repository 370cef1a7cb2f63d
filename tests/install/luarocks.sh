#!/bin/sh
# luarocks.sh SOURCE VERSION — plain `luarocks make` of the rockspec in a
# copy of the source tree (its .luarocks says Lua 5.4; the rockspec hands
# LuaRocks' Lua headers and library to CMake) into a temporary rocks tree,
# then coro and coro.lib.task required from that tree by a stock lua5.4,
# with the paths `luarocks --lua-version 5.4 --tree T path` gives outside
# the checkout (README, "Install"), and the explorer run from its bin; the
# rockspec's version must be the project's. Prints "luarocks: ok".
set -eu
src=$1 version=$2
rockspec=corolab-$version-1.rockspec
test -f "$src/$rockspec" || { echo "no $rockspec for version $version" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src"
tar --exclude='./build*' --exclude=./.git --exclude='./lua_modules/[!.]*' -C "$src" -cf - . |
  tar -C "$tmp/src" -xf -
cd "$tmp/src"                    # the checkout's .luarocks: Lua 5.4, no flags
luarocks make --tree "$tmp/tree" "$rockspec" >"$tmp/make.log" 2>&1 ||
  { cat "$tmp/make.log" >&2; exit 1; }
cd /                                # outside the checkout: say which Lua
eval "$(luarocks --lua-version 5.4 --tree "$tmp/tree" path)"
got=$(lua5.4 -e 'local coro = require "coro"; local Task = require "coro.lib.task"
                 local t = coro.coroutine(Task, function() coro.co_return(7) end)()
                 io.write(coro._VERSION, " ", t:run())')
test "$got" = "corolab $version 7"
test "$("$tmp/tree/bin/corolab" -e 'io.write(coro._VERSION)')" = "corolab $version"
echo "luarocks: ok"
