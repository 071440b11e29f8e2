#!/bin/bash
# rapport --pdf (issue 16 point 4): the report of the bundled samples printed through headless
# Chromium is A4, has "pagina N van M" on every page (M = the page count) with the title and the
# peildatum in the margin, and repeats a table's header on the pages it continues on. Skips (77)
# without Chromium or poppler-utils; without Chromium `--pdf` must fail with a message naming the package.
#   run_pdf.sh WMOTOETS SOURCE_DIR WORK_DIR
set -u
exe=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$src" || exit 1
fail=0
bad() { echo "FOUT: $*" >&2; fail=1; }
"$exe" -q importeer data/voorbeeld/dossiers.csv data/voorbeeld/dossiers-wijkteam-zuid.csv --db "$work/v.db" || exit 1
"$exe" -q controleer --db "$work/v.db" --exit-zero > /dev/null || exit 1
# Without a browser on the PATH: exit code 2 and the package named; the other reports are written.
env PATH=/nonexistent "$exe" -q rapport --db "$work/v.db" --uit "$work/zonder" --pdf 2> "$work/zonder.err"
rc=$?
[[ $rc -eq 2 ]] || bad "--pdf zonder Chromium: exit code $rc, verwacht 2"
grep -q "Debian-pakket 'chromium'" "$work/zonder.err" || bad "--pdf zonder Chromium noemt het pakket niet: $(cat "$work/zonder.err")"
[[ -s "$work/zonder/rapport.html" ]] || bad "--pdf zonder Chromium: rapport.html ontbreekt"
if ! command -v chromium > /dev/null || ! command -v pdfinfo > /dev/null || ! command -v pdftotext > /dev/null; then
  echo "overgeslagen: chromium of poppler-utils (pdfinfo, pdftotext) ontbreekt (bash .ci/setup tests)"
  exit $((fail ? 1 : 77))
fi
"$exe" -q rapport --db "$work/v.db" --uit "$work/r" --pdf || { bad "rapport --pdf faalde"; exit 1; }
pdf="$work/r/rapport.pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
pdfinfo "$pdf" | grep -q "^Page size:.*(A4)" || bad "geen A4: $(pdfinfo "$pdf" | grep 'Page size')"
[[ ${pages:-0} -ge 5 ]] || bad "maar ${pages:-0} pagina's"
repeated=0
for ((p = 1; p <= pages; p++)); do
  text=$(pdftotext -f $p -l $p -layout "$pdf" -)
  grep -q "pagina $p van $pages" <<< "$text" || bad "pagina $p: geen 'pagina $p van $pages'"
  grep -q "Wmo-toets — rapport, peildatum 28 november 2024" <<< "$text" || bad "pagina $p: titel en peildatum ontbreken in de marge"
  grep -qE "regel +titel +ernst +grondslag" <<< "$text" && repeated=$((repeated + 1))
done
# The table of figures per rule spans pages: its header is repeated on each of them.
[[ $repeated -ge 2 ]] || bad "de kop van de tabel 'Cijfers per regel' staat niet op elke pagina van die tabel (aantal pagina's met de kop: $repeated, verwacht ≥ 2)"
# The PDF is the summary: the findings per dossier only with --pdf-volledig (issue 28).
pdftotext "$pdf" - | grep -q "Bevindingen per dossier" && bad "rapport.pdf bevat de bevindingen per dossier zonder --pdf-volledig"
"$exe" -q rapport --db "$work/v.db" --uit "$work/volledig" --pdf-volledig || bad "rapport --pdf-volledig faalde"
pdftotext "$work/volledig/rapport.pdf" - | grep -q "Bevindingen per dossier" || bad "--pdf-volledig zonder de bevindingen per dossier"
[[ -s "$work/volledig/rapport.html" ]] || bad "--pdf-volledig schreef geen rapport.html"
# Acceptance of issue 28: the summary of 20,000 generated dossiers is at most 60 A4 pages.
"$exe" -q genereer --dossiers 20000 --zaad 3 --uit "$work/g.csv" || exit 1
"$exe" -q importeer "$work/g.csv" --db "$work/g.db" || exit 1
"$exe" -q controleer --db "$work/g.db" --exit-zero --stil > /dev/null || exit 1
start=$SECONDS
"$exe" -q rapport --db "$work/g.db" --periode 2024 --uit "$work/groot" --pdf || bad "rapport --pdf van 20.000 dossiers faalde"
big=$(pdfinfo "$work/groot/rapport.pdf" | awk '/^Pages:/ { print $2 }')
[[ ${big:-999} -le 60 ]] || bad "de samenvatting van 20.000 dossiers heeft ${big:-?} pagina's (hoogstens 60)"
echo "samenvatting van 20.000 dossiers: ${big} pagina's in $((SECONDS - start)) s"
# A folder named with # and ? and a space (issue 27): the file:// URL is encoded, the PDF is written.
"$exe" -q rapport --db "$work/v.db" --uit "$work/map #1?x" --pdf || bad "rapport --pdf in een map met # en ? faalde"
[[ -s "$work/map #1?x/rapport.pdf" ]] || bad "rapport.pdf ontbreekt in een map met # en ?"
echo "PDF: $pages pagina's A4, kop van de cijfertabel op $repeated pagina's: $pdf"
exit $fail
