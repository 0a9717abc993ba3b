#!/usr/bin/env bash
# Benchmark (not a test): the import of a file through the service against `minerva tile` on the same file, in one run.
# Starts Azurite and the S3 server (Ceph RGW on bluestore, as run.sh does) in a temp dir, then for each case starts
# N standalone host processes on one fresh task hub (the first serves the API), warms them with a small import, then
# imports the file as a user does (POST /import, upload with the temporary credentials, PUT complete;
# bench/service_import.py) and prints the phases, the ratio to `minerva tile` and each worker's peak RSS.
#   bench/service.sh            all cases: 512 MB default, 3.2 GB default, many regions, 1 vs 2 workers
#   bench/service.sh quick [Setting=Value ...]   the 512 MB case only, with extra host settings (to try some)
#   bench/service.sh many       the 512 MB case, then with 256-px chunks and 1 MiB regions
#   bench/service.sh workers    the 512 MB case, then many regions on 1 and on 2 workers of one activity each
#   bench/service.sh large [Setting=Value ...]   the 3.2 GB case only
#   bench/service.sh pinned     the 512 MB case with the host on core 0 and the S3 server and Azurite on core 1, against
#                               `minerva tile` on core 0: what the service costs over its engine when S3 is elsewhere
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
out="$here/out"
mkdir -p "$out"
cases=${1:-all}
extra=("${@:2}")

"$repo/scripts/install.sh"
# boto3 uploads as a user's script would.
if ! /usr/bin/python3 -c 'import boto3' 2>/dev/null; then
  SUDO=""; [[ "$(id -u)" = 0 ]] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-boto3 >/dev/null
fi
echo "Building (Release)..."
dotnet build -c Release "$repo/Minerva.Host/Minerva.Host.csproj" -nologo -v q -clp:ErrorsOnly
dotnet build -c Release "$repo/Minerva.Cli/Minerva.Cli.csproj" -nologo -v q -o "$out/minerva-bin" -clp:ErrorsOnly
minerva="$out/minerva-bin/minerva"
host="$repo/Minerva.Host/bin/Release/net10.0/Minerva.Host.dll"

run=$(mktemp -d /tmp/minerva-bench.XXXXXX)
workers=()
pin=()   # a command the hosts start under (taskset), for the pinned case
stop_workers() {
  for pid in "${workers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${workers[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  workers=()
}
cleanup() {
  stop_workers
  "$repo/scripts/azurite-stop.sh" "$run/azurite" >/dev/null 2>&1 || true
  "$repo/scripts/s3-stop.sh" "$run/s3" --purge >/dev/null 2>&1 || true
  rm -rf "$run"
}
trap cleanup EXIT

"$repo/scripts/azurite-start.sh" "$run/azurite" >/dev/null
S3_OSD_STORE=bluestore S3_BUCKETS=minerva "$repo/scripts/s3-start.sh" "$run/s3" >/dev/null 2>&1
eval "$(cat "$run/azurite/env")"
. "$run/s3/env"
key=bench-key
hub=0

# start_workers N [Setting=Value ...]: N host processes on a fresh task hub; sets $url (the first one's API).
start_workers() {
  local n=$1; shift
  hub=$((hub + 1))
  local settings=(--Minerva:TaskHub="bench${hub}x$$" "--Minerva:ApiKeys:$key=bench")
  for s in "$@"; do settings+=("--$s"); done
  for i in $(seq "$n"); do
    local port
    port=$(/usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
    AzureWebJobsStorage="$AZURE_STORAGE_CONNECTION_STRING" S3__Endpoint="$S3_ENDPOINT" S3__Region="$S3_REGION" \
      S3__Bucket=minerva S3__AccessKey="$S3_ACCESS_KEY" S3__SecretKey="$S3_SECRET_KEY" S3__StsRoleArn="$S3_STS_ROLE_ARN" \
      Logging__LogLevel__Default=Warning \
      "${pin[@]}" dotnet "$host" --urls "http://127.0.0.1:$port" "${settings[@]}" >>"$run/worker$i.log" 2>&1 &
    workers+=($!)
    [[ $i = 1 ]] && url="http://127.0.0.1:$port"
    for _ in $(seq 300); do
      [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $key" "http://127.0.0.1:$port/repository")" = 200 ]] && break
      sleep 0.2
    done
  done
}

# peak_rss: each worker's peak resident memory in MB.
peak_rss() {
  for pid in "${workers[@]}"; do awk '/VmHWM/ { printf "%d ", $2 / 1024 }' "/proc/$pid/status"; done
}

input() {
  local size=$1 file="$out/c4-$1.ome.tif"
  [[ -f "$file" ]] || /usr/bin/python3 "$here/generate.py" "$file" 4 "$size"
  echo "$file"
}

tile_seconds() {
  rm -rf "$out/bench.zarr"
  local t0; t0=$(date +%s.%N)
  "$minerva" tile "$1" "$out/bench.zarr" >/dev/null 2>&1
  rm -rf "$out/bench.zarr"
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
}

# import_case LABEL FILE N [Setting=Value ...]: prints the import's phases; sets $last (its seconds) and $result (its
# JSON line) for the ratios the caller prints.
import_case() {
  local label=$1 file=$2 n=$3; shift 3
  start_workers "$n" "$@"
  # A running service's workers have imported before: one small import first, so the measured one does not pay
  # for compiling the code (1.5–2 CPU-seconds on a fresh worker).
  /usr/bin/python3 "$here/service_import.py" "$url" "$key" "$(input 4000)" >/dev/null
  cat "$file" >/dev/null
  local s3pids; s3pids=$(cat "$run"/s3/run/*.pid | paste -sd,)
  result=$(/usr/bin/python3 "$here/service_import.py" "$url" "$key" "$file" \
    "hosts=$(IFS=,; echo "${workers[*]}")" "s3=$s3pids" "azurite=$(cat "$run/azurite/azurite.pid")")
  local rss; rss=$(peak_rss)
  stop_workers
  local complete; complete=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])["complete_s"])' "$result")
  printf '%-34s workers %d  PUT complete -> Complete %7.2f s  peak RSS MB: %s\n' "$label" "$n" "$complete" "$rss"
  echo "    $result"
  last=$complete
}

echo
if [[ $cases != large && $cases != pinned ]]; then
  small=$(input 8000)
  tile_small=$(tile_seconds "$small")
  echo "minerva tile 4x8000x8000 uint16 (512 MB raw): $tile_small s"
  import_case "512 MB, defaults ${extra[*]}" "$small" 1 "${extra[@]}"
  default_small=$last
  awk -v i="$last" -v t="$tile_small" 'BEGIN { printf "    import / tile = %.2f\n", i / t }'
fi
[[ $cases = quick ]] && exit 0
many=(Minerva:Tiling:ChunkSize=256 Minerva:Tiling:RegionBytes=1048576)
if [[ $cases = all || $cases = many ]]; then
  # 1092 regions; by default an activity builds a run of them worth ActivityBytes, then one region per activity.
  import_case "512 MB, 256-px chunks, 1 MiB regions" "$small" 1 "${many[@]}"
  awk -v i="$last" -v d="$default_small" 'BEGIN { printf "    many regions / default import = %.2f\n", i / d }'
  import_case "  the same, 1 region per activity" "$small" 1 "${many[@]}" Minerva:Tiling:ActivityBytes=1048576
  awk -v i="$last" -v d="$default_small" 'BEGIN { printf "    many regions / default import = %.2f\n", i / d }'
fi

# Scale-out on one machine: each worker does one region at a time (one region per activity, one activity at a time),
# as if each were one core of a larger machine; 1092 activities, as a 50-200 GB image yields at the default sizes.
one_each=("${many[@]}" Minerva:Tiling:ActivityBytes=1048576 Minerva:MaxConcurrentActivities=1)
if [[ $cases = all || $cases = workers ]]; then
  import_case "many regions, 1 region at a time" "$small" 1 "${one_each[@]}"
  one=$last
  import_case "many regions, 1 region at a time" "$small" 2 "${one_each[@]}"
  awk -v one="$one" -v two="$last" 'BEGIN { printf "    2 workers are %.2fx as fast as 1\n", one / two }'
  import_case "512 MB, 1 activity at a time" "$small" 1 Minerva:MaxConcurrentActivities=1
  one=$last
  import_case "512 MB, 1 activity at a time" "$small" 2 Minerva:MaxConcurrentActivities=1
  awk -v one="$one" -v two="$last" 'BEGIN { printf "    2 workers are %.2fx as fast as 1\n", one / two }'
fi
if [[ $cases = all || $cases = large ]]; then
  large=$(input 20000)
  tile_large=$(tile_seconds "$large")
  echo "minerva tile 4x20000x20000 uint16 (3.2 GB raw): $tile_large s"
  import_case "3.2 GB, defaults ${extra[*]}" "$large" 1 "${extra[@]}"
  awk -v i="$last" -v t="$tile_large" 'BEGIN { printf "    import / tile = %.2f\n", i / t }'
fi
[[ $cases = all || $cases = pinned ]] || exit 0

# S3 elsewhere, as on Azure: on these 2 cores the S3 server and Azurite take core 1, the host and `minerva tile` core 0.
# The import is then bound by core 1 (how busy it was is printed); the host's CPU against the engine's is what the
# service costs over its engine. Last, because the services stay pinned.
small=$(input 8000)
for pid in $(cat "$run"/s3/run/*.pid) "$(cat "$run/azurite/azurite.pid")"; do taskset -a -p -c 1 "$pid" >/dev/null; done
pin=(taskset -c 0)
rm -rf "$out/bench.zarr"
/usr/bin/time -o "$run/tile.time" -f "%e %U %S" taskset -c 0 "$minerva" tile "$small" "$out/bench.zarr" >/dev/null 2>&1
tile_cpu=$(cat "$run/tile.time")
rm -rf "$out/bench.zarr"
echo "minerva tile 4x8000x8000 uint16 on core 0: $(awk '{ printf "%.2f s, %.2f CPU-s", $1, $2 + $3 }' <<<"$tile_cpu")"
import_case "512 MB, host on core 0, S3 on core 1" "$small" 1
/usr/bin/python3 - "$result" "$tile_cpu" <<'PY'
import json, sys
r, (wall, user, system) = json.loads(sys.argv[1]), map(float, sys.argv[2].split())
cpu = r["cpu_s"]
print(f"    import / tile = {r['complete_s'] / wall:.2f}; host CPU / tile CPU = {cpu['hosts'] / (user + system):.2f}; "
      f"core 1 (S3 server, Azurite) busy {100 * (cpu['s3'] + cpu['azurite']) / r['complete_s']:.0f} %")
PY
