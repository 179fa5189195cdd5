#!/usr/bin/env bash
# Takes the README's screenshot of the tour report with headless Debian chromium.
# usage: tools/tour_screenshot.sh [REPORT_DIR] [OUT_PNG]
#   REPORT_DIR defaults to descent-report (run ./descent tour first); OUT_PNG to docs/report-screenshot.png
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
report="${1:-$root/descent-report}"
out="${2:-$root/docs/report-screenshot.png}"
[ -f "$report/index.html" ] || { echo "tour_screenshot: no $report/index.html; run ./descent tour first" >&2; exit 2; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
mkdir -p "$(dirname "$out")"
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
  --window-size=1280,1500 --screenshot="$out" "file://$(cd "$report" && pwd)/index.html" 2>/dev/null
echo "wrote $out"
