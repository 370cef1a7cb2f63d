-- corolab-0.1.0-1.rockspec — LuaRocks: `luarocks make` in a checkout builds
-- corolab with CMake, against the Lua LuaRocks builds for (its headers and
-- library), and installs the module coro, coro.lib.generator, coro.lib.task
-- and the corolab explorer into the rocks tree. The source is the checkout
-- itself (corolab has no published repository or release tag yet)
rockspec_format = "3.0"
package = "corolab"
version = "0.1.0-1"
source = {
  url = ".",
}
description = {
  summary = "The C++20 coroutine machinery as a C runtime, scriptable from Lua",
  detailed = [[
coro is C++20's coroutine machinery (frames, promise objects, coroutine
handles, awaiters, symmetric transfer) with C++'s names and exact
semantics, from Lua; corolab is an explorer that steps coroutines one
lifecycle event at a time.]],
  license = "MIT",
}
dependencies = { "lua >= 5.4, < 5.5" }
external_dependencies = {
  READLINE = { header = "readline/readline.h" },
}
build = {
  type = "cmake",
  variables = {
    CMAKE_BUILD_TYPE = "Release",
    CMAKE_INSTALL_PREFIX = "$(PREFIX)",
    CMAKE_INSTALL_LIBDIR = "clib",     -- the C library and its package files,
    COROLAB_TESTS = "OFF",             -- kept out of the Lua module folders
    COROLAB_LUA_CMOD_DIR = "$(LIBDIR)",
    COROLAB_LUA_LMOD_DIR = "$(LUADIR)",
    LUA_INCLUDE_DIR = "$(LUA_INCDIR)",  -- LuaRocks' Lua; its library is
    CMAKE_PREFIX_PATH = "$(LUA_DIR)",   -- looked for under its prefix
  },
}
