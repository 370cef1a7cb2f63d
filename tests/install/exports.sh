#!/bin/sh
# exports.sh CC HEADER INCLUDE LIBCOROLAB CORO_SO — the libraries export
# their API and nothing else: libcorolab.so's dynamic symbols are exactly
# the functions and objects corolab.h declares (the compiler lists the
# functions: gcc -aux-info; the objects are its extern lines), and coro.so's
# are luaopen_coro alone. A leaked internal and a missing API symbol both
# fail, named. Prints "exports: ok".
set -eu
cc=$1 header=$2 include=$3 lib=$4 module=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '#include "corolab.h"\n' >"$tmp/api.c"
"$cc" -std=c11 -I"$(dirname "$header")" -I"$include" -fsyntax-only \
      -aux-info "$tmp/aux" "$tmp/api.c"
{
  grep "/corolab.h:[0-9]*:NC \*/ extern " "$tmp/aux" |
    sed -E 's/^.*[ *]([A-Za-z_][A-Za-z_0-9]*) \(.*$/\1/'
  grep -E '^([A-Z_]+ )?extern ' "$header" | grep -v '"C"' |
    sed -E 's/^([^;[]*[ *])([A-Za-z_][A-Za-z_0-9]*) *(\[[^]]*\])? *;.*$/\2/'
} | sort >"$tmp/declared"
test -s "$tmp/declared" || { echo "exports: no declaration found in $header"; exit 1; }

exported() { nm -D --defined-only "$1" | awk '{print $NF}' | sort; }
exported "$lib" >"$tmp/lib"
status=0
leaks=$(comm -13 "$tmp/declared" "$tmp/lib")
missing=$(comm -23 "$tmp/declared" "$tmp/lib")
if [ -n "$leaks" ]; then
  echo "exports: $(basename "$lib") exports what corolab.h does not declare" \
       "(an internal: mark it static, or keep it out of CL_API):" $leaks
  status=1
fi
if [ -n "$missing" ]; then
  echo "exports: $(basename "$lib") does not export what corolab.h declares" \
       "(CL_API missing, or never defined):" $missing
  status=1
fi
module_exports=$(exported "$module" | tr '\n' ' ')
if [ "$module_exports" != "luaopen_coro " ]; then
  echo "exports: $(basename "$module") must export luaopen_coro alone, exports:" \
       "$module_exports"
  status=1
fi
[ $status = 0 ] && echo "exports: ok ($(wc -l <"$tmp/declared") symbols)"
exit $status
