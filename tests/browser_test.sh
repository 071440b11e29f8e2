#!/usr/bin/env bash
# The report as a person sees it: rapport.html rendered by headless Chromium (Debian's package,
# installed by `bash .ci/setup tests`). Checks that the page logs nothing to the console (no
# errors, no blocked resources: it must work without network) and that the key figures are in
# the rendered page; keeps a screenshot of the first screen as a test artifact.
# Usage: browser_test.sh WMOTOETS SOURCE_DIR OUT_DIR     (exit 77 = skipped: no chromium)
set -euo pipefail
exe=$1 src=$2 out=$3
chromium=$(command -v chromium || true)
if [[ -z "$chromium" ]]; then
  echo "chromium is niet geïnstalleerd (bash .ci/setup tests installeert het): browsertest overgeslagen"
  exit 77
fi
mkdir -p "$out"
db="$out/browser.db"
rm -rf "$db" "$db-wal" "$db-shm" "$out/rapport" "$out/profile"
cd "$src"
"$exe" -q importeer data/voorbeeld/dossiers.csv data/voorbeeld/dossiers-wijkteam-zuid.csv --db "$db"
"$exe" -q controleer --db "$db" --exit-zero > /dev/null
"$exe" -q rapport --db "$db" --uit "$out/rapport"
page="file://$out/rapport/rapport.html"
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --user-data-dir="$out/profile" --enable-logging=stderr --v=0)
timeout 120 "$chromium" "${flags[@]}" --dump-dom "$page" > "$out/rendered.html" 2> "$out/console.txt"
timeout 120 "$chromium" "${flags[@]}" --window-size=1280,900 --screenshot="$out/rapport-eerste-scherm.png" "$page" \
  > /dev/null 2>> "$out/console.txt"
if grep -E "CONSOLE|Uncaught|net::ERR" "$out/console.txt"; then
  echo "rapport.html logt berichten in de browserconsole (zie $out/console.txt)"
  exit 1
fi
fail=0
rules=$("$exe" regels | grep -cE '^[A-Z]{3}-[0-9]{2} ')  # the rulebook's size, from the registry
for text in "Wmo-toets — rapport" "Peildatum: <b>28 november 2024</b>; 46 dossiers; $rules regels" "Cijfers per regel" \
            "<td class=\"n\">17,8</td><td class=\"n\">9,3–31,3</td>" "Verloop per kwartaal" "Wijkteam Zuid" \
            "D002 · Wijkteam Noord" "Uitleg per regel"; do
  if ! grep -qF -- "$text" "$out/rendered.html"; then
    echo "niet in de weergegeven pagina: $text"
    fail=1
  fi
done
[[ -s "$out/rapport-eerste-scherm.png" ]] || { echo "geen schermafdruk gemaakt"; fail=1; }
((fail == 0)) && echo "browsertest geslaagd; schermafdruk: $out/rapport-eerste-scherm.png"
exit $fail
