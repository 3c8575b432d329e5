# The pipeline's include order (DESIGN.md, CONTRIBUTING.md): a stage of lib/src/ includes only
# itself, the stages its row below names, the public headers (armlint/) and third-party headers;
# cli/ includes only the public headers and itself. Every #include "..." in lib/src/ and cli/ is
# checked against this one table. A folder of lib/src/ missing from the table is an error too, so
# a new stage must be placed in the order before it can land.
#
#   cmake -DROOT=<source dir> -P tests/layering/check_layering.cmake
#
# Prints one line per violation (file:line: what it includes and what the stage may include)
# and fails; prints a summary and succeeds otherwise.

cmake_minimum_required(VERSION 3.22)

# Stage: the stages it may include, lowest first. Order: util < json < knowledge < manifest < arm
# < resources < rules < findings < report < api; policy sits beside rules and feeds it (it compiles
# Azure Policy definitions into rules' condition trees, so it may include rules, not the reverse).
set(ARMLINT_LAYERS
  "util:"
  "json: util"
  "knowledge: util json"
  "manifest: util json knowledge"
  "arm: util json knowledge manifest"
  "resources: util json knowledge manifest arm"
  "rules: util json knowledge manifest arm resources"
  "policy: util json knowledge manifest arm resources rules"
  "findings: util json knowledge manifest arm resources rules policy"
  "report: util json knowledge manifest arm resources rules policy findings"
  "api: util json knowledge manifest arm resources rules policy findings report"
  "cli:")
# Include roots that are not armlint's own: allowed everywhere.
set(ARMLINT_THIRD_PARTY absl re2 boost gtest gmock benchmark CLI)

include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/read_lines.cmake")

if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -P check_layering.cmake")
endif()

set(stages "")
foreach(row IN LISTS ARMLINT_LAYERS)
  string(REGEX MATCH "^([a-z_]+):(.*)$" _ "${row}")
  set(stage "${CMAKE_MATCH_1}")
  string(STRIP "${CMAKE_MATCH_2}" below)
  separate_arguments(below UNIX_COMMAND "${below}")
  list(APPEND stages ${stage})
  set(allowed_${stage} ${stage} ${below})
endforeach()

set(violations 0)
set(checked 0)
file(GLOB stage_dirs LIST_DIRECTORIES true RELATIVE "${ROOT}/lib/src" "${ROOT}/lib/src/*")
foreach(dir IN LISTS stage_dirs)
  if(IS_DIRECTORY "${ROOT}/lib/src/${dir}" AND NOT dir IN_LIST stages)
    message("lib/src/${dir}/: not a stage of the layer table in tests/layering/check_layering.cmake "
            "(add a row for it where it belongs in the pipeline)")
    math(EXPR violations "${violations} + 1")
  endif()
endforeach()

file(GLOB_RECURSE sources RELATIVE "${ROOT}"
     "${ROOT}/lib/src/*.cc" "${ROOT}/lib/src/*.h" "${ROOT}/cli/*.cc" "${ROOT}/cli/*.h")
list(SORT sources)
foreach(src IN LISTS sources)
  if(src MATCHES "^cli/")
    set(stage cli)
  else()
    string(REGEX MATCH "^lib/src/([^/]+)/" _ "${src}")
    set(stage "${CMAKE_MATCH_1}")
    if(NOT stage IN_LIST stages)
      continue()  # reported above (or a file directly in lib/src/)
    endif()
  endif()
  read_lines("${ROOT}/${src}" lines)
  set(line_no 0)
  foreach(line IN LISTS lines)
    math(EXPR line_no "${line_no} + 1")
    if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\"")
      continue()
    endif()
    set(header "${CMAKE_MATCH_1}")
    math(EXPR checked "${checked} + 1")
    string(REGEX MATCH "^[^/]+" root_dir "${header}")
    if(root_dir STREQUAL header)
      set(what "a header outside the stage folders")
    elseif(root_dir STREQUAL "armlint" OR root_dir IN_LIST ARMLINT_THIRD_PARTY)
      continue()
    elseif(root_dir IN_LIST allowed_${stage})
      continue()
    elseif(root_dir IN_LIST stages)
      set(what "a higher stage")
    else()
      set(what "an unknown folder")
    endif()
    list(JOIN allowed_${stage} " " may)
    if(stage STREQUAL "cli")
      set(may "cli, armlint/ (the public headers)")
    endif()
    message("${src}:${line_no}: ${stage} includes \"${header}\", ${what} "
            "(${stage} may include: ${may}; order in tests/layering/check_layering.cmake)")
    math(EXPR violations "${violations} + 1")
  endforeach()
endforeach()

list(LENGTH sources files)
if(violations GREATER 0)
  message(FATAL_ERROR "layering: ${violations} violation(s) in ${files} files")
endif()
message("layering: ${checked} includes in ${files} files follow the stage order")
