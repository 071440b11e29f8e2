#!/bin/bash
# The publication attack over 200 generated logs of 12–300 dossiers (issue 27 point 5): every table of
# each publication (rapport.html, rapport.xlsx, scheiding.html/.xlsx) read together, the lead-time
# tables linked to the rule table where their counts are the same number. The suite runs 12 of them.
#   bench/publicatie-aanval.sh [BUILD_DIR] [LOGS]     (default: build, 200)
set -euo pipefail
build=${1:-build} logs=${2:-200}
start=$(date +%s)
WMOTOETS_PUBLICATIE_LOGS=$logs "$build/tests/wmotoets_tests" \
  --gtest_filter='Publication.NoSuppressedCountCanBeRecomputedAcrossLinkedTables'
echo "publicatie-aanval: $logs logboeken in $(( $(date +%s) - start )) s, geen na te rekenen aantal"
