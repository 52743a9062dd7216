#!/usr/bin/env bash
# Copies the pinned browser libraries from npm into the places dateline
# embeds or tests them from. Run it after changing a version in package.json
# (then commit package.json, package-lock.json and the copied files):
#
#   cd web && ./vendor.sh
#
# - vis-timeline (Apache-2.0 OR MIT): its "peer" build (the standalone one
#   injects <style> elements, which the page's Content-Security-Policy
#   refuses; its style sheet is loaded as a file instead), with the two peers
#   it needs, moment and vis-data, into internal/server/assets/vendor/,
#   embedded in the binary, with the licence of every package they bundle in
#   THIRD-PARTY-LICENSES.txt;
# - TimelineJS (MPL-2.0), a dev dependency, into
#   internal/server/testdata/timelinejs/: only the browser test loads it, to
#   check that dateline's TimelineJS export opens in TimelineJS.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --ignore-scripts
assets=../internal/server/assets/vendor
tljs=../internal/server/testdata/timelinejs
rm -rf "$assets" "$tljs"
mkdir -p "$assets" "$tljs"
cp node_modules/moment/min/moment.min.js "$assets/"
cp node_modules/vis-data/peer/umd/vis-data.min.js "$assets/"
cp node_modules/vis-timeline/peer/umd/vis-timeline-graph2d.min.js "$assets/"
cp node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css "$assets/"
{
  echo "Licences of the npm packages in moment.min.js, vis-data.min.js and vis-timeline-graph2d.min.js."
  echo "Versions: see web/package-lock.json."
  for dir in node_modules/* node_modules/@*/*; do
    [ -f "$dir/package.json" ] || continue
    case "$dir" in node_modules/@knight-lab/*|node_modules/@types/*|node_modules/commander) continue ;; esac
    name=$(node -p "require('./$dir/package.json').name")
    version=$(node -p "require('./$dir/package.json').version")
    license=$(node -p "JSON.stringify(require('./$dir/package.json').license || '')")
    echo
    echo "================================================================"
    echo "$name $version — $license"
    echo "================================================================"
    for f in "$dir"/LICEN[CS]E* "$dir"/license*; do
      [ -f "$f" ] && { echo "--- $(basename "$f")"; cat "$f"; }
    done
  done
} > "$assets/THIRD-PARTY-LICENSES.txt"
cp node_modules/@knight-lab/timelinejs/dist/js/timeline.js node_modules/@knight-lab/timelinejs/dist/js/timeline.js.LICENSE.txt "$tljs/"
mkdir -p "$tljs/css"
cp node_modules/@knight-lab/timelinejs/dist/css/timeline.css "$tljs/"
cp -r node_modules/@knight-lab/timelinejs/dist/css/icons "$tljs/css/"
cp node_modules/@knight-lab/timelinejs/LICENSE "$tljs/LICENSE"
echo "copied into $assets and $tljs"
