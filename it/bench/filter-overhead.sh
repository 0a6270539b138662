#!/usr/bin/env bash
# The JAX-RS request filter's cost on the reference deployment (Open Liberty, loopback), measured with wrk in
# one server run: GET .../a1 is tracked (server span, traceparent on the response, one api.request telemetry
# event); GET .../b1, served by the same resource method, is on the filter's skip list; and GET /nofilter/.../a1
# goes to a second copy of the same WAR deployed beside it with the filter's class deleted from its
# tracing-jaxrs JAR ("without the filter"). Rounds rotate the order of the three so drift cancels. Telemetry goes to a receiver in another process, as it
# would to a collector off the box. Run from the repository root after `mvn -B -DskipTests install`:
#   bash it/bench/filter-overhead.sh            (ROUNDS=8 DURATION=10s by default)
# TELEMETRY=false runs the same rounds with telemetry off and no observability provider: the filter still
# finds the route, but records no span, sends no event and adds no traceparent (what those cost, by difference).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
DURATION=${DURATION:-10s}
TELEMETRY=${TELEMETRY:-true}
ROUNDS=${ROUNDS:-8}
BASE=http://127.0.0.1:9080
# SHAPE=root: a root resource method (GET /api/demo/echo/{word}); SHAPE=sub: a sub-resource locator
# (GET /api/demo/items/{id}), whose route template is rebuilt from the path parameters on every request
case "${SHAPE:-root}" in
  root) ROUTE=/api/demo/echo ;;
  sub) ROUTE=/api/demo/items ;;
  *) echo "SHAPE is root or sub" >&2; exit 2 ;;
esac
TRACKED=$BASE$ROUTE/a1
SKIPPED=$BASE$ROUTE/b1
WITHOUT=$BASE/nofilter$ROUTE/a1
SINK_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HOME_DIR=$(mktemp -d)
OUT=it/target/filter-overhead.txt
mkdir -p it/target

# TCP_NODELAY as a collector's server sets it (Go's net/http does): without it the JDK server writes its answer's
# headers and body in two pieces and the second waits ~40 ms for the exporter's delayed ACK, which capped the
# export at ~23 requests/s per worker (three quarters of the events were dropped in the earlier runs)
java -Xmx128m -Dsun.net.httpserver.nodelay=true it/bench/TelemetrySink.java "$SINK_PORT" > it/target/telemetry-sink.txt &
SINK=$!
SERVER_DIR=server-config/target/liberty/wlp/usr/servers/automagikServer
OVERRIDES=$SERVER_DIR/configDropins/overrides
APPS=$SERVER_DIR/apps
cleanup() {
  mvn -q -B -pl server-config liberty:stop >/dev/null 2>&1 || true
  rm -f "$OVERRIDES/filter-bench-executor.xml" "$OVERRIDES/filter-bench-nofilter.xml" "$APPS/automagik-sample-nofilter.war"
  kill "$SINK" 2>/dev/null || true
  wait "$SINK" 2>/dev/null || true
  rm -rf "$HOME_DIR"
}
trap cleanup EXIT

export AUTOMAGIK_HOME=$HOME_DIR AUTOMAGIK_TELEMETRY_ENABLED=$TELEMETRY AUTOMAGIK_ADMIN_PASSWORD=bench-only-password \
  AUTOMAGIK_TELEMETRY_ENDPOINT=http://127.0.0.1:$SINK_PORT/v1/traces \
  AUTOMAGIK_JAXRS_SKIP_PATHS=/health,/metrics,/openapi,/api/tracing,/VAADIN,/static,/favicon.ico,$ROUTE/b1
# a fixed executor: Liberty's pool controller resizes the pool every few seconds, which moved the CPU per
# request by up to a factor of two between rounds of the same URL
mkdir -p "$OVERRIDES"
cat > "$OVERRIDES/filter-bench-executor.xml" <<XML
<server><executor coreThreads="${EXECUTOR_THREADS:-8}" maxThreads="${EXECUTOR_THREADS:-8}"/></server>
XML
mvn -q -B -pl server-config liberty:deploy >/dev/null
# the same WAR once more, without the filter: its class deleted from the tracing-jaxrs JAR inside
python3 - "$APPS/automagik-sample.war" "$APPS/automagik-sample-nofilter.war" <<'PY'
import io, sys, zipfile
FILTER = "ai/automagik/tracing/jaxrs/ServerTracingFilter"
def copy(source, target, strip):
    removed = 0
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if strip and item.filename.startswith("WEB-INF/lib/tracing-jaxrs-"):
                inner = io.BytesIO()
                removed += copy(io.BytesIO(data), inner, False)
                data = inner.getvalue()
            elif not strip and item.filename.startswith(FILTER):
                removed += 1
                continue
            zout.writestr(item, data)
    return removed
if copy(sys.argv[1], sys.argv[2], True) == 0:
    sys.exit("the filter class was not found in the WAR's tracing-jaxrs JAR")
PY
cat > "$OVERRIDES/filter-bench-nofilter.xml" <<XML
<server><webApplication id="nofilter" location="automagik-sample-nofilter.war" contextRoot="/nofilter"/></server>
XML
mvn -q -B -pl server-config liberty:start >/dev/null
for url in "$TRACKED" "$WITHOUT"; do
  for _ in $(seq 1 150); do curl -sf -o /dev/null "$url" && break; sleep 0.2; done
done
if [ "$TELEMETRY" = true ]; then
  curl -sfI "$TRACKED" | grep -qi '^traceparent:' || { echo "the tracked URL returned no traceparent" >&2; exit 1; }
fi
curl -sfI "$SKIPPED" | grep -qi '^traceparent:' && { echo "the skipped URL is tracked" >&2; exit 1; }
curl -sfI "$WITHOUT" | grep -qi '^traceparent:' && { echo "the copy without the filter is tracked" >&2; exit 1; }
drained() { # the telemetry queue emptied: a tracked round's CPU includes exporting its events, none left for the next round
  [ "$TELEMETRY" = true ] || return 0
  for _ in $(seq 1 300); do
    curl -sf -u admin:bench-only-password "$BASE/api/tracing/status" | python3 -c '
import json, sys
p = json.load(sys.stdin)["providers"][0]["pipeline"]
sys.exit(0 if p["queueSize"] + p["inFlight"] == 0 else 1)' && return 0
    sleep 0.2
  done
  echo "the telemetry queue did not drain within 60 s" >&2
}
for _ in $(seq 1 "${WARMUP:-5}"); do        # warm-up: the JIT keeps improving Liberty for minutes
  wrk -t2 -c16 -d15s "$TRACKED" >/dev/null; drained; wrk -t2 -c16 -d15s "$SKIPPED" >/dev/null
  wrk -t2 -c16 -d15s "$WITHOUT" >/dev/null
done

SERVER_PID=$(pgrep -f 'ws-server.jar' | head -1)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
# CPU ticks per group of the server's threads (request threads, tracing export, GC, JIT, the rest); a thread's
# name (cut to 15 characters) is between the parentheses of its stat line and may contain spaces
thread_ticks() {
  python3 - "$SERVER_PID" <<'PY'
import collections, os, sys
groups = collections.Counter()
base = f"/proc/{sys.argv[1]}/task"
for tid in os.listdir(base):
    try:
        line = open(f"{base}/{tid}/stat").read()
    except OSError:
        continue
    name = line[line.index("(") + 1:line.rindex(")")]
    fields = line[line.rindex(")") + 2:].split()
    group = ("request" if name.startswith("Default Execut") else "export" if name.startswith("automagik-trac")
             else "gc" if name.startswith(("GC Thread", "G1 ")) else "jit" if "Compiler" in name else "other")
    groups[group] += int(fields[11]) + int(fields[12])
print(" ".join(f"{g}={groups[g]}" for g in ("request", "export", "gc", "jit", "other")))
PY
}
measure() { # label url -> label requests/s server-CPU-µs-per-request, then CPU µs per request by thread group
  local before after out threads_before threads_after
  before=$(cpu_ticks)
  threads_before=$(thread_ticks)
  out=$(wrk -t2 -c16 -d"$DURATION" "$2")
  drained
  after=$(cpu_ticks)
  threads_after=$(thread_ticks)
  echo "$out" | awk -v label="$1" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
      -v tb="$threads_before" -v ta="$threads_after" '
    / requests in / {requests = $1}
    /Requests\/sec/ {rps = $2}
    END {
      printf "%s %s %.1f", label, rps, ticks * 1e6 / hz / requests
      n = split(tb, b, " "); split(ta, a, " ")
      for (i = 1; i <= n; i++) { split(b[i], kb, "="); split(a[i], ka, "="); printf " %s=%.1f", kb[1], (ka[2] - kb[2]) * 1e6 / hz / requests }
      printf "\n"
    }'
}
: > "$OUT"
KINDS=(tracked skipped without)
declare -A URL=([tracked]=$TRACKED [skipped]=$SKIPPED [without]=$WITHOUT)
for r in $(seq 0 $((ROUNDS - 1))); do
  # the six orders of the three, in turn: each kind runs first, second and third equally often
  case $((r % 6)) in
    0) order="0 1 2" ;; 1) order="1 2 0" ;; 2) order="2 0 1" ;; 3) order="2 1 0" ;; 4) order="0 2 1" ;; 5) order="1 0 2" ;;
  esac
  for i in $order; do
    measure "${KINDS[$i]}" "${URL[${KINDS[$i]}]}" | tee -a "$OUT"
  done
done
curl -sf -u admin:bench-only-password "$BASE/api/tracing/status" > it/target/filter-overhead-status.json || true
python3 - "$OUT" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
rps = {k: [float(r[1]) for r in rows if r[0] == k] for k in ("tracked", "skipped", "without")}
cpu = {k: [float(r[2]) for r in rows if r[0] == k] for k in ("tracked", "skipped", "without")}
def half_interval(values):  # about 95 %
    return 2.0 * statistics.stdev(values) / len(values) ** 0.5 if len(values) > 1 else float("nan")
print("mean requests/s: " + ", ".join(f"{k} {statistics.mean(v):.0f}" for k, v in rps.items()))
for kind in ("tracked", "skipped"):
    losses = [(1 - a / b) * 100 for a, b in zip(rps[kind], rps["without"])]
    extra = [a - b for a, b in zip(cpu[kind], cpu["without"])]
    print(f"{kind} against without the filter: loss per round (%) {', '.join(f'{l:.1f}' for l in losses)}")
    print(f"  loss {statistics.mean(losses):.1f} % ± {half_interval(losses):.1f} (about 95 %, {len(losses)} rounds); "
          f"server CPU per request {statistics.mean(cpu[kind]):.1f} against {statistics.mean(cpu['without']):.1f} µs, "
          f"difference {statistics.mean(extra):.1f} ± {half_interval(extra):.1f}")
groups = {k: {} for k in ("tracked", "skipped", "without")}
for r in rows:
    for item in r[3:]:
        name, value = item.split("=")
        groups[r[0]].setdefault(name, []).append(float(value))
print("server CPU per request by thread group (µs): " + "; ".join(
    f"{kind} " + ", ".join(f"{g} {statistics.mean(v):.1f}" for g, v in groups[kind].items()) for kind in groups))
PY
[ "$TELEMETRY" = true ] && python3 -c 'import json; p=json.load(open("it/target/filter-overhead-status.json"))["providers"][0]["pipeline"]; print("telemetry pipeline:", {k: p[k] for k in ("queued","processed","dropped","failed","queueSize","inFlight","batches")})' || true
