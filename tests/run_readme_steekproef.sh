#!/bin/bash
# The README's sampling examples run as written (issue 17 point 3): every line of README.md that
# runs `wmotoets steekproef` (in any example block), after the bundled samples were imported and
# checked into audit.db, in an empty directory. `evalueer` may answer 1 (not met); anything else fails.
#   run_readme_steekproef.sh WMOTOETS SOURCE_DIR WORK_DIR
set -u
exe=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
ln -s "$src/data" data
wmotoets() { "$exe" "$@"; }
fail=0
wmotoets -q importeer data/voorbeeld/dossiers.csv data/voorbeeld/dossiers-wijkteam-zuid.csv --db audit.db || exit 1
wmotoets -q controleer --db audit.db --exit-zero > /dev/null || exit 1
n=0
while IFS= read -r line; do
  line=${line#"${line%%[![:space:]]*}"}  # the README indents some blocks
  [[ $line == "wmotoets steekproef"* ]] || continue
  n=$((n + 1))
  eval "$line" > out.txt 2> err.txt
  rc=$?
  # After a draw, the auditor fills in oordelen.xlsx: here every verdict "ja" (the cells of the
  # Oordeel column as inline strings, the way a spreadsheet program may save them).
  if [[ $rc -eq 0 && $line == *"steekproef trek"*"--uit steekproef/"* && -f steekproef/oordelen.xlsx ]]; then
    python3 - <<'PY' || { echo "FOUT: oordelen.xlsx niet in te vullen" >&2; fail=1; }
import re, zipfile, shutil
src = "steekproef/oordelen.xlsx"
with zipfile.ZipFile(src) as zin, zipfile.ZipFile("ingevuld.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "xl/worksheets/sheet1.xml":
            text, n = re.subn(r'<c r="(F\d+)" s="(\d+)"/>',
                              r'<c r="\1" s="\2" t="inlineStr"><is><t>ja</t></is></c>', data.decode())
            assert n > 0, "geen lege oordeelcellen"
            data = text.encode()
        zout.writestr(item, data)
shutil.move("ingevuld.xlsx", src)
PY
  fi
  if [[ $rc -ne 0 && ! ( $rc -eq 1 && $line == *evalueer* ) ]]; then
    echo "FOUT: README-regel faalt (exit code $rc): $line" >&2
    cat err.txt >&2
    fail=1
  fi
done < "$src/README.md"
[[ $n -ge 5 ]] || { echo "FOUT: maar $n steekproefregels in README.md gevonden" >&2; fail=1; }
for d in steekproef steekproef-34; do
  [[ -s $d/steekproef.csv && -s $d/steekproef-methode.txt && -s $d/oordelen.xlsx ]] || { echo "FOUT: $d/ niet geschreven" >&2; fail=1; }
done
# The list opens with its Dutch characters in a reader that honours the BOM.
python3 - <<'PY' || fail=1
import csv, sys
for folder, drawn in (("steekproef", 36), ("steekproef-34", 34)):
    with open(folder + "/steekproef.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0] == ["nr", "dossier", "stratum"], rows[0]
    assert len(rows) == drawn + 1 and all(len(r) == 3 for r in rows), (folder, len(rows))
PY
echo "$n README-regels met 'wmotoets steekproef' gedraaid"
exit $fail
