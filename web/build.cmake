# build.cmake — builds the page, BINARY_DIR/corolab.html: the project
# configured again by emscripten's CMake toolchain (emcmake) in BINARY_DIR,
# given NATIVE, a corolab built for this machine, whose runs of the lessons
# the page's self-test compares with. ./dev web and tests/web build with it:
#   cmake -DSOURCE_DIR=. -DBINARY_DIR=build-web -DNATIVE=build/shell/corolab
#         [-DLUA_SRC=DIR] -P web/build.cmake
# (LUA_SRC, else $COROLAB_LUA_SRC: Lua's sources, as web/lua.cmake takes them)
foreach(var SOURCE_DIR BINARY_DIR NATIVE)
  if(NOT ${var})
    message(FATAL_ERROR "web/build.cmake: give -D${var}=...")
  endif()
endforeach()
find_program(EMCMAKE emcmake)
if(NOT EMCMAKE)
  message(FATAL_ERROR "emscripten's emcmake is not on PATH: install emscripten "
                      "(./dev web installs Debian's)")
endif()
set(options -DCMAKE_BUILD_TYPE=Release -DCOROLAB_NATIVE=${NATIVE} -Wno-dev)
if(NOT LUA_SRC)
  set(LUA_SRC "$ENV{COROLAB_LUA_SRC}")
endif()
if(LUA_SRC)
  list(APPEND options -DCOROLAB_LUA_SRC=${LUA_SRC})
endif()
execute_process(COMMAND ${EMCMAKE} ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} ${options}
                RESULT_VARIABLE failed OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(failed)
  message(FATAL_ERROR "configuring the page in ${BINARY_DIR} failed:\n${out}")
endif()
cmake_host_system_information(RESULT jobs QUERY NUMBER_OF_LOGICAL_CORES)
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} -j ${jobs} --target corolab_page
                RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "building the page in ${BINARY_DIR} failed")
endif()
message(STATUS "the page: ${BINARY_DIR}/corolab.html")
