-- corolab-0.1.0-1.rockspec — LuaRocks: `luarocks make` in a checkout builds
-- corolab with CMake and installs the module coro, coro.lib.generator,
-- coro.lib.task and the corolab explorer into the rocks tree
rockspec_format = "3.0"
package = "corolab"
version = "0.1.0-1"
source = {
  url = "git+https://github.com/corolab/corolab.git",
  tag = "v0.1.0",
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
  },
}
