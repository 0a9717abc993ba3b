#!/usr/bin/env bash
# azurite-start.sh DIR [BLOB_PORT QUEUE_PORT TABLE_PORT]
#
# Starts Azurite (from this repo's node_modules, pinned in package.json) on 127.0.0.1 in the
# background, with its data under DIR (kept across restarts). Without ports it picks free ones
# (a restart of DIR reuses the ports it had). Prints AZURE_STORAGE_CONNECTION_STRING=... once all
# three services answer, and writes it to DIR/env. Stop with: azurite-stop.sh DIR
set -euo pipefail
[ $# = 1 ] || [ $# = 4 ] || { echo "usage: $0 DIR [BLOB_PORT QUEUE_PORT TABLE_PORT]" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"; D=$(cd "$1" && pwd)
die() { echo "azurite-start.sh: ERROR: $*" >&2; exit 1; }
[ -x "$ROOT/node_modules/.bin/azurite" ] || die "Azurite is not installed: run scripts/install.sh"

# alive: the pid in azurite.pid is a live Azurite of this DIR (not a pid the system has since given to another process).
alive() {
  local p; [ -s "$D/azurite.pid" ] && p=$(cat "$D/azurite.pid") && [ -r "/proc/$p/cmdline" ] &&
    tr '\0' ' ' <"/proc/$p/cmdline" | grep -qF -- "$D/data"
}
if alive && [ -f "$D/env" ]; then cat "$D/env"; exit 0; fi

# running PID: the process exists and has not exited (a zombie until this script's shell reaps it).
running() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]; }

. "$ROOT/scripts/ports.sh"   # freeport, portfree (TIME_WAIT connections of a crashed run do not count as in use)
if [ $# = 4 ]; then P=("$2" "$3" "$4")
elif [ -f "$D/ports" ]; then read -r -a P <"$D/ports"
else P=("$(freeport)" "$(freeport)" "$(freeport)")
fi
for p in "${P[@]}"; do portfree "$p" || die "port $p on 127.0.0.1 is already in use (another process listens on it)"; done
echo "${P[*]}" >"$D/ports"

# --skipApiVersionCheck: the Azure SDKs may be newer than this Azurite; --loose: tolerate unknown headers.
setsid "$ROOT/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
  --location "$D/data" --debug "$D/debug.log" \
  --blobHost 127.0.0.1 --blobPort "${P[0]}" --queueHost 127.0.0.1 --queuePort "${P[1]}" \
  --tableHost 127.0.0.1 --tablePort "${P[2]}" >"$D/azurite.log" 2>&1 </dev/null &
echo $! >"$D/azurite.pid"

for _ in $(seq 300); do
  up=1; for p in "${P[@]}"; do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || up=0; done
  [ $up = 1 ] && break
  # Not `alive`: until the forked shell has exec'd Azurite its command line does not name the data folder yet.
  running "$(cat "$D/azurite.pid")" || die "Azurite exited, see $D/azurite.log"
  sleep 0.1
done
[ $up = 1 ] || die "Azurite did not answer within 30 s, see $D/azurite.log"

KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
echo "AZURE_STORAGE_CONNECTION_STRING=\"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:${P[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${P[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${P[2]}/devstoreaccount1;\"" >"$D/env"
cat "$D/env"
