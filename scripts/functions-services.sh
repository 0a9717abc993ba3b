#!/usr/bin/env bash
# functions-services.sh SETTINGS DIR
# functions-services.sh --plan SETTINGS   (prints what it would serve, WANT_*=value lines, and exits)
#
# The local services of a Functions app run by Azure Functions Core Tools (`func start`), exactly as its
# SETTINGS file (local.settings.json) names them: Azurite on the ports of AzureWebJobsStorage (10000-10002
# for UseDevelopmentStorage=true) and the S3 server (Ceph RGW) of S3__Endpoint with S3__AccessKey,
# S3__SecretKey, S3__Region, the role of S3__StsRoleArn and the bucket S3__Bucket. Data under DIR, kept
# across runs. Prints the two settings once both answer and stays in the foreground; Ctrl-C or SIGTERM
# stops both, by their own PIDs. `./run.sh --services-only` runs it on the repository's local.settings.json.
#   S3_OSD_STORE   bluestore (default: objects on disk, kept) or memstore (in RAM, faster to start)
set -euo pipefail
[ $# = 2 ] || { echo "usage: $0 SETTINGS DIR | --plan SETTINGS" >&2; exit 2; }
log() { echo "functions-services.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
if [ "$1" = --plan ]; then SETTINGS=$2; else SETTINGS=$1; fi
[ -f "$SETTINGS" ] || die "$SETTINGS does not exist"

# What the settings name, as shell assignments (WANT_*); a setting these services cannot provide is an error.
PLAN=$(/usr/bin/python3 - "$SETTINGS" <<'PY'
import json, re, shlex, sys
from urllib.parse import urlsplit
values = json.load(open(sys.argv[1])).get("Values", {})
def need(key):
    if not values.get(key): sys.exit(f"{sys.argv[1]}: Values.{key} is missing")
    return values[key]
def loopback_port(url, key):
    u = urlsplit(url)
    if u.scheme != "http" or u.hostname not in ("127.0.0.1", "localhost") or not u.port:
        sys.exit(f"{sys.argv[1]}: {key} '{url}' is not http://127.0.0.1:PORT (a local service)")
    return u.port
storage = need("AzureWebJobsStorage")
if storage.replace(" ", "").rstrip(";").lower() == "usedevelopmentstorage=true":
    ports = [10000, 10001, 10002]   # Azurite's defaults, which UseDevelopmentStorage=true means
else:
    parts = dict(p.split("=", 1) for p in storage.split(";") if "=" in p)
    ports = [loopback_port(parts.get(f"{s}Endpoint", ""), f"AzureWebJobsStorage's {s}Endpoint") for s in ("Blob", "Queue", "Table")]
role = re.fullmatch(r"arn:aws:iam::\d*:role/([\w+=,.@-]+)", need("S3__StsRoleArn"))
if not role: sys.exit(f"{sys.argv[1]}: S3__StsRoleArn '{values['S3__StsRoleArn']}' is not a role ARN (arn:aws:iam:::role/NAME)")
plan = {
    "WANT_AZURITE_PORTS": " ".join(map(str, ports)),
    "WANT_S3_ENDPOINT": need("S3__Endpoint").rstrip("/"),
    "WANT_S3_PORT": loopback_port(need("S3__Endpoint"), "S3__Endpoint"),
    "WANT_S3_ACCESS_KEY": need("S3__AccessKey"),
    "WANT_S3_SECRET_KEY": need("S3__SecretKey"),
    "WANT_S3_REGION": values.get("S3__Region") or "us-east-1",
    "WANT_S3_ROLE": role.group(1),
    "WANT_S3_BUCKET": values.get("S3__Bucket") or "minerva",
}
for k, v in plan.items(): print(f"{k}={shlex.quote(str(v))}")
PY
) || die "the settings cannot be served locally"
if [ "$1" = --plan ]; then echo "$PLAN"; exit 0; fi
eval "$PLAN"
mkdir -p "$2"; DIR=$(cd "$2" && pwd)
cd "$(dirname "$0")/.."

SLEEP_PID=""
stop() {
  trap - INT TERM EXIT
  log "stopping"
  [ -n "$SLEEP_PID" ] && kill "$SLEEP_PID" 2>/dev/null
  scripts/azurite-stop.sh "$DIR/azurite" || true
  scripts/s3-stop.sh "$DIR/s3" || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/azurite-start.sh "$DIR/azurite" $WANT_AZURITE_PORTS >/dev/null
[ "$(cat "$DIR/azurite/ports")" = "$WANT_AZURITE_PORTS" ] ||
  die "the Azurite of $DIR/azurite already runs on ports $(cat "$DIR/azurite/ports"), not $WANT_AZURITE_PORTS: stop it (scripts/azurite-stop.sh $DIR/azurite)"
S3_ACCESS_KEY=$WANT_S3_ACCESS_KEY S3_SECRET_KEY=$WANT_S3_SECRET_KEY S3_REGION=$WANT_S3_REGION S3_STS_ROLE_NAME=$WANT_S3_ROLE \
  S3_BUCKETS=$WANT_S3_BUCKET S3_OSD_STORE=${S3_OSD_STORE:-bluestore} scripts/s3-start.sh "$DIR/s3" "$WANT_S3_PORT" >/dev/null

# A DIR first made for other settings keeps its own keys and role: say so rather than serve the wrong ones.
. "$DIR/s3/env"
[ "$S3_ENDPOINT $S3_ACCESS_KEY $S3_SECRET_KEY $S3_REGION ${S3_STS_ROLE_ARN##*/}" = \
  "http://127.0.0.1:$WANT_S3_PORT $WANT_S3_ACCESS_KEY $WANT_S3_SECRET_KEY $WANT_S3_REGION $WANT_S3_ROLE" ] ||
  die "$DIR/s3 was created for other S3 settings than $SETTINGS; remove it (scripts/s3-stop.sh $DIR/s3 --purge) to start afresh"

echo "AzureWebJobsStorage: Azurite on 127.0.0.1 ports ${WANT_AZURITE_PORTS// /, }"
echo "S3__Endpoint=$WANT_S3_ENDPOINT (Ceph RGW: bucket $WANT_S3_BUCKET, role $S3_STS_ROLE_ARN)"
log "up, data in $DIR; now run: cd Minerva.Functions && func start   (Ctrl-C here stops the services)"
sleep infinity &
SLEEP_PID=$!
wait "$SLEEP_PID"
