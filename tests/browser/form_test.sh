#!/usr/bin/env bash
# Runs form_test.mjs (the zelftest form in headless Chromium) and reads the saved answer file with
# `wmotoets zelftest rapport`. Exit 77 = skipped (no chromium, node or playwright-core: run
# `bash .ci/setup tests`).
# Usage: form_test.sh WMOTOETS SOURCE_DIR OUT_DIR
set -euo pipefail
exe=$1 src=$2 out=$3
here="$src/tests/browser"
source "$here/require.sh"
require_browser "formuliertest" "$src"
rm -rf "$out" && mkdir -p "$out"
"$exe" -q zelftest formulier --uit "$out/formulier.html"
node "$here/form_test.mjs" "$out/formulier.html" "$out/opgeslagen.json"
"$exe" zelftest rapport "$out/opgeslagen.json" --uit "$out/rapport" 2> "$out/rapport.err"
grep -q "zelftest.html en zelftest.xlsx geschreven (1 antwoordset," "$out/rapport.err" || { cat "$out/rapport.err"; exit 1; }
grep -q "ZT-INF-1.*weet niet" <(sed 's/<[^>]*>/ /g' "$out/rapport/zelftest.html") || { echo "gesprekspunt 'weet niet' ontbreekt"; exit 1; }
# On a phone (issue 28): the form and the dialogue report do not pan sideways at 390 px.
node "$here/narrow_test.mjs" "$out" "$out/rapport/zelftest.html" "$out/formulier.html"
echo "opgeslagen antwoorden gelezen door zelftest rapport"
