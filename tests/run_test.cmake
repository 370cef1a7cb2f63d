# run_test.cmake — run one program and check both what it printed and how
# it ended: a test passes only if the output is right AND the exit status
# is the one expected (a program that prints the right lines and then
# crashes fails). corolab_run_test (tests/CMakeLists.txt) writes the call:
#
#   cmake -Dname=NAME [-Dexpected=FILE] [-Dmatches=REGEX] [-Dstatus=N|abort]
#         [-Dstderr=ON] [-Dworking_directory=DIR]
#         -P run_test.cmake -- PROGRAM [ARGS...]
#
# expected: the output must equal FILE; matches: it must match REGEX;
# status: the exit status (default 0), or "abort" (killed by SIGABRT);
# stderr: the output checked is stdout and stderr together (2>&1), else
# stderr is passed through; working_directory: where PROGRAM runs. The
# output is kept in NAME.output, in the directory cmake runs in.
cmake_minimum_required(VERSION 3.18)

set(cmd "")
set(after_dashes FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(after_dashes)
    list(APPEND cmd "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(after_dashes TRUE)
  endif()
endforeach()
if(NOT name OR NOT cmd)
  message(FATAL_ERROR "usage: cmake -Dname=NAME [-Dexpected=FILE] [-Dmatches=REGEX] "
          "[-Dstatus=N|abort] [-Dstderr=ON] [-Dworking_directory=DIR] "
          "-P run_test.cmake -- PROGRAM [ARGS...]")
endif()
if(NOT DEFINED status OR status STREQUAL "")
  set(status 0)
endif()
if(NOT working_directory)
  set(working_directory ${CMAKE_CURRENT_BINARY_DIR})
endif()

if(stderr)
  execute_process(COMMAND ${cmd} WORKING_DIRECTORY ${working_directory}
                  RESULT_VARIABLE got OUTPUT_VARIABLE out ERROR_VARIABLE out)
else()
  execute_process(COMMAND ${cmd} WORKING_DIRECTORY ${working_directory}
                  RESULT_VARIABLE got OUTPUT_VARIABLE out)
endif()
set(output ${CMAKE_CURRENT_BINARY_DIR}/${name}.output)
file(WRITE ${output} "${out}")

set(failures "")
# execute_process reports a death by SIGABRT as "Subprocess aborted"
if(status STREQUAL "abort")
  if(NOT got MATCHES "aborted$")
    list(APPEND failures "exit status: got '${got}', want an abort (SIGABRT)")
  endif()
elseif(NOT got STREQUAL status)
  list(APPEND failures "exit status: got '${got}', want ${status}")
endif()
if(DEFINED matches AND NOT out MATCHES "${matches}")
  list(APPEND failures "the output does not match the regular expression '${matches}'")
endif()
if(expected)
  file(READ ${expected} want)
  if(NOT out STREQUAL want)
    execute_process(COMMAND diff -u ${expected} ${output})
    list(APPEND failures "the output differs from ${expected} (diff above)")
  endif()
endif()

if(failures)
  if(NOT expected)
    message("${out}")
  endif()
  string(REPLACE ";" "\n  " failures "${failures}")
  message(FATAL_ERROR "${name} failed (output in ${output}):\n  ${failures}")
endif()
