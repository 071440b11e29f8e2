#!/usr/bin/env bash
# auditbladen.html in a browser: see audit_test.mjs. Exit 77 = skipped (no chromium, node or
# playwright-core: run `bash .ci/setup tests`).
# Usage: audit_test.sh WMOTOETS SOURCE_DIR OUT_DIR
set -euo pipefail
exe=$1 src=$2 out=$3
here="$src/tests/browser"
source "$here/require.sh"
require_browser "auditbladtest" "$src"
rm -rf "$out" && mkdir -p "$out"
cd "$src"
"$exe" -q importeer data/voorbeeld/dossiers.csv data/voorbeeld/dossiers-wijkteam-zuid.csv --db "$out/v.db"
"$exe" -q controleer --db "$out/v.db" --exit-zero > /dev/null
"$exe" -q steekproef trek --db "$out/v.db" --omvang 6 --zaad 3 --uit "$out/steekproef" > /dev/null
node "$here/audit_test.mjs" "$out/steekproef/auditbladen.html" "$out"
# The combined file as PDF: a cover page, then exactly one page per dossier — all 46 bundled
# dossiers, the longest (20 events, 21 norms) included.
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null || { echo "auditbladtest: pdfinfo/pdftotext ontbreken (Debian-pakket poppler-utils; bash .ci/setup tests)" >&2; exit 77; }
"$exe" -q steekproef trek --db "$out/v.db" --omvang 46 --zaad 1 --uit "$out/alle" --pdf > /dev/null
pdf="$out/alle/auditbladen.pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
[[ $pages -eq 47 ]] || { echo "auditbladtest: auditbladen.pdf heeft $pages pagina's, verwacht 47 (voorblad + 46 dossiers)" >&2; exit 1; }
pdftotext -f 1 -l 1 "$pdf" - | grep -q "Auditbladen — steekproef" || { echo "auditbladtest: pagina 1 is geen voorblad" >&2; exit 1; }
declare -A seen=()
for ((p = 2; p <= pages; p++)); do
  ids=$(pdftotext -f $p -l $p "$pdf" - | grep -o "Auditblad dossier [A-Z0-9]*" || true)
  [[ $(grep -c . <<< "$ids") -eq 1 ]] || { echo "auditbladtest: pagina $p heeft niet precies één auditblad: ${ids:-geen}" >&2; exit 1; }
  seen[$ids]=1
done
[[ ${#seen[@]} -eq 46 ]] || { echo "auditbladtest: ${#seen[@]} verschillende dossiers in de PDF, verwacht 46" >&2; exit 1; }
echo "auditbladtest: auditbladen.pdf = voorblad + 46 pagina's, één per dossier"
# The evaluation as a working paper (issue 30): oordelen.xlsx filled in (every verdict "ja", as inline
# strings the way a spreadsheet program may save them), evalueer --uit --pdf: evaluatie.pdf on A4 with
# page numbers, evaluatie.html and evaluatie.xlsx beside it.
python3 - "$out/steekproef/oordelen.xlsx" <<'PY'
import re, shutil, sys, zipfile
src = sys.argv[1]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(src + ".tmp", "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "xl/worksheets/sheet1.xml":
            text, n = re.subn(r'<c r="(F\d+)" s="(\d+)"/>', r'<c r="\1" s="\2" t="inlineStr"><is><t>ja</t></is></c>', data.decode())
            assert n > 0, "geen lege oordeelcellen"
            data = text.encode()
        zout.writestr(item, data)
shutil.move(src + ".tmp", src)
PY
rc=0
"$exe" -q steekproef evalueer --db "$out/v.db" --oordelen "$out/steekproef/oordelen.xlsx" --uit "$out/evaluatie" --pdf --door "A. Auditor" > /dev/null || rc=$?
[[ $rc -le 1 ]] || { echo "auditbladtest: evalueer --uit faalde (exit code $rc)" >&2; exit 1; }
ev="$out/evaluatie/evaluatie.pdf"
[[ -s $out/evaluatie/evaluatie.html && -s $out/evaluatie/evaluatie.xlsx && -s $ev ]] || { echo "auditbladtest: evaluatie.html, .xlsx of .pdf ontbreekt" >&2; exit 1; }
pdfinfo "$ev" | grep -Eq '^Page size: +59[45](\.[0-9]+)? x 84[12](\.[0-9]+)? pts \(A4\)' || { echo "auditbladtest: evaluatie.pdf is geen A4: $(pdfinfo "$ev" | grep 'Page size')" >&2; exit 1; }
evpages=$(pdfinfo "$ev" | awk '/^Pages:/ {print $2}')
pdftotext -f 1 -l 1 "$ev" - | grep -q "pagina 1 van $evpages" || { echo "auditbladtest: evaluatie.pdf zonder paginanummer op pagina 1" >&2; exit 1; }
pdftotext "$ev" - | grep -q "Opgesteld door" || { echo "auditbladtest: evaluatie.pdf zonder regels om te ondertekenen" >&2; exit 1; }
echo "auditbladtest: evaluatie.pdf = $evpages pagina's A4 met paginanummers"
