# Fails while a rule or fixture still holds the scaffold's TODO(new-rule) marker
# (scripts/new-rule.sh), naming each file:line, so that a half-written rule cannot land.
#
#   cmake -DROOT=<source dir> -P tests/scripts/check_placeholders.cmake

cmake_minimum_required(VERSION 3.22)

include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/read_lines.cmake")

if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -P check_placeholders.cmake")
endif()
file(GLOB_RECURSE files RELATIVE "${ROOT}" "${ROOT}/rules/*" "${ROOT}/tests/rules/*")
list(SORT files)
set(left 0)
foreach(f IN LISTS files)
  read_lines("${ROOT}/${f}" lines)
  set(line_no 0)
  foreach(line IN LISTS lines)
    math(EXPR line_no "${line_no} + 1")
    string(FIND "${line}" "TODO(new-rule)" at)
    if(NOT at EQUAL -1)
      message("${f}:${line_no}: scaffold placeholder left: ${line}")
      math(EXPR left "${left} + 1")
    endif()
  endforeach()
endforeach()
if(left GREATER 0)
  message(FATAL_ERROR "${left} TODO(new-rule) placeholder(s) left (CONTRIBUTING.md, \"Adding a rule\")")
endif()
list(LENGTH files count)
message("no scaffold placeholders in ${count} rule and fixture files")
