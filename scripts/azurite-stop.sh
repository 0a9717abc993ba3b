#!/usr/bin/env bash
# azurite-stop.sh DIR: stops the Azurite that azurite-start.sh DIR started (by its own PID only).
set -uo pipefail
[ $# = 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
f=$1/azurite.pid
[ -s "$f" ] || exit 0
pid=$(cat "$f")
# only our process: its command line names this DIR
if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$(cd "$1" && pwd)/data"; then
  # On SIGTERM Azurite saves its data and says each service "successfully closed", but connections clients keep open
  # hold the process up. SIGKILL once all three closed loses nothing; before that it loses the changes Azurite has
  # not saved yet (its autosave runs every 5 s): deleted queue messages come back.
  closed() { grep -c 'successfully closed' "$1/azurite.log" 2>/dev/null || true; }
  before=$(closed "$1")
  kill -TERM "$pid"
  for _ in $(seq 300); do
    kill -0 "$pid" 2>/dev/null || break
    [ "$(closed "$1")" -ge $((before + 3)) ] && break
    sleep 0.1
  done
  [ "$(closed "$1")" -ge $((before + 3)) ] || echo "azurite-stop.sh: Azurite (pid $pid) did not close within 30 s: its last changes may be lost" >&2
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  echo "azurite-stop.sh: stopped Azurite (pid $pid)" >&2
fi
rm -f "$f"
