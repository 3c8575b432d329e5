# Install rules: the library, headers, CLI, docs, an exported CMake package (armlint::armlint)
# and a pkg-config file. Included from the top-level CMakeLists.txt.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ARMLINT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/armlint)
get_target_property(ARMLINT_LIBRARY_TYPE armlint TYPE)

# The installed CLI finds a shared libarmlint next door, wherever the tree is installed.
# A fully static CLI has no dynamic section to carry an RPATH.
if(NOT (ARMLINT_STATIC_CLI AND NOT ARMLINT_SANITIZE))
  set_target_properties(armlint_cli PROPERTIES INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
endif()

install(TARGETS armlint EXPORT armlintTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS armlint_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/lib/include/armlint/armlint.h
              ${PROJECT_SOURCE_DIR}/lib/include/armlint/armlint.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/armlint)

install(EXPORT armlintTargets NAMESPACE armlint:: DESTINATION ${ARMLINT_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/armlintConfig.cmake.in
  ${PROJECT_BINARY_DIR}/armlintConfig.cmake INSTALL_DESTINATION ${ARMLINT_CMAKE_DIR})
# 0.x: a minor version may change the API; from 1.0 on, SameMajorVersion.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/armlintConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/armlintConfig.cmake
              ${PROJECT_BINARY_DIR}/armlintConfigVersion.cmake
        DESTINATION ${ARMLINT_CMAKE_DIR})

# pkg-config: relocatable (prefix from the .pc file's own directory). With a static library
# the private dependencies go to Libs/Requires too, since there is no shared one to stand in.
file(RELATIVE_PATH ARMLINT_PC_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" ARMLINT_PC_PREFIX "${ARMLINT_PC_PREFIX}")
set(ARMLINT_PC_DEPS "re2 pugixml absl_strings absl_str_format absl_flat_hash_map absl_flat_hash_set absl_time")
set(ARMLINT_PC_LIBS "-lboost_json -lstdc++ -lm -pthread")
if(ARMLINT_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  set(ARMLINT_PC_REQUIRES "absl_status absl_statusor ${ARMLINT_PC_DEPS}")
  set(ARMLINT_PC_REQUIRES_PRIVATE "")
  set(ARMLINT_PC_LIBS_PUBLIC "-larmlint ${ARMLINT_PC_LIBS}")
  set(ARMLINT_PC_LIBS_PRIVATE "")
else()
  set(ARMLINT_PC_REQUIRES "absl_status absl_statusor")
  set(ARMLINT_PC_REQUIRES_PRIVATE "${ARMLINT_PC_DEPS}")
  set(ARMLINT_PC_LIBS_PUBLIC "-larmlint")
  set(ARMLINT_PC_LIBS_PRIVATE "${ARMLINT_PC_LIBS}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/armlint.pc.in ${PROJECT_BINARY_DIR}/armlint.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/armlint.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# Docs: the README, the rule reference, LICENSE, the third-party notices and the CLI's --help
# text (written at install time by the CLI just built, so it cannot drift from the program).
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/rules.md
              ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/THIRD-PARTY-NOTICES.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(CODE "
  set(_doc \"\$ENV{DESTDIR}${CMAKE_INSTALL_FULL_DOCDIR}\")
  if(NOT IS_ABSOLUTE \"${CMAKE_INSTALL_DOCDIR}\")
    set(_doc \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DOCDIR}\")
  endif()
  message(STATUS \"Installing: \${_doc}/armlint-help.txt\")
  execute_process(COMMAND \"$<TARGET_FILE:armlint_cli>\" --help
                  OUTPUT_FILE \"\${_doc}/armlint-help.txt\" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR \"armlint --help failed: \${_rc}\")
  endif()")
