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
