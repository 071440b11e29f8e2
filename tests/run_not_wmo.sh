#!/bin/bash
# A log that is not (yet) Wmo (issue 18 point 4): BPIC15_1, a permit process, read as it is. One
# summary instead of a line per refused event (at most 30 lines on stderr), the sentence that this
# does not look like a Wmo log, exit code 2; with --behoud-onbekend the figures say that no Wmo
# rule applied instead of a table of zeros. Exit 77 (skipped) without ../shared/data/real-logs.
#   run_not_wmo.sh WMOTOETS SOURCE_DIR WORK_DIR
set -u
exe=$1 src=$2 work=$3
log="$src/../shared/data/real-logs/BPIC15_1.xes.gz"
[[ -f $log ]] || { echo "overgeslagen: $log ontbreekt (../shared/data/real-logs)"; exit 77; }
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail=0
bad() { echo "FOUT: $*" >&2; fail=1; }
"$exe" controleer "$log" > out.txt 2> err.txt
rc=$?
[[ $rc -eq 2 ]] || bad "exit code $rc, verwacht 2"
lines=$(wc -l < err.txt)
[[ $lines -le 30 ]] || bad "$lines regels op stderr, verwacht hoogstens 30"
grep -q "Dit lijkt geen Wmo-logboek" err.txt || bad "de zin 'Dit lijkt geen Wmo-logboek' ontbreekt"
grep -q "52.217 gebeurtenissen afgekeurd om een activiteit die geen Wmo-activiteit is (398 verschillende activiteiten)" err.txt ||
  bad "de samenvatting van de onbekende activiteiten ontbreekt"
grep -q "1.199×  '01_HOOFD_010'  (eerst op .*BPIC15_1.xes.gz:[0-9]*)" err.txt || bad "het meest voorkomende label met aantal en plaats ontbreekt"
grep -q "… en 378 andere (alle met --uitgebreid)" err.txt || bad "het aantal overige labels ontbreekt"
[[ ! -s out.txt ]] || bad "uitvoer op stdout bij een logboek zonder dossiers"
# --uitgebreid lists every label.
"$exe" --uitgebreid controleer "$log" > /dev/null 2> all.txt
[[ $(grep -c "×  '" all.txt) -eq 398 ]] || bad "--uitgebreid toont niet alle 398 labels"
# Kept for local rules: the figures say that no Wmo rule applied.
"$exe" controleer "$log" --behoud-onbekend --geen-bsn-kolom case_id --geen-bsn-kolom actor > kept.txt 2> kept-err.txt
rc=$?
[[ $rc -eq 0 ]] || bad "--behoud-onbekend: exit code $rc, verwacht 0"
grep -q "Geen van de Wmo-regels is van toepassing" kept.txt || bad "--behoud-onbekend: geen zin dat geen Wmo-regel van toepassing is"
grep -q "^INF-01 " kept.txt && bad "--behoud-onbekend: toch een tabel met nullen"
grep -q "Dit lijkt geen Wmo-logboek" kept-err.txt || bad "--behoud-onbekend: de zin 'Dit lijkt geen Wmo-logboek' ontbreekt"
[[ $fail -eq 0 ]] && echo "BPIC15_1: $lines regels op stderr, exit code 2; met --behoud-onbekend: geen Wmo-regel van toepassing"
exit $fail
