#!/usr/bin/env bash
# Runs worklist_test.mjs on the werkvoorraad and the scheiding page of 3,000 generated dossiers (issue 29).
# Exit 77 = skipped (no chromium, node or playwright-core: run `bash .ci/setup tests`).
# Usage: worklist_test.sh WMOTOETS SOURCE_DIR OUT_DIR
set -euo pipefail
exe=$1 src=$2 out=$3
here="$src/tests/browser"
source "$here/require.sh"
require_browser "werkvoorraadtest" "$src"
rm -rf "$out" && mkdir -p "$out"
"$exe" -q genereer --dossiers 3000 --zaad 5 --uit "$out/log.csv"
"$exe" -q importeer --db "$out/w.db" "$out/log.csv"
"$exe" -q controleer --db "$out/w.db" --altijd-nul --uit "$out/controle.txt"
"$exe" -q rapport --db "$out/w.db" --scheiding --uit "$out/pagina"
# Exit code 1 is a term that has passed: expected in a generated log.
rc=0
"$exe" -q werkvoorraad --db "$out/w.db" --uit "$out/pagina" || rc=$?
[ "$rc" -le 1 ] || exit "$rc"
grep -q 'href="rapport.html#dossier-' "$out/pagina/werkvoorraad.html" || { echo "geen links naar rapport.html"; exit 1; }
node "$here/worklist_test.mjs" "$out" "$out/pagina/werkvoorraad.html" "$out/pagina/scheiding.html"
