#!/usr/bin/env bash
# rapport.html in a browser (issue 16 point 3): the report of the bundled samples and of a
# generated log of DOSSIERS dossiers, opened in headless Chromium with playwright-core; search and
# one filter used; screenshots kept in OUT_DIR. Exit 77 = skipped (no chromium, node or
# playwright-core: run `bash .ci/setup tests`).
# Usage: report_test.sh WMOTOETS SOURCE_DIR OUT_DIR DOSSIERS
set -euo pipefail
exe=$1 src=$2 out=$3 dossiers=${4:-100000}
here="$src/tests/browser"
source "$here/require.sh"
require_browser "rapporttest" "$src"
rm -rf "$out" && mkdir -p "$out/voorbeeld" "$out/groot"
cd "$src"
"$exe" -q importeer data/voorbeeld/dossiers.csv data/voorbeeld/dossiers-wijkteam-zuid.csv --db "$out/voorbeeld.db"
"$exe" -q controleer --db "$out/voorbeeld.db" --exit-zero > /dev/null
"$exe" -q rapport --db "$out/voorbeeld.db" --uit "$out/voorbeeld" --scheiding
node "$here/report_test.mjs" "$out/voorbeeld/rapport.html" "$out/voorbeeld" "D025" "ONA-06"
# On a phone (issue 28): no page pans sideways at 390 px.
"$exe" -q rapport --db "$out/voorbeeld.db" --uit "$out/voorbeeld-publicatie" --scheiding --publicatie
node "$here/narrow_test.mjs" "$out" "$out/voorbeeld/rapport.html" "$out/voorbeeld/scheiding.html" \
  "$out/voorbeeld-publicatie/rapport.html"
"$exe" -q genereer --dossiers "$dossiers" --zaad 7 --uit "$out/groot.csv"
"$exe" -q importeer "$out/groot.csv" --db "$out/groot.db"
"$exe" -q controleer --db "$out/groot.db" --exit-zero --stil > /dev/null
"$exe" -q rapport --db "$out/groot.db" --uit "$out/groot"
size=$(stat -c %s "$out/groot/rapport.html")
echo "rapport.html van $dossiers dossiers: $((size / 1024 / 1024)) MB"
((size < 25 * 1024 * 1024)) || { echo "rapport.html van $dossiers dossiers is groter dan 25 MB ($size bytes)"; exit 1; }
node "$here/report_test.mjs" "$out/groot/rapport.html" "$out/groot" "G0000123" "TRM-06"
