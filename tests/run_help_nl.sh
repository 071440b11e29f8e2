#!/bin/bash
# Dutch all the way (issue 18 point 5): the --help of every subcommand and a set of wrong
# invocations hold no word of CLI11's English vocabulary; a typo gets a suggestion; --lang en
# switches CLI11's words back to English.
#   run_help_nl.sh WMOTOETS
set -u
exe=$1
fail=0
bad() { echo "FOUT: $*" >&2; fail=1; }
english='Options|required|Subcommand|TEXT|UINT|FLOAT|argument|Usage|Positionals|expected|Could not|not in'
check() {  # check WHAT TEXT
  local hits
  hits=$(grep -E -n "$english" <<< "$2" | head -3)
  [[ -z $hits ]] || bad "$1: Engels: $hits"
}
# Every subcommand, found through the help itself.
declare -a todo=("")
declare -A seen=()
n=0
while ((${#todo[@]})); do
  cmd=${todo[0]}
  todo=("${todo[@]:1}")
  [[ -n ${seen[x$cmd]:-} ]] && continue
  seen[x$cmd]=1
  # shellcheck disable=SC2086
  out=$("$exe" $cmd --help 2>&1)
  n=$((n + 1))
  check "wmotoets $cmd --help" "$out"
  subs=$(awk '/^Opdrachten:/ {on=1; next} on && /^  [a-z]/ {sub(",", "", $1); print $1} on && /^$/ {on=0}' <<< "$out")
  for s in $subs; do todo+=("${cmd:+$cmd }$s"); done
done
[[ $n -ge 15 ]] || bad "maar $n hulpteksten gevonden"
# Wrong invocations (the first: no command at all): each gives exit code 2 and a Dutch message.
wrong=0
while IFS= read -r line; do
  wrong=$((wrong + 1))
  # shellcheck disable=SC2086
  out=$("$exe" $line 2>&1)
  rc=$?
  [[ $rc -eq 2 ]] || bad "wmotoets $line: exit code $rc, verwacht 2"
  check "wmotoets $line" "$out"
done <<'EOF2'

steekproef
steekproef trek --zaad 1
steekproef trek --zaad 1 --omvang 0
steekproef evalueer --omvang abc --afwijkingen 1
steekproef evalueer --betrouwbaarheid 100 --omvang 3 --afwijkingen 1
controleer --uitvoerformaat xml data/voorbeeld/dossiers.csv
controleer --peildatum
controleer data/voorbeeld/dossiers.csv --strickt
controleer data/voorbeeld/dossiers.csv --strata team
rapport
mapping
zelftest rapport
controler data/voorbeeld/dossiers.csv
EOF2
out=$("$exe" controler data/voorbeeld/dossiers.csv 2>&1)
grep -q "bedoelde u 'controleer'?" <<< "$out" || bad "geen suggestie bij 'controler': $out"
out=$("$exe" controleer data/voorbeeld/dossiers.csv --strickt 2>&1)
grep -q "bedoelde u '--strikt'?" <<< "$out" || bad "geen suggestie bij '--strickt': $out"
out=$("$exe" --lang en controleer --help 2>&1)
grep -q "^Options:" <<< "$out" || bad "--lang en: de hulp is niet Engels"
out=$("$exe" --lang en steekproef 2>&1)
grep -q "A subcommand is required" <<< "$out" || bad "--lang en: de fout is niet Engels: $out"
[[ $wrong -ge 14 ]] || bad "maar $wrong foute opdrachten geprobeerd"
[[ $fail -eq 0 ]] && echo "$n hulpteksten en $wrong foute opdrachten: geen Engels van CLI11; suggesties en --lang en werken"
exit $fail
