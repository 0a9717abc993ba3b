#!/usr/bin/env bash
# stop.sh DIR [--purge]
#
# Stops the daemons that start.sh DIR started, and only those: each pid comes from DIR/run/*.pid
# and is signalled only if its command line still names DIR/ceph.conf (guards against pid reuse).
# Order: radosgw, OSD, monitor; SIGTERM, then SIGKILL after 15 s.
# --purge: kill at once (the data is being thrown away) and remove DIR.
set -uo pipefail
[ $# -ge 1 ] && [ $# -le 2 ] && { [ $# = 1 ] || [ "$2" = --purge ]; } || { echo "usage: $0 DIR [--purge]" >&2; exit 2; }
[ -d "$1" ] || { echo "s3-stop.sh: $1 does not exist, nothing to stop" >&2; exit 0; }
D=$(cd "$1" && pwd)
PURGE=0; [ "${2:-}" = --purge ] && PURGE=1
[ ! -f "$D/ceph.conf" ] && [ -n "$(ls -A "$D")" ] && { echo "s3-stop.sh: $D is not an s3 state dir" >&2; exit 1; }

ours() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "-c $D/ceph.conf "; }

rc=0
for n in client.rgw.a osd.0 mon.a; do
  f=$D/run/$n.pid
  [ -s "$f" ] || continue
  pid=$(cat "$f")
  if ours "$pid"; then
    if [ $PURGE = 1 ]; then kill -KILL "$pid"; else kill -TERM "$pid"; fi
    for _ in $(seq 150); do ours "$pid" || break; sleep 0.1; done
    if ours "$pid"; then
      echo "s3-stop.sh: $n (pid $pid) ignored SIGTERM for 15 s, sending SIGKILL" >&2
      kill -KILL "$pid"; sleep 0.5
      ours "$pid" && { echo "s3-stop.sh: could not stop $n (pid $pid)" >&2; rc=1; }
    fi
    echo "s3-stop.sh: stopped $n (pid $pid)" >&2
  fi
  rm -f "$f"
done

if [ $PURGE = 1 ] && [ $rc = 0 ]; then rm -rf "$D" && echo "s3-stop.sh: removed $D" >&2; fi
exit $rc
