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

# pgcpu: the CPU seconds of the PostgreSQL server's processes, sampled
# every second into $1 (per process, the last reading) until killed.
pgcpu() {
	while sleep 1; do
		ps -u postgres -o pid=,times= >>"$1" 2>/dev/null || true
	done
}

echo "# $(date -u +%FT%TZ) n=$n store=$(echo "${db%%\?*}" | sed -E 's,//([^:@/]*):[^@/]*@,//\1:xxxxx@,') load=$(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${SKIP_INGEST:-}" ]; then
	samples=$(mktemp)
	case $db in postgres*)
		ps -u postgres -o pid=,times= | sed 's/^/base /' >"$samples"
		pgcpu "$samples" &
		sampler=$!
		;;
	esac
	"$dl" bench corpus --data "$shared/data/tls/t17" --data "$shared/data/tls/entities-dev" --articles "$n" --out - 2>/dev/null |
		/usr/bin/time -f '%e %M %U %S' -o /tmp/scale-ingest.time "$dl" --db "$db" ingest -
	read -r wall rss user sys </tmp/scale-ingest.time
	printf '%-80s %8.2f s %7.0f MB  (cpu %.1f s)\n' "ingest $n" "$wall" "$((rss / 1024))" "$(echo "$user + $sys" | bc)"
	if [ -n "${sampler:-}" ]; then
		kill "$sampler"
		awk '$1 == "base" {first[$2] = $3; next} {last[$1] = $2} END {for (p in last) s += last[p] - first[p]; printf "PostgreSQL server CPU during ingest: %d s\n", s}' "$samples"
	fi
	rm -f "$samples"
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
