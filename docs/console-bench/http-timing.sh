#!/usr/bin/env bash
# End-to-end times of the console's pages over HTTP, as a browser gets them: logs in once (the example
# uses BASIC; Liberty answers with an LtpaToken2 and a JSESSIONID cookie), then sends only the cookies.
# Per page: WARMUP requests not counted, then RUNS timed ones (curl's time_total: connect, request,
# the page rendered by Faces with its queries, the whole body read); prints each time and the median.
#
#   docs/console-bench/http-timing.sh [base-url] [runs]      default http://localhost:9090, 7 runs
#   env: TASKQ_CONSOLE_USER / TASKQ_CONSOLE_PASSWORD (default admin / admin, the example's user), WARMUP (default 3)
#
# The time range of the pending page is [now - 6 h, now - 3 h) in whole UTC hours, as queries.sql binds it.
set -euo pipefail

base=${1:-http://localhost:9090}
runs=${2:-7}
warmup=${WARMUP:-3}
user=${TASKQ_CONSOLE_USER:-admin}
password=${TASKQ_CONSOLE_PASSWORD:-admin}

jar=$(mktemp)
body=$(mktemp)
trap 'rm -f "$jar" "$body"' EXIT

code=$(curl -sS -o /dev/null -w '%{http_code}' -u "$user:$password" -c "$jar" -b "$jar" "$base/taskq/")
if [ "$code" != 200 ] || ! grep -q LtpaToken2 "$jar"; then
    echo "login as $user failed (HTTP $code)" >&2
    exit 1
fi

hour=$(( $(date -u +%s) / 3600 * 3600 ))
from=$(date -u -d "@$(( hour - 6 * 3600 ))" +%Y-%m-%dT%H:%M)
to=$(date -u -d "@$(( hour - 3 * 3600 ))" +%Y-%m-%dT%H:%M)

pages=(
    "summary|/taskq/"
    "failed, name + queue, newest first, page 1|/taskq/group.xhtml?group=failed&queue=queue2&name=Task7.run&sort=desc&page=1"
    "pending, queue + time range, oldest first, page 3|/taskq/group.xhtml?group=pending&queue=queue3&from=$from&to=$to&sort=asc&page=3"
)

echo "$(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(uptime | sed 's/.*load/load/'), $warmup warm-up + $runs timed requests per page"
for entry in "${pages[@]}"; do
    label=${entry%%|*}
    path=${entry#*|}
    for _ in $(seq "$warmup"); do
        curl -sS -o /dev/null -c "$jar" -b "$jar" "$base$path"
    done
    times=()
    for _ in $(seq "$runs"); do
        out=$(curl -sS -o "$body" -c "$jar" -b "$jar" -w '%{http_code} %{time_total} %{size_download}' "$base$path")
        read -r code seconds size <<< "$out"
        if [ "$code" != 200 ]; then
            echo "$label: HTTP $code for $path" >&2
            exit 1
        fi
        times+=("$(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }')")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
    # what the page showed: "first–last of total" on a group page; on any page, its table rows
    shown=$(tr -d '\n' < "$body" | grep -o 'id="range">[^<]*' | sed 's/.*>//; s/ *$//' || true)
    rows=$(( $(grep -o '<tr' "$body" | wc -l) - 1 ))
    shown="${shown:+$shown, }$rows rows in the table"
    echo "$label: median ${median} ms  (${times[*]} ms; $size bytes; $shown)"
    echo "  $base$path"
done
