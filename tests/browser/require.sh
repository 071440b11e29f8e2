# Sourced by the browser tests: exits 77 (skipped) with a Dutch message naming WHAT when chromium,
# node or playwright-core is missing (`bash .ci/setup tests` installs them).
#   require_browser WHAT SOURCE_DIR
require_browser() {
  if ! command -v chromium >/dev/null || ! command -v node >/dev/null || [[ ! -d "$2/tests/browser/node_modules/playwright-core" ]]; then
    echo "chromium, node of playwright-core ontbreekt (bash .ci/setup tests installeert ze): $1 overgeslagen"
    exit 77
  fi
}
