# Self-test of check_layering.cmake: a small tree that follows the order passes; the same tree
# with planted violations (a lower stage including a higher one, the CLI including a private
# header, a folder missing from the table) fails and names each.
#
#   cmake -DSCRIPT=check_layering.cmake -DWORK=<scratch dir> -P plant_test.cmake

cmake_minimum_required(VERSION 3.22)

function(write path text)
  file(WRITE "${WORK}/${path}" "// planted\n${text}\n")
endfunction()

function(check expect_ok)
  execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${WORK} -P ${SCRIPT}
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
  set(out "${out}" PARENT_SCOPE)
  if(expect_ok AND NOT code EQUAL 0)
    message(FATAL_ERROR "a tree in order was rejected:\n${out}")
  elseif(NOT expect_ok AND code EQUAL 0)
    message(FATAL_ERROR "planted violations were not detected:\n${out}")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK}")
write(lib/src/util/strings.h "#include <string>\n#include \"absl/strings/str_cat.h\"")
write(lib/src/json/document.h "#include \"util/strings.h\"\n#include \"armlint/armlint.hpp\"")
write(lib/src/rules/condition.h "#include \"json/document.h\"\n#include \"util/strings.h\"")
write(lib/src/api/engine.cc "#include \"rules/condition.h\"")
write(cli/main.cc "#include \"armlint/armlint.hpp\"\n#include \"cli/commands.h\"")
check(TRUE)

write(lib/src/json/value.h "#include \"util/strings.h\"\n  #  include \"rules/condition.h\"")
write(cli/commands.cc "#include \"cli/commands.h\"\n#include \"json/document.h\"")
write(lib/src/expr/lexer.h "#include \"util/strings.h\"")
check(FALSE)
foreach(expected
    "lib/src/json/value.h:3: json includes \"rules/condition.h\", a higher stage"
    "cli/commands.cc:3: cli includes \"json/document.h\""
    "lib/src/expr/: not a stage of the layer table"
    "layering: 3 violation")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing from the output: ${expected}\noutput:\n${out}")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
message("plant_test: the planted violations were reported")
