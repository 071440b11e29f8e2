#!/usr/bin/env bash
# Every week: import the newest export, check the database (the run is stored), write the werkvoorraad.
# Exit code 1 when a term has passed with the step still to be taken (the scheduler can alert on it).
# Settings through the environment (see wmotoets-week.service and crontab.voorbeeld):
#   WMOTOETS_DB       the database                 (default /var/lib/wmotoets/wijkteam.db)
#   WMOTOETS_EXPORTS  folder of the weekly exports (default /srv/wmotoets/exports; the newest *.csv is taken)
#   WMOTOETS_UIT      folder for werkvoorraad.*    (default /srv/wmotoets/werkvoorraad)
set -euo pipefail
db="${WMOTOETS_DB:-/var/lib/wmotoets/wijkteam.db}"
exports="${WMOTOETS_EXPORTS:-/srv/wmotoets/exports}"
uit="${WMOTOETS_UIT:-/srv/wmotoets/werkvoorraad}"
newest="$(ls -1t "$exports"/*.csv 2>/dev/null | head -n 1 || true)"
if [ -z "$newest" ]; then
  echo "elke-week: geen export (*.csv) in $exports" >&2
  exit 2
fi
wmotoets -q importeer --db "$db" "$newest"
wmotoets -q controleer --db "$db" --altijd-nul --uitvoerformaat json --uit "${uit%/}-controle.json"
wmotoets -q werkvoorraad --db "$db" --uit "$uit"
