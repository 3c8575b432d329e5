# read_lines(PATH OUT): the lines of a file as a CMake list, empty ones included, for the
# script-mode checks under tests/ (layering, scaffold placeholders). ';', '[', ']' and '\' are
# dropped first: CMake lists split on ';' and not inside brackets. Neither include paths nor the
# scaffold marker use them.
function(read_lines path out)
  file(READ "${path}" text)
  foreach(c ";" "[" "]" "\\")
    string(REPLACE "${c}" "" text "${text}")
  endforeach()
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
