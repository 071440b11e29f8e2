#!/bin/bash
# The publication attack over 200 generated logs of 12–300 dossiers (issue 27 point 5): every table of
# each publication (rapport.html, rapport.xlsx, scheiding.html/.xlsx) read together, the lead-time
# tables linked to the rule table where their counts are the same number. The suite runs 12 of them.
#   bench/publicatie-aanval.sh [BUILD_DIR] [LOGS]                  (default: build, 200)
# The comparison of issue 28 on one large log (genereer --zaad 3): 2024 against 2023, both periods'
# publications attacked and the comparison read against them. The suite runs 60, 150 and 400 dossiers.
#   bench/publicatie-aanval.sh --vergelijk [BUILD_DIR] [DOSSIERS]  (default: build, 20000)
set -euo pipefail
start=$(date +%s)
if [[ ${1:-} == --vergelijk ]]; then
  build=${2:-build} dossiers=${3:-20000}
  WMOTOETS_VERGELIJK_DOSSIERS=$dossiers "$build/tests/wmotoets_tests" \
    --gtest_filter='Publication.AComparisonShowsOfEachPeriodOnlyWhatItsOwnPublicationShows'
  echo "publicatie-aanval --vergelijk: $dossiers dossiers in $(( $(date +%s) - start )) s, geen na te rekenen aantal"
  exit 0
fi
build=${1:-build} logs=${2:-200}
WMOTOETS_PUBLICATIE_LOGS=$logs "$build/tests/wmotoets_tests" \
  --gtest_filter='Publication.NoSuppressedCountCanBeRecomputedAcrossLinkedTables'
echo "publicatie-aanval: $logs logboeken in $(( $(date +%s) - start )) s, geen na te rekenen aantal"
