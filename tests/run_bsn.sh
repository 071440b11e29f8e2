#!/bin/bash
# BSNs are never written in full without a decision (docs/spec/event-log.md "Privacy", issue 14 point 2).
# Plants possible BSNs (plain, 3-3-3, 4-2-3, 3-2-4, prefixed, in free text, in a file name, in a
# column or key name) in every column of a CSV, an XES and a ZGW export, runs every command that writes, and greps every output
# file, the terminal output, the database and its WAL for the digits.
#   run_bsn.sh WMOTOETS SOURCE_DIR WORK_DIR
set -u
exe=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work/in" && cd "$work" || exit 1
fail=0
bad() { echo "FOUT: $*" >&2; fail=1; }

# Nine-digit numbers that pass the elfproef, each planted once (in some written form).
plain=691400507 dotted=781676447 dashed=116263684 prefixed=168753236 text=145944372 file=423483687 actor=946225436 spaced=204640775 keyname=725763863
all="$plain $dotted $dashed $prefixed $text $file $actor $spaced $keyname"
forms() {  # every way a number may appear: plain, 3-3-3, 4-2-3 and 3-2-4 with . - or space
    local d=$1
    echo "$d"
    for s in . - ' '; do
        echo "${d:0:3}$s${d:3:3}$s${d:6:3}"; echo "${d:0:4}$s${d:4:2}$s${d:6:3}"; echo "${d:0:3}$s${d:3:2}$s${d:5:4}"
    done
}
# Greps the given files (and directories) for any form of any planted number.
clean() {
    local what=$1; shift
    for n in $all; do
        while IFS= read -r f; do
            if grep -rqaF -- "$f" "$@" 2>/dev/null; then bad "$what: '$f' staat in $(grep -rlaF -- "$f" "$@" | tr '\n' ' ')"; fi
        done < <(forms "$n")
    done
}

csv="in/dossiers-$file.csv"
cat > "$csv" <<EOF
case_id,timestamp,activity,actor,role,team,organisatie,event_id,notitie,kanaal,opmerking ${keyname:0:3}-${keyname:3:2}-${keyname:5:4}
$plain,2024-03-01,melding,$actor,consulent,Team ${dotted:0:3}.${dotted:3:3}.${dotted:6:3},MEE ${dashed:0:4}-${dashed:4:2}-${dashed:6:3},E-${spaced:0:3} ${spaced:3:3} ${spaced:6:3},cliënt $text belde,brief,extra
$plain,2024-03-02,gesprek,M2,consulent,Team Noord,Gemeente,E2,geen,,
D0-$prefixed,2024-03-01,melding,M1,ondersteuner,Team Zuid,MEE,E3,tekst,,
D0-$prefixed,2024-03-20,aanvraag,M1,consulent,Team Zuid,Gemeente,E4,,,
D0-$prefixed,$text,besluit,M1,beslisser,Team Zuid,Gemeente,E5,,,
EOF

xes="in/logboek-$file.xes"
cat > "$xes" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <trace>
    <string key="concept:name" value="$plain"/>
    <string key="notitie" value="cliënt $text belde"/>
    <event>
      <string key="concept:name" value="melding"/>
      <date key="time:timestamp" value="2024-03-01T10:00:00+01:00"/>
      <string key="org:resource" value="$actor"/>
      <string key="org:role" value="consulent"/>
      <string key="org:group" value="Team ${dotted:0:3}.${dotted:3:3}.${dotted:6:3}"/>
      <string key="kanaal" value="MEE ${dashed:0:4}-${dashed:4:2}-${dashed:6:3}"/>
      <string key="notitie $keyname" value="extra"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="D0-$prefixed"/>
    <event>
      <string key="concept:name" value="gesprek"/>
      <date key="time:timestamp" value="2024-03-05T10:00:00+01:00"/>
      <string key="org:resource" value="M1"/>
      <string key="opmerking" value="E-${spaced:0:3} ${spaced:3:3} ${spaced:6:3}"/>
    </event>
  </trace>
</log>
EOF

zgw="in/zaken-$file.json"
sed -e "s/ZAAK-2024-0001/$plain/; s/ZAAK-2024-0002/D0-$prefixed/" \
    -e "s/\"Melding ontvangen\"/\"Melding ontvangen\"/" \
    "$src/tests/fixtures/zgw/export.json" > "$zgw"
# Free text and an actor number in the ZGW statuses and roles.
sed -i -e "0,/\"statustoelichting\": \"[^\"]*\"/s//\"statustoelichting\": \"cliënt $text belde\"/" "$zgw"

"$exe" sleutel --uit sleutel.key > /dev/null 2>&1 || bad "sleutel maken mislukt"
mapping=(--mapping "$src/data/mapping/zgw.toml")

for input in "$csv" "$xes" "$zgw"; do
    name=$(basename "$input" | cut -d- -f1)
    extra=()
    [ "$input" = "$zgw" ] && extra=("${mapping[@]}")
    out="uit-$name"
    mkdir -p "$out"
    # 1. The terminal: masked (1234*****), never in full; the warning once per column.
    "$exe" controleer "$input" "${extra[@]}" --behoud-onbekend --exit-zero --format json > "$out/terminal.json" 2> "$out/terminal.err"
    [ $? -eq 0 ] || bad "$name: controleer naar de terminal gaf geen exitcode 0: $(head -3 "$out/terminal.err")"
    grep -qF '*****' "$out/terminal.json" || bad "$name: geen gemaskeerd nummer op de terminal"
    # 2. A file or a database without a decision: exit 2, naming the column and both ways out; nothing written.
    "$exe" controleer "$input" "${extra[@]}" --behoud-onbekend --uit "$out/bevindingen.txt" 2> "$out/geweigerd.err"
    [ $? -eq 2 ] || bad "$name: --uit zonder besluit gaf geen exitcode 2"
    grep -q "kolom 'case_id'.*--pseudonimiseer.*--geen-bsn-kolom case_id" "$out/geweigerd.err" || bad "$name: melding zonder kolom of uitwegen: $(cat "$out/geweigerd.err")"
    [ ! -e "$out/bevindingen.txt" ] || bad "$name: bevindingen.txt toch geschreven"
    "$exe" importeer --db "$out/geweigerd.db" "$input" "${extra[@]}" --behoud-onbekend 2> "$out/importeer.err"
    [ $? -eq 2 ] || bad "$name: importeer zonder besluit gaf geen exitcode 2"
    # 3. With pseudonyms: every writing command, then the whole directory and database grepped.
    db="$out/audit.db"
    "$exe" importeer --db "$db" "$input" "${extra[@]}" --behoud-onbekend --pseudonimiseer sleutel.key 2> "$out/importeer2.err" \
        || bad "$name: importeer met --pseudonimiseer mislukt: $(cat "$out/importeer2.err")"
    "$exe" controleer --db "$db" --exit-zero --format csv --uit "$out/bevindingen.csv" 2> "$out/controleer.err" || bad "$name: controleer --db mislukt"
    "$exe" rapport --db "$db" --uit "$out/rapport" --scheiding 2> "$out/rapport.err" || bad "$name: rapport mislukt: $(cat "$out/rapport.err")"
    "$exe" rapport --db "$db" --uit "$out/publicatie" --publicatie 2> "$out/publicatie.err" || bad "$name: rapport --publicatie mislukt"
    "$exe" steekproef trek --db "$db" --omvang 2 --zaad 1 --uit "$out/steekproef" 2> "$out/steekproef.err" || bad "$name: steekproef mislukt: $(cat "$out/steekproef.err")"
    ls -R "$out" > "$out/bestandsnamen.txt"  # file names count too
    clean "$name" "$out"
done
# The same in the wrong direction would be a test that cannot fail: the planted forms are there.
grep -qF "$plain" "$csv" && grep -qF "${dotted:0:3}.${dotted:3:3}" "$csv" || bad "de invoer bevat de nummers niet"
# A person's decision: --geen-bsn-kolom case_id writes the dossier numbers as they are.
"$exe" controleer "$csv" --behoud-onbekend --exit-zero --geen-bsn-kolom case_id --geen-bsn-kolom actor --format json \
    --uit besloten.json 2> besloten.err || bad "--geen-bsn-kolom: controleer mislukt: $(cat besloten.err)"
grep -qF "\"$plain\"" besloten.json || bad "--geen-bsn-kolom: het dossiernummer staat niet in de uitvoer"
grep -qF "$text" besloten.json && bad "--geen-bsn-kolom: vrije tekst niet vervangen door [BSN?]"
exit $fail
