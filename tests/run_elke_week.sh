#!/usr/bin/env bash
# The weekly routine of README "Elke week", as docs/elke-week/elke-week.sh runs it from a timer: two weeks
# of exports into one database. The second week's werkvoorraad compares with the first week's check, and
# the script's exit code is 1 while a term has passed (the scheduler's alert).
# Usage: run_elke_week.sh WMOTOETS SOURCE_DIR OUT_DIR
set -uo pipefail
exe=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out/exports"
export PATH="$(dirname "$exe"):$PATH" WMOTOETS_DB="$out/wijkteam.db" WMOTOETS_EXPORTS="$out/exports" \
  WMOTOETS_UIT="$out/werkvoorraad"
fail() { echo "elke week: $*" >&2; exit 1; }
cp "$src/data/voorbeeld/dossiers.csv" "$out/exports/week-1.csv"
bash "$src/docs/elke-week/elke-week.sh"; rc=$?
[ "$rc" -eq 1 ] || fail "week 1: exitcode $rc, verwacht 1 (een verstreken termijn)"
[ -s "$out/werkvoorraad/werkvoorraad.html" ] || fail "week 1: geen werkvoorraad.html"
# Week 2: the same export and a new melding a week after the last day of the first.
sleep 1  # the newest export by its time
{ cat "$out/exports/week-1.csv"; echo "N001,2024-11-25T09:00,melding,A01,administratie,Wijkteam Noord,Gemeente,,,,,nee,,,,,,,,,,,,,,,"; } \
  > "$out/exports/week-2.csv"
bash "$src/docs/elke-week/elke-week.sh"; rc=$?
[ "$rc" -eq 1 ] || fail "week 2: exitcode $rc, verwacht 1"
grep -q 'id="sinds">[0-9]* nieuw, [0-9]* nog open, 0 opgelost sinds de controle met peildatum' \
  "$out/werkvoorraad/werkvoorraad.html" || fail "week 2 vergelijkt niet met week 1"
grep -q '>N001<' "$out/werkvoorraad/werkvoorraad.html" || fail "week 2: de nieuwe melding N001 ontbreekt"
echo "elke week: twee weken verwerkt, de tweede vergeleken met de eerste"
