cmake_minimum_required(VERSION 3.25)
# Safe writing: no output goes through a link planted at its name, a directory where a file is
# expected (and the reverse) is a user error in Dutch, and a write that fails halfway (here: a file
# size limit, as a full disk would) leaves the earlier file as it was and no temporary file behind.
set(dir "${OUTDIR}/veilig")
file(REMOVE_RECURSE "${dir}")
file(MAKE_DIRECTORY "${dir}")
set(sample data/voorbeeld/dossiers.csv data/voorbeeld/dossiers-wijkteam-zuid.csv)
function(expect_refusal pattern)
  execute_process(COMMAND "${EXE}" ${ARGN} WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE rc OUTPUT_QUIET
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "${pattern}" OR err MATCHES "interne fout")
    message(FATAL_ERROR "wmotoets ${ARGN}: exit ${rc}, expected 2 and '${pattern}':\n${err}")
  endif()
endfunction()

# A link at the output's name: refused, its target untouched.
file(WRITE "${dir}/doel.txt" "bewaren\n")
file(CREATE_LINK "${dir}/doel.txt" "${dir}/uit.txt" SYMBOLIC)
expect_refusal("uit.txt: is een symbolische koppeling" controleer ${sample} --uit "${dir}/uit.txt" --exit-zero)
expect_refusal("uit.txt: is een symbolische koppeling" genereer --dossiers 5 --uit "${dir}/uit.txt")
expect_refusal("uit.txt: is een symbolische koppeling" zelftest formulier --uit "${dir}/uit.txt")
set(db "${dir}/audit.db")
execute_process(COMMAND "${EXE}" -q controleer ${sample} --db "${db}" --exit-zero WORKING_DIRECTORY "${WORKDIR}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
file(MAKE_DIRECTORY "${dir}/rapport")
file(CREATE_LINK "${dir}/doel.txt" "${dir}/rapport/rapport.html" SYMBOLIC)
expect_refusal("rapport.html: is een symbolische koppeling" rapport --db "${db}" --uit "${dir}/rapport")
file(READ "${dir}/doel.txt" kept)
if(NOT kept STREQUAL "bewaren\n")
  message(FATAL_ERROR "a link led an output onto doel.txt:\n${kept}")
endif()

# A directory where a file is expected, and a file where a directory is expected.
expect_refusal("veilig: is een map; geef een bestandsnaam" controleer ${sample} --uit "${dir}")
expect_refusal("doel.txt: is geen map" rapport --db "${db}" --uit "${dir}/doel.txt")
expect_refusal("doel.txt: is geen map" steekproef trek --db "${db}" --omvang 3 --zaad 1 --uit "${dir}/doel.txt")

# A write that fails halfway: the earlier file stays, no temporary file is left.
file(WRITE "${dir}/b.json" "een eerder bestand\n")
execute_process(COMMAND bash -c "trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\"" "${EXE}" controleer ${sample}
                        --format json --outcomes --uit "${dir}/b.json" --exit-zero
                WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
file(READ "${dir}/b.json" kept)
file(GLOB left "${dir}/b.json.deel*")
if(NOT rc EQUAL 2 OR NOT err MATCHES "b.json: schrijven mislukt" OR NOT kept STREQUAL "een eerder bestand\n" OR left)
  message(FATAL_ERROR "a failed write: exit ${rc}, kept '${kept}', left behind '${left}':\n${err}")
endif()

# The same for a large output, written in chunks by a thread of its own (util/output_file.cpp): the
# first chunk of 8 MiB already fails (a limit of 4 MiB), and says why.
set(big "${dir}/groot.csv")
execute_process(COMMAND "${EXE}" -q genereer --dossiers 30000 --zaad 1 --uit "${big}" RESULT_VARIABLE rc)
file(WRITE "${dir}/c.json" "een eerder bestand\n")
execute_process(COMMAND bash -c "trap '' XFSZ; ulimit -f 4096; exec \"$0\" \"$@\"" "${EXE}" controleer "${big}"
                        --format json --outcomes --uit "${dir}/c.json" --exit-zero
                WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
file(READ "${dir}/c.json" kept)
file(GLOB left "${dir}/c.json.deel*")
if(NOT rc EQUAL 2 OR NOT err MATCHES "c.json: schrijven mislukt \\(.+\\); een eerder bestand met deze naam is niet veranderd"
   OR NOT kept STREQUAL "een eerder bestand\n" OR left)
  message(FATAL_ERROR "a failed write of a large output: exit ${rc}, kept '${kept}', left behind '${left}':\n${err}")
endif()
