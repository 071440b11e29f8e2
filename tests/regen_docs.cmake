# docs/regels.md from the rule files (part of `cmake --build build -t regen`).
execute_process(COMMAND ${EXE} regels --markdown OUTPUT_FILE ${SOURCE_DIR}/docs/regels.md RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "wmotoets regels --markdown: exit ${rc}")
endif()
message(STATUS "docs/regels.md bijgewerkt")
