# lua.cmake — Lua 5.4 for the page, built from its unmodified release
# sources, which this repository does not copy. They come from
# COROLAB_LUA_SRC when given; else from ../shared/lua-5.4.8 beside the
# checkout (as CI has them); else from Debian's source package of lua5.4
# (apt-get source, which needs a deb-src line: ./dev web adds one). The
# library, lua_release, is what corolab::lua carries here (a native build's
# pkg-config lua5.4), and LUA_INCLUDE_DIRS its headers.
set(COROLAB_LUA_SRC "" CACHE PATH
    "Lua 5.4 release sources for the page: a folder with lua.h, or with src/lua.h")

# the folder of dir that holds lua.h (dir or dir/src), in var; empty: none
function(lua_sources_in dir var)
  set(${var} "" PARENT_SCOPE)
  foreach(d ${dir} ${dir}/src)
    if(EXISTS ${d}/lua.h AND EXISTS ${d}/lapi.c)
      set(${var} ${d} PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()

# Debian's lua5.4 sources, fetched once into the build tree
function(debian_lua_sources var)
  set(debian ${CMAKE_BINARY_DIR}/lua5.4-debian)
  file(GLOB orig ${debian}/lua5.4_*.orig.tar.*)
  if(NOT orig)
    file(MAKE_DIRECTORY ${debian})
    message(STATUS "Fetching Lua's sources: apt-get source --download-only lua5.4")
    execute_process(COMMAND apt-get source --download-only lua5.4
                    WORKING_DIRECTORY ${debian} RESULT_VARIABLE failed
                    OUTPUT_QUIET ERROR_VARIABLE why)
    file(GLOB orig ${debian}/lua5.4_*.orig.tar.*)
    if(failed OR NOT orig)
      message(FATAL_ERROR "No Lua 5.4 sources for the page. Give -DCOROLAB_LUA_SRC=DIR "
        "(a Lua 5.4 release's sources), put them in ${PROJECT_SOURCE_DIR}/../shared/lua-5.4.8, "
        "or let apt-get fetch Debian's: that needs a deb-src line for Debian 12 in "
        "/etc/apt/sources.list.d (./dev web adds one). apt-get said: ${why}")
    endif()
  endif()
  list(GET orig 0 orig)
  if(NOT EXISTS ${debian}/src)
    file(ARCHIVE_EXTRACT INPUT ${orig} DESTINATION ${debian}/src)
  endif()
  file(GLOB unpacked LIST_DIRECTORIES true ${debian}/src/*)
  lua_sources_in("${unpacked}" found)
  set(${var} ${found} PARENT_SCOPE)
endfunction()

if(COROLAB_LUA_SRC)
  lua_sources_in(${COROLAB_LUA_SRC} lua_dir)
  if(NOT lua_dir)
    message(FATAL_ERROR "COROLAB_LUA_SRC=${COROLAB_LUA_SRC}: no Lua sources there "
                        "(lua.h and lapi.c, in it or in its src/)")
  endif()
else()
  lua_sources_in(${PROJECT_SOURCE_DIR}/../shared/lua-5.4.8 lua_dir)
  if(NOT lua_dir)
    debian_lua_sources(lua_dir)
  endif()
endif()
file(STRINGS ${lua_dir}/lua.h release REGEX "define LUA_VERSION_(MAJOR|MINOR)[ \t]+\"")
if(NOT release MATCHES "\"5\".*\"4\"")
  message(FATAL_ERROR "${lua_dir}: not the sources of Lua 5.4 (${release})")
endif()
message(STATUS "Lua for the page: ${lua_dir}")

# Lua's errors and yields are longjmps (ldo.c): with WebAssembly's own
# exceptions they cost a third of emscripten's emulation in JavaScript
# (Chromium); every object of the page and its link must agree on it
add_compile_options(-sSUPPORT_LONGJMP=wasm)
add_link_options(-sSUPPORT_LONGJMP=wasm)

file(GLOB lua_sources ${lua_dir}/l*.c)
list(FILTER lua_sources EXCLUDE REGEX "/(lua|luac|ltests)\\.c$")
add_library(lua_release STATIC ${lua_sources})
target_include_directories(lua_release PUBLIC ${lua_dir})
target_compile_definitions(lua_release PUBLIC LUA_USE_POSIX)
target_compile_options(lua_release PRIVATE -w)            # upstream code, as it is
set_target_properties(lua_release PROPERTIES C_STANDARD 99)
target_link_libraries(corolab_lua INTERFACE lua_release)
set(LUA_INCLUDE_DIRS ${lua_dir})                           # as pkg-config's
