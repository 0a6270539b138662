#!/usr/bin/env bash
# The JAX-RS request filter's cost on the reference deployment (Open Liberty, loopback), measured with wrk:
# alternating rounds with the filter tracking GET /api/agents and with /api on its skip list.
# Run from the repository root after `mvn -B -DskipTests install`:  bash it/bench/filter-overhead.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
DURATION=${DURATION:-20s}
ROUNDS=${ROUNDS:-3}
URL=http://127.0.0.1:9080/api/agents

round() { # label, skip paths
  AUTOMAGIK_JAXRS_SKIP_PATHS="$2" mvn -q -B -pl server-config liberty:start >/dev/null
  for _ in $(seq 1 50); do curl -sf -o /dev/null "$URL" && break; sleep 0.2; done
  wrk -t2 -c16 -d5s "$URL" >/dev/null                       # warm-up
  local rps
  rps=$(wrk -t2 -c16 -d"$DURATION" "$URL" | awk '/Requests\/sec/ {print $2}')
  mvn -q -B -pl server-config liberty:stop >/dev/null
  echo "$1 $rps"
}

for r in $(seq 1 "$ROUNDS"); do
  round tracked "/health,/metrics,/openapi,/api/tracing"
  round skipped "/health,/metrics,/openapi,/api"
done | tee target/filter-overhead.txt
awk '{sum[$1]+=$2; n[$1]++} END {t=sum["tracked"]/n["tracked"]; s=sum["skipped"]/n["skipped"];
  printf "mean requests/s: tracked %.0f, skipped %.0f, loss %.1f %%\n", t, s, (1-t/s)*100}' target/filter-overhead.txt
