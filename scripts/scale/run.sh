#!/usr/bin/env bash
# Measure dateline at scale (docs/SCALING.md): synthesize a corpus of N
# articles from the shared T17 and Entities data (bench corpus, piped: the
# corpus is never written to disk), ingest it into a store, and time what a
# user does with it.
#
#   scripts/scale/run.sh 100k /tmp/scale/s100k.db
#   scripts/scale/run.sh 1m 'postgres://dateline:dateline@127.0.0.1/scale1m?sslmode=disable'
#
# Environment: DATELINE (the binary, default ./dateline), SHARED (default
# ../shared), SKIP_INGEST=1 to measure an existing store. Every line of the
# report goes to stdout: the command, its wall time, its peak memory.
set -euo pipefail
n=${1:?usage: run.sh N STORE}
db=${2:?usage: run.sh N STORE}
dl=${DATELINE:-./dateline}
shared=${SHARED:-../shared}
here=$(cd "$(dirname "$0")" && pwd)

# timed LABEL CMD...: run CMD, print LABEL, wall seconds and peak RSS (MB).
timed() {
	local label=$1
	shift
	local t
	t=$(mktemp)
	/usr/bin/time -f '%e %M %U %S' -o "$t" "$@" >/dev/null 2>"$t.err" || { cat "$t.err" >&2; rm -f "$t" "$t.err"; return 1; }
	read -r wall rss user sys <"$t"
	printf '%-80s %8.2f s %7.0f MB  (cpu %.1f s)\n' "$label" "$wall" "$((rss / 1024))" "$(echo "$user + $sys" | bc)"
	rm -f "$t" "$t.err"
}

echo "# $(date -u +%FT%TZ) n=$n store=${db%%\?*} load=$(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${SKIP_INGEST:-}" ]; then
	start=$(date +%s.%N)
	"$dl" bench corpus --data "$shared/data/tls/t17" --data "$shared/data/tls/entities-dev" --articles "$n" --out - 2>/dev/null |
		/usr/bin/time -f '%e %M %U %S' -o /tmp/scale-ingest.time "$dl" --db "$db" ingest -
	read -r wall rss user sys </tmp/scale-ingest.time
	printf '%-80s %8.2f s %7.0f MB  (cpu %.1f s)\n' "ingest $n" "$wall" "$((rss / 1024))" "$(echo "$user + $sys" | bc)"
fi
"$dl" --db "$db" stats >/tmp/scale-stats.txt
head -6 /tmp/scale-stats.txt

# Timelines, each twice: the first reads the store from disk, the second
# from the page cache; both are reported.
for i in 1 2; do
	timed "timeline --keywords syria,syrian --dates 20 (#$i)" \
		"$dl" --db "$db" timeline --keywords syria,syrian --dates 20
	timed "timeline --keywords syria,syrian --dates 20 --from 2011-03-15 --to 2011-12-31 (#$i)" \
		"$dl" --db "$db" timeline --keywords syria,syrian --dates 20 --from 2011-03-15 --to 2011-12-31
	timed "timeline --query 'oil spill' --from 2010-04-20 --to 2010-10-31 (#$i)" \
		"$dl" --db "$db" timeline --query "oil spill" --from 2010-04-20 --to 2010-10-31
done
"$dl" --db "$db" bench search --queries "$here/queries.txt" --repeat 5 | tail -1
