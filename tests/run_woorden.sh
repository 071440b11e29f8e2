#!/bin/bash
# Words for people (docs/spec/rules.md, issue 15 point 3): no human-facing output contains "wijzing", a state
# name of the procedure machine, an activity or outcome code with an underscore, or a plural hedge
# such as "(s)" or "(en)". Runs every command that writes for a person on the bundled samples and on
# a generated log, and greps what it wrote: the terminal text, rapport.html (also --publicatie and
# --scheiding), the text cells of rapport.xlsx, the audit sheets, the zelftest report and the
# rulebook (`regels`, `regels ID`, `regels --markdown`). JSON, CSV and the database keep the codes.
#   run_woorden.sh WMOTOETS SOURCE_DIR WORK_DIR [DOSSIERS]
set -u
exe=$1 src=$2 work=$3 dossiers=${4:-100000}
rm -rf "$work" && mkdir -p "$work/txt" && cd "$work" || exit 1
fail=0
bad() { echo "FOUT: $*" >&2; fail=1; }
run() {  # run NAME ARGS…: the command's stdout and stderr into txt/NAME.txt; exit code 0 or 1 expected
    local name=$1; shift
    "$exe" "$@" > "txt/$name.txt" 2> "txt/$name.err"
    local rc=$?
    cat "txt/$name.err" >> "txt/$name.txt" && rm -f "txt/$name.err"
    [[ $rc -le 1 ]] || bad "$name: exit code $rc ($(tail -n 3 "txt/$name.txt" | tr '\n' ' '))"
}
# The text of an XLSX: its shared strings and inline strings, one cell per line.
xlsx_text() {
    unzip -p "$1" 'xl/sharedStrings.xml' 'xl/worksheets/*.xml' 2>/dev/null |
        sed -e 's/<\/t>/\n/g' | sed -n 's/.*<t[^>]*>//p'
}
# The text of an HTML page without its markup, script and style.
html_text() {
    sed -e ':a;N;$!ba' -e 's/<script[^>]*>.*<\/script>//g; s/<style[^>]*>.*<\/style>//g' "$1" |
        sed -e 's/<[^>]*>/ /g; s/&quot;/"/g; s/&amp;/\&/g'
}

S=$src/data/voorbeeld
samples=("$S/dossiers.csv" "$S/dossiers-wijkteam-zuid.csv")
run controleer-voorbeeld controleer "${samples[@]}" --exit-zero
run controleer-export controleer "$S/zaaksysteem-export.csv" --mapping "$src/data/mapping/zaaksysteem-export.toml" --exit-zero
run controleer-zgw controleer "$src/tests/fixtures/zgw/export.json" --mapping "$src/data/mapping/zgw.toml" --exit-zero
run importeer importeer "${samples[@]}" --db v.db
run controleer-db controleer --db v.db --exit-zero
run rapport rapport --db v.db --uit rapport
run rapport-scheiding rapport --db v.db --uit scheiding --scheiding
run rapport-publicatie rapport --db v.db --uit publicatie --publicatie
run steekproef steekproef trek --db v.db --omvang 20 --zaad 7 --uit steekproef
run zelftest zelftest rapport "$src/tests/fixtures/zelftest/gemeente.json" "$src/tests/fixtures/zelftest/adviesraad.toml" \
    --db v.db --uit zelftest
run regels regels
run regels-markdown regels --markdown
while read -r id _; do
    [[ $id =~ ^[A-Z]{3}-[0-9]{2}$ ]] && run "regels-$id" regels "$id"
done < txt/regels.txt
# A generated log: every rule fires many times, with every kind of message.
"$exe" genereer --dossiers "$dossiers" --zaad 11 --uit groot.csv 2> /dev/null || bad "genereer"
run controleer-groot controleer groot.csv --exit-zero
run importeer-groot importeer groot.csv --db g.db
run controleer-groot-db controleer --db g.db --exit-zero --stil
run rapport-groot rapport --db g.db --uit rapport-groot --scheiding

for f in $(find rapport* scheiding publicatie steekproef zelftest -name '*.html'); do html_text "$f" > "txt/$(echo "$f" | tr / -).txt"; done
for f in $(find rapport* scheiding publicatie steekproef zelftest -name '*.xlsx'); do xlsx_text "$f" > "txt/$(echo "$f" | tr / -).txt"; done
[[ $(ls txt | wc -l) -gt 40 ]] || bad "te weinig uitvoer om te lezen: $(ls txt | wc -l) bestanden"

# The state names of the procedure machine (workflow/procedure_machine.cpp), as whole words.
states="Start $(sed -n 's/.*static constexpr const char\* name = "\([A-Za-z]*\)".*/\1/p' "$src/workflow/procedure_machine.cpp" | sort -u)"
[[ -n $states ]] || bad "geen toestandsnamen gevonden in workflow/procedure_machine.cpp"
check() {  # check WHAT REGEX: no match in any text
    local what=$1 re=$2 hits
    hits=$(grep -rnE -- "$re" txt | head -n 5)
    [[ -z $hits ]] || bad "$what:"$'\n'"$hits"
}
check "'wijzing'" '(^|[^A-Za-z])[Ww]ijzing'
check "meervoud tussen haakjes" '[a-zë]\((s|en|'"'"'s)\)'
# A code with an underscore: an activity or outcome name (the log's own columns such as case_id are
# not activity codes and stay allowed where a column is named for the user to act on).
codes=$(grep -o '"[a-z]*_[a-z_]*"' "$src/model/activity.cpp" | tr -d '"' | sort -u)
codes="$codes niet_van_toepassing weet_niet"
for c in $codes; do check "code '$c'" "(^|[^a-z_])$c([^a-z_]|$)"; done
for s in $states; do
    case $s in Start|Gemeld|Afgesloten|Ondersteund|Afgezien|Gevraagd|Onderzocht|Aangevraagd|Vraagverheldering)
                   re="(toestand|state) $s";;  # plain words: only where named as a state
               *) re="(^|[^A-Za-z])$s([^A-Za-z]|$)";; esac
    check "toestand '$s'" "$re"
done
# Outcomes worded by severity: next to the title of an aandachtspunt or signaal (an audit sheet
# row, a rule's outcomes) never "overtreden".
while read -r id severity _ rest; do
    [[ $severity == aandachtspunt || $severity == signaal ]] || continue
    title=${rest%% — *}
    hits=$(grep -rhF -- "$title" txt | grep -E '(^|[^a-z])overtreden' | head -n 3)
    [[ -z $hits ]] || bad "$id ($severity) heet 'overtreden':"$'\n'"$hits"
    want=$([[ $severity == signaal ]] && echo gesignaleerd || echo "niet voldaan")
    grep -q "Uitkomsten: .*$want" "txt/regels-$id.txt" || bad "regels $id noemt '$want' niet bij de uitkomsten"
done < <(grep -E '^[A-Z]{3}-[0-9]{2} ' txt/regels.txt)
exit $fail
