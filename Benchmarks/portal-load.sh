#!/usr/bin/env bash
# Page latency of the portal with 50 concurrent users while a national-scale plan job runs.
# Usage: Benchmarks/portal-load.sh [BINARY]   (make loadtest: a release build first)
# Bounded: DURATION of load (default 30s), then at most JOB_WAIT seconds for the job to end.
# THINK_MS: each of the CONNECTIONS users pauses this long after each page (0: no pause, saturation).
set -euo pipefail
BIN=${1:-.build/release/skillplan}
SCALE=${SCALE:-national}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
JOB_WAIT=${JOB_WAIT:-900}
cd "$(dirname "$0")/.."
WORK=$(mktemp -d /tmp/skillplan-load.XXXXXX)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$BIN" synth --scale "$SCALE" --seed 2026 --out "$WORK/scenario" >/dev/null 2>&1
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
"$BIN" serve --demo --db "$WORK/portal.sqlite" --port "$PORT" --scenario "$WORK/scenario" \
  --curricula "$WORK/scenario/Curricula" --work "$WORK/work" --draws 200 >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do curl -sf "$URL/sign-in" -o /dev/null && break; sleep 0.5; done
curl -sf "$URL/sign-in" -o /dev/null || { cat "$WORK/serve.log"; exit 1; }

# Signs in (the form's CSRF token first) and prints the session cookie.
sign_in() {
  local jar="$WORK/$1.jar" csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$URL/sign-in" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | cut -d'"' -f4)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "email=$2" \
    --data-urlencode "password=$3" --data-urlencode "next=/rounds" "$URL/sign-in"
  echo "skillplan_session=$(awk '$6 == "skillplan_session" { print $7 }' "$jar")"
}
export FUND ENTERPRISE INSTITUTION JOB THINK_MS
THINK_MS=${THINK_MS:-0}
FUND=$(sign_in fund fund@demo.skillplan.vn demo-fund-2026)
ENTERPRISE=$(sign_in enterprise enterprise@demo.skillplan.vn demo-enterprise-2026)
INSTITUTION=$(sign_in institution institution@demo.skillplan.vn demo-institution-2026)

# The fund closes the demo round and starts the plan.
csrf=$(curl -s -b "$FUND" "$URL/rounds/1" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | cut -d'"' -f4)
curl -s -o /dev/null -b "$FUND" --data-urlencode "csrf=$csrf" "$URL/rounds/1/close"
if [ "${NO_JOB:-0}" = 1 ]; then
  JOB=0
  echo "no plan job (NO_JOB=1); load: $CONNECTIONS connections for $DURATION"
else
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$FUND" --data-urlencode "csrf=$csrf" "$URL/rounds/1/jobs")
  JOB=${location##*/}
  echo "plan job $JOB started on the $SCALE scenario; load: $CONNECTIONS connections for $DURATION"
  sleep 5  # past the merge, into the pipeline
fi

wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s Benchmarks/portal-pages.lua "$URL"
[ "$JOB" = 0 ] && exit 0
status=$(curl -s -b "$FUND" "$URL/rounds/1/jobs/$JOB/progress")
echo "job after the load: $status"
for _ in $(seq 1 "$JOB_WAIT"); do
  status=$(curl -s -b "$FUND" "$URL/rounds/1/jobs/$JOB/progress")
  case "$status" in *'"status":"running"'*) sleep 1 ;; *) break ;; esac
done
echo "job at the end: $status"
