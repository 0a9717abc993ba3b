#!/usr/bin/env bash
# azurite-stop.sh DIR: stops the Azurite that azurite-start.sh DIR started (by its own PID only).
set -uo pipefail
[ $# = 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
f=$1/azurite.pid
[ -s "$f" ] || exit 0
pid=$(cat "$f")
# only our process: its command line names this DIR
if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$(cd "$1" && pwd)/data"; then
  kill -TERM "$pid"
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  echo "azurite-stop.sh: stopped Azurite (pid $pid)" >&2
fi
rm -f "$f"
