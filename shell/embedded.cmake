# embedded.cmake — corolab_embed(OUTPUT [NAME=CHUNK=PATH...]): the rule that
# writes OUTPUT, a C file (embed.cmake) holding what a face of corolab
# carries inside it: every file of explorer/, a Lua module named after its
# path (explorer/run/record.lua is explorer.run.record) or, for the page
# that plays a run, a resource named by its path; the plain-Lua generator
# and task (coro.lib.NAME; plain require "task" falls back to them), the
# lessons (lessons/NAME, for :lessons and :load) and the compare pairs
# (compare/NAME, for :diff and --diff by name; the programs they run, the
# module compare.programs), each chunk named after its file, as in
# tracebacks; then the face's own entries. The shell and
# the page (web/) both embed with it (modules.c reads the table).
function(corolab_embed output)
  set(root ${PROJECT_SOURCE_DIR})
  set(embedded)
  file(GLOB_RECURSE explorer_files RELATIVE ${root} CONFIGURE_DEPENDS
       ${root}/explorer/*.lua ${root}/explorer/*.html)
  foreach(path ${explorer_files})
    string(REGEX REPLACE "\\.lua$" "" name ${path})
    if(NOT name STREQUAL path)
      string(REPLACE "/" "." name ${name})
    endif()
    list(APPEND embedded ${name}=${path}=${path})
  endforeach()
  foreach(m generator task)
    list(APPEND embedded coro.lib.${m}=${m}.lua=scripts/lib/${m}.lua)
  endforeach()
  file(GLOB lesson_files RELATIVE ${root} CONFIGURE_DEPENDS ${root}/scripts/lessons/*.lua)
  foreach(path ${lesson_files})
    get_filename_component(name ${path} NAME_WE)
    list(APPEND embedded lessons/${name}=${name}.lua=${path})
  endforeach()
  file(GLOB compare_files RELATIVE ${root} CONFIGURE_DEPENDS ${root}/scripts/compare/*.lua)
  foreach(path ${compare_files})
    get_filename_component(name ${path} NAME_WE)
    if(name STREQUAL "programs")
      list(APPEND embedded compare.programs=programs.lua=${path})
    else()
      list(APPEND embedded compare/${name}=${name}.lua=${path})
    endif()
  endforeach()
  list(APPEND embedded ${ARGN})
  set(sources)
  foreach(entry ${embedded})
    string(REGEX REPLACE "^.*=" "" path ${entry})
    list(APPEND sources ${root}/${path})
  endforeach()
  string(REPLACE ";" "," names "${embedded}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DSOURCE_DIR=${root} -DMODULES=${names}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed.cmake
    DEPENDS ${sources} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed.cmake
    COMMENT "Embedding the explorer, the Lua libraries and the lessons" VERBATIM)
endfunction()
