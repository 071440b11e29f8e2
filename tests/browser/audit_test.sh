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
