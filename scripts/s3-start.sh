#!/usr/bin/env bash
# s3-start.sh DIR [PORT]
#
# Starts a real S3 server on 127.0.0.1: a single-node Ceph cluster (1 mon, 1 OSD on
# memstore, no mgr) plus one RADOS Gateway (S3 + STS + IAM roles), all state under DIR.
# Prints S3_* lines (shell syntax) on stdout and writes them to DIR/env.
# Stop with: s3-stop.sh DIR [--purge]
#
# Optional environment:
#   S3_ACCESS_KEY / S3_SECRET_KEY   admin keys to create (default: random)
#   S3_REGION                       region clients sign with (default: us-east-1)
#   S3_STS_ROLE_NAME                role created for AssumeRole (default: s3-uploader)
#   S3_BUCKETS                      space-separated buckets to create at start
#   S3_OSD_STORE                    memstore (default: data in RAM, fastest) or bluestore
#                                   (data in a sparse 100 GiB file DIR/osd/osd.0.block, survives kill -9)
#   S3_START_TIMEOUT                seconds to wait for each step (default: 90)
set -euo pipefail

STARTED=0   # set once this run may have started daemons; die() then stops them again
die() {
  echo "s3-start.sh: ERROR: $*" >&2
  [ -d "${D:-}/log" ] && echo "s3-start.sh: logs are in $D/log" >&2
  [ $STARTED = 1 ] && "$(dirname "$0")/s3-stop.sh" "$D" >&2
  exit 1
}
log() { echo "s3-start.sh: [$(( $(date +%s%N) / 1000000 - T0 )) ms] $*" >&2; }
T0=$(( $(date +%s%N) / 1000000 ))
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 DIR [PORT]" >&2; exit 2; }
TMO=${S3_START_TIMEOUT:-90}
PY=/usr/bin/python3   # Debian's python, not a pyenv/venv one that may be first on PATH

# ---------------------------------------------------------------- 1. packages
# Install only what is missing; dpkg-query is cheap, so a second start skips apt entirely.
need=""
for p in ceph-mon ceph-osd radosgw python3-rados curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "installing:$need"
  inst() { $SUDO env DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q --no-install-recommends $need >&2; }
  inst || { $SUDO timeout 300 apt-get update -q >&2 && inst; } || die "apt-get install$need failed"
fi

# ---------------------------------------------------------------- 2. state dir
mkdir -p "$1" || die "cannot create $1"
D=$(cd "$1" && pwd)
[[ "$D" != *[[:space:]]* ]] || die "DIR must not contain spaces"
CONF=$D/ceph.conf
C="-c $CONF"

freeport() { $PY -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
# SO_REUSEADDR, as the gateway binds: a port whose last connections linger in TIME_WAIT (a restart right after a
# stop or a crash) is free; only a port something listens on is not.
portfree() { $PY -c 'import socket,sys;s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1);s.bind(("127.0.0.1",int(sys.argv[1])))' "$1" 2>/dev/null; }
# alive NAME: the pid in run/NAME.pid is a live daemon started with our ceph.conf
# (not a recycled pid, not a zombie left by a parent that does not reap).
alive() {
  local f=$D/run/$1.pid p; [ -s "$f" ] && p=$(cat "$f") && [ -r "/proc/$p/cmdline" ] &&
    tr '\0' ' ' <"/proc/$p/cmdline" | grep -qF -- "-c $D/ceph.conf "
}
if [ -f "$D/env" ] && alive mon.a && alive osd.0 && alive client.rgw.a; then
  log "already running"; cat "$D/env"; exit 0
fi
if [ -f "$CONF" ]; then
  [ -f "$D/.initialized" ] || die "$D holds a half-initialised cluster; run s3-stop.sh $D --purge first"
  FRESH=0   # restart an existing cluster with its stored config, keys and ports
  PORT=$(sed -n 's/^rgw frontends = .*:\([0-9]*\)$/\1/p' "$CONF")
  [ -z "${2:-}" ] || [ "$2" = "$PORT" ] || die "$D was created with port $PORT, not $2"
  "$(dirname "$0")/s3-stop.sh" "$D" 2>/dev/null   # leftovers of a partly crashed run, if any
else
  [ -z "$(ls -A "$D")" ] || die "$D is not empty and is not an s3 state dir"
  FRESH=1
  PORT=${2:-$(freeport)}
fi
portfree "$PORT" || die "port $PORT on 127.0.0.1 is already in use"
mkdir -p "$D"/{run,log,mon,osd/osd.0,crash}

# ---------------------------------------------------------------- 3. config (fresh only)
if [ $FRESH = 1 ]; then
  MON_PORT=$(freeport)
  FSID=$(cat /proc/sys/kernel/random/uuid)
  rnd() { $PY -c 'import secrets,string as s,sys;a={"U":s.ascii_uppercase+s.digits,"M":s.ascii_letters+s.digits,"L":s.ascii_lowercase+s.digits}[sys.argv[1]];print("".join(secrets.choice(a) for _ in range(int(sys.argv[2]))))' "$1" "$2"; }
  AK=${S3_ACCESS_KEY:-$(rnd U 20)}
  SK=${S3_SECRET_KEY:-$(rnd M 40)}
  STORE=${S3_OSD_STORE:-memstore}
  case $STORE in
    memstore)  STORE_CONF="memstore device bytes = 34359738368
osd fast shutdown = false          # save memstore contents to disk on SIGTERM" ;;
    bluestore) STORE_CONF="bluestore block create = true
bluestore block size = 107374182400   # sparse 100 GiB file
bluestore block path = $D/osd/\$name.block
bluestore cache size = 134217728
osd memory target = 939524096
bluefs buffered io = true" ;;
    *) die "S3_OSD_STORE must be memstore or bluestore" ;;
  esac
  # Loopback-only test cluster: cephx is off (S3 itself still authenticates every request).
  cat > "$CONF" <<EOF
[global]
fsid = $FSID
mon host = [v2:127.0.0.1:$MON_PORT]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc             # daemons default to 'secure', impossible without cephx
run dir = $D/run
admin socket = $D/run/\$name.asok
pid file = $D/run/\$name.pid
log file = $D/log/\$name.log
crash dir = $D/crash
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 2
mon data avail crit = 1
paxos propose interval = 0.05
[mon]
mon data = $D/mon/\$name
mon cluster log file = $D/log/cluster.log
[osd]
osd data = $D/osd/\$name
osd objectstore = $STORE
$STORE_CONF
[client]
rgw sts key = $(rnd L 16)
rgw s3 auth use sts = true
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$PORT
rgw thread pool size = 64
EOF
fi

# wait_for DAEMON DESCRIPTION COMMAND... : poll COMMAND until it succeeds, while DAEMON lives
wait_for() {
  local dmn=$1 what=$2; shift 2; local end=$(( $(date +%s) + TMO ))
  until "$@" >/dev/null 2>&1; do
    alive "$dmn" || die "$dmn exited while waiting for $what (see $D/log/$dmn.log)"
    [ "$(date +%s)" -lt "$end" ] || die "timed out after ${TMO}s waiting for $what"
    sleep 0.1
  done
}
run() { timeout "$TMO" "$@" || die "failed ($?): $*"; }

# ---------------------------------------------------------------- 4. monitor
if [ $FRESH = 1 ]; then
  run monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT]" "$D/monmap" >/dev/null
  timeout "$TMO" ceph-mon $C --mkfs -i a --monmap "$D/monmap" >"$D/log/mon-mkfs.log" 2>&1 ||
    die "ceph-mon --mkfs failed, see $D/log/mon-mkfs.log"
fi
STARTED=1
run ceph-mon $C -i a          # daemonizes, writes run/mon.a.pid
wait_for mon.a "the monitor" timeout 10 ceph $C --connect-timeout 5 mon stat
log "mon up"

# ---------------------------------------------------------------- 5. OSD
if [ $FRESH = 1 ]; then
  OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
  [ "$(run ceph $C osd new "$OSD_UUID")" = 0 ] || die "ceph osd new did not return id 0"
  timeout "$TMO" ceph-osd $C -i 0 --mkfs --osd-uuid "$OSD_UUID" >"$D/log/osd-mkfs.log" 2>&1 ||
    die "ceph-osd --mkfs failed, see $D/log/osd-mkfs.log"
fi
timeout "$TMO" ceph-osd $C -i 0 2>>"$D/log/osd.0.stderr" || die "ceph-osd failed to start, see $D/log/osd.0.log"
osd_up() { ceph $C osd stat | grep -q ' 1 up'; }
wait_for osd.0 "osd.0 to be up" osd_up
log "osd up"

# ---------------------------------------------------------------- 6. RGW pools, zone, admin user (fresh only)
if [ $FRESH = 1 ]; then
  # Pre-create the RGW pools in one process: much faster than RGW creating them lazily
  # (first bucket / first PUT / first multipart would each stall ~2 s).
  run $PY - "$CONF" <<'EOF'
import json, sys, rados
c = rados.Rados(conffile=sys.argv[1]); c.connect(timeout=30)
for p in [".rgw.root", "default.rgw.control", "default.rgw.meta", "default.rgw.log",
          "default.rgw.buckets.index", "default.rgw.buckets.data", "default.rgw.buckets.non-ec",
          "default.rgw.archive.data"]:
    for cmd in ({"prefix": "osd pool create", "pool": p, "pg_num": 8, "autoscale_mode": "off"},
                {"prefix": "osd pool application enable", "pool": p, "app": "rgw"}):
        r, out, err = c.mon_command(json.dumps(cmd), b"")
        if r != 0: sys.exit("%s: %s" % (cmd, err))
c.shutdown()
EOF
  log "pools created"
  RA="run radosgw-admin $C"
  $RA user create --uid admin --display-name "S3 admin" --access-key "$AK" --secret-key "$SK" \
      --caps "users=*;buckets=*;metadata=*;usage=*;zone=*;roles=*;user-policy=*" >/dev/null   # also creates the default zone
  # Bucket LocationConstraint must equal the zonegroup's api name: make it the region.
  $RA zonegroup modify --rgw-zonegroup default --api-name "${S3_REGION:-us-east-1}" >/dev/null
  # Storage classes GLACIER, DEEP_ARCHIVE and ARCHIVE on the default placement, stored in
  # their own pool (usable with PutObject/CopyObject StorageClass and lifecycle transitions).
  for sc in GLACIER DEEP_ARCHIVE ARCHIVE; do
    $RA zonegroup placement add --rgw-zonegroup default --placement-id default-placement --storage-class $sc >/dev/null
    $RA zone placement add --rgw-zone default --placement-id default-placement --storage-class $sc \
        --data-pool default.rgw.archive.data >/dev/null
  done
  cat > "$D/env" <<EOF
S3_ENDPOINT=http://127.0.0.1:$PORT
S3_ACCESS_KEY=$AK
S3_SECRET_KEY=$SK
S3_REGION=${S3_REGION:-us-east-1}
S3_STS_ROLE_ARN=arn:aws:iam:::role/${S3_STS_ROLE_NAME:-s3-uploader}
EOF
  log "admin user, zone and storage classes configured"
fi
. "$D/env"

# ---------------------------------------------------------------- 7. RADOS Gateway
run radosgw $C -n client.rgw.a
wait_for client.rgw.a "S3 endpoint $S3_ENDPOINT" curl -sf -o /dev/null --max-time 2 "$S3_ENDPOINT/"
log "S3 endpoint answers"

# sign SERVICE CURL-ARGS... : SigV4-signed request with the admin keys (curl signs); prints HTTP code
sign() { local svc=$1; shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 30 --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
       --aws-sigv4 "aws:amz:$S3_REGION:$svc" "$@"; }

# ---------------------------------------------------------------- 8. STS role (fresh only)
if [ ! -f "$D/.initialized" ]; then
  # Created through the IAM API, not radosgw-admin: only the API can set MaxSessionDuration
  # (Pacific radosgw-admin has no flag; default 1 h). Trusted by the admin user, may do s3:*
  # anywhere; each AssumeRole narrows it with a session policy. Keep JSON compact: RGW
  # Pacific does not decode '+' as a space in form bodies.
  ROLE=${S3_STS_ROLE_ARN##*/}
  code=$(sign iam "$S3_ENDPOINT/" --data-urlencode Action=CreateRole --data-urlencode "RoleName=$ROLE" \
    --data-urlencode Path=/ --data-urlencode MaxSessionDuration=43200 --data-urlencode 'AssumeRolePolicyDocument={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam:::user/admin"]},"Action":["sts:AssumeRole"]}]}')
  [ "$code" = 200 ] || die "IAM CreateRole $ROLE: HTTP $code"
  code=$(sign iam "$S3_ENDPOINT/" --data-urlencode Action=PutRolePolicy --data-urlencode "RoleName=$ROLE" \
    --data-urlencode PolicyName=s3-all --data-urlencode 'PolicyDocument={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":["arn:aws:s3:::*"]}]}')
  [ "$code" = 200 ] || die "IAM PutRolePolicy $ROLE: HTTP $code"
  touch "$D/.initialized"
  log "STS role $ROLE created"
fi

for b in ${S3_BUCKETS:-}; do   # 409 = bucket exists already (restart)
  code=$(sign s3 -X PUT -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$S3_ENDPOINT/$b")
  [ "$code" = 200 ] || [ "$code" = 409 ] || die "creating bucket $b: HTTP $code"
done

cat "$D/env"
