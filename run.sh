#!/usr/bin/env bash
# run.sh: runs Minerva Import on local defaults. Installs what is missing, starts Azurite, the S3
# server (Ceph RGW with its STS role and bucket) and the standalone host on 127.0.0.1, all data under
# MINERVA_DATA (default ./.minerva, kept across runs), prints MINERVA_URL and MINERVA_API_KEY once the
# API answers, and stays in the foreground; Ctrl-C or SIGTERM stops everything it started.
#   MINERVA_PORT     API port (default 7071)
#   MINERVA_API_KEY  the local user's key (default minerva-local-key)
#   MINERVA_WORKERS  host processes sharing the work (default 1); the first serves the API on MINERVA_PORT
#
# ./run.sh --services-only: only the services of local.settings.json, for the Functions app under
# `func start` (scripts/functions-services.sh; data under MINERVA_DATA/functions), and the minerva client.
#   MINERVA_LOCAL_SETTINGS  another settings file (default ./local.settings.json)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
case "${1:-}" in "" | --services-only) ;; *) echo "usage: $0 [--services-only]" >&2; exit 2 ;; esac
DATA=${MINERVA_DATA:-$ROOT/.minerva}
PORT=${MINERVA_PORT:-7071}
KEY=${MINERVA_API_KEY:-minerva-local-key}
WORKERS=${MINERVA_WORKERS:-1}
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: MINERVA_WORKERS must be a whole number from 1, not '$WORKERS'" >&2; exit 2; }
mkdir -p "$DATA"; DATA=$(cd "$DATA" && pwd)
log() { echo "run.sh: $*" >&2; }

scripts/install.sh
if [ "${1:-}" = --services-only ]; then
  log "building the minerva client"
  dotnet build Minerva.Cli -c Release -nologo -v q -clp:ErrorsOnly
  exec scripts/functions-services.sh "${MINERVA_LOCAL_SETTINGS:-$ROOT/local.settings.json}" "$DATA/functions"
fi
log "building"
dotnet build Minerva.Host -c Release -nologo -v q -clp:ErrorsOnly
dotnet build Minerva.Cli -c Release -nologo -v q -clp:ErrorsOnly   # the client of the README walkthrough

SUPERVISORS=()
STOPPING="$DATA/run/stopping"
mkdir -p "$DATA/run"; rm -f "$STOPPING" "$DATA"/run/worker*.pid
stop_all() {
  trap - INT TERM EXIT
  log "stopping"
  touch "$STOPPING"   # the supervisors start nothing more
  local pids=()
  for f in "$DATA"/run/worker*.pid; do [ -e "$f" ] && pids+=("$(cat "$f")"); done
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  for pid in "${SUPERVISORS[@]}"; do wait "$pid" 2>/dev/null || true; done
  scripts/azurite-stop.sh "$DATA/azurite" || true
  scripts/s3-stop.sh "$DATA/s3" || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/azurite-start.sh "$DATA/azurite" >/dev/null
# bluestore keeps objects on disk, so a second start still has them (memstore keeps them in RAM).
S3_OSD_STORE=bluestore S3_BUCKETS=minerva scripts/s3-start.sh "$DATA/s3" >/dev/null
eval "$(cat "$DATA/azurite/env")"
. "$DATA/s3/env"

export AzureWebJobsStorage="$AZURE_STORAGE_CONNECTION_STRING"
export S3__Endpoint="$S3_ENDPOINT" S3__Region="$S3_REGION" S3__Bucket=minerva
export S3__AccessKey="$S3_ACCESS_KEY" S3__SecretKey="$S3_SECRET_KEY" S3__StsRoleArn="$S3_STS_ROLE_ARN"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1
# Every worker is the same host on the same task hub; the first is the API users call, the others take their share
# of the orchestrations and region activities (they listen on a free loopback port nobody needs to know).
# supervise I: runs worker I and starts it again whenever it dies (a crash, a kill -9), under the same name, so it
# takes its partitions back at once and the imports it was building go on; one that dies within 10 s of its start
# is not started again (a setting or a port that cannot work) and stops everything.
supervise() {
  local i=$1 urls hostlog started rc
  if [ "$i" = 1 ]; then urls="http://127.0.0.1:$PORT" hostlog="$DATA/host.log"; else urls="http://127.0.0.1:0" hostlog="$DATA/worker$i.log"; fi
  while [ ! -e "$STOPPING" ]; do
    started=$(date +%s)
    # env, not export: a key may hold characters a shell variable name cannot.
    env "Minerva__ApiKeys__$KEY=local" "Minerva__WorkerId=$(hostname)-worker$i" \
      dotnet Minerva.Host/bin/Release/net10.0/Minerva.Host.dll --urls "$urls" >>"$hostlog" 2>&1 &
    echo $! >"$DATA/run/worker$i.pid"
    rc=0; { wait $!; } 2>/dev/null || rc=$?   # braces and 2>/dev/null: no "Killed" line from the shell
    [ -e "$STOPPING" ] && return 0
    if (( $(date +%s) - started < 10 )); then log "worker $i exited ($rc) right after its start; see $hostlog"; return 1; fi
    log "worker $i exited ($rc); starting it again (see $hostlog)"
  done
}
for i in $(seq "$WORKERS"); do
  supervise "$i" &
  SUPERVISORS+=($!)
done
URL="http://127.0.0.1:$PORT"
for _ in $(seq 600); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $KEY" "$URL/repository" || true)
  [ "$code" = 200 ] && break
  kill -0 "${SUPERVISORS[0]}" 2>/dev/null || { log "the host exited; see $DATA/host.log"; tail -20 "$DATA/host.log" >&2; exit 1; }
  sleep 0.2
done
[ "$code" = 200 ] || { log "the API did not answer within 120 s; see $DATA/host.log"; exit 1; }
echo "MINERVA_URL=$URL"
echo "MINERVA_API_KEY=$KEY"
log "running with $WORKERS worker(s) (logs: $DATA/host.log); Ctrl-C stops"
wait -n "${SUPERVISORS[@]}" || true
log "a worker could not be started again; see $DATA/host.log"
