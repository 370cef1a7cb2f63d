# run_test_fails.cmake — runs run_test.cmake on liar (liar.c) in each way it
# can end, and requires the verdict each deserves: the right text and a
# crash or a wrong exit status fail, naming the exit status, not the text;
# the same run with that end declared passes (so the failures come from the
# status alone). Usage: cmake -Dliar=EXE -Dexpected=liar.expected
# -Drun_test=run_test.cmake -P run_test_fails.cmake
cmake_minimum_required(VERSION 3.18)

set(wrong "")
# expect_verdict(NAME PASS|FAIL SAYING END how DEFINES -D...): run_test.cmake
# with those -D options on liar ending as END says; a FAIL must say SAYING
function(expect_verdict name verdict saying)
  cmake_parse_arguments(PARSE_ARGV 3 arg "" "END" "DEFINES")
  execute_process(COMMAND ${CMAKE_COMMAND} -Dname=harness_${name} ${arg_DEFINES}
                          -P ${run_test} -- ${liar} ${arg_END}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(verdict STREQUAL "PASS" AND NOT rc EQUAL 0)
    set(problem "failed, but should pass")
  elseif(verdict STREQUAL "FAIL" AND rc EQUAL 0)
    set(problem "passed, but should fail")
  elseif(verdict STREQUAL "FAIL" AND NOT out MATCHES "${saying}")
    set(problem "failed without saying '${saying}'")
  else()
    message("ok: ${name}: ${verdict}, as it should")
    return()
  endif()
  message("${out}")
  set(wrong "${wrong}\n  ${name}: ${problem}" PARENT_SCOPE)
endfunction()

expect_verdict(text_then_abort FAIL "exit status: got '[A-Za-z ]*aborted', want 0"
               END abort DEFINES -Dexpected=${expected})
expect_verdict(text_then_abort_expected PASS ""
               END abort DEFINES -Dexpected=${expected} -Dstatus=abort)
expect_verdict(regex_then_exit_3 FAIL "exit status: got '3', want 0"
               END 3 DEFINES "-Dmatches=all [0-9] checks passed")
expect_verdict(regex_then_exit_3_expected PASS ""
               END 3 DEFINES "-Dmatches=all [0-9] checks passed" -Dstatus=3)
expect_verdict(regex_then_exit_0_abort_expected FAIL "exit status: got '0', want an abort"
               END 0 DEFINES "-Dmatches=all [0-9] checks passed" -Dstatus=abort)
expect_verdict(text_then_exit_0 PASS ""
               END 0 DEFINES -Dexpected=${expected})
expect_verdict(wrong_text FAIL "does not match the regular expression"
               END 0 DEFINES "-Dmatches=all 4 checks passed")

if(wrong)
  message(FATAL_ERROR "run_test.cmake gave the wrong verdict:${wrong}")
endif()
