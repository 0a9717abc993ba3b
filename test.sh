#!/usr/bin/env bash
# test.sh: builds everything, starts the services the tests need (Azurite and a real S3, Ceph RGW,
# on free loopback ports, data in a temp dir), runs every xunit project, stops the services.
# Exits non-zero on any failure. Extra arguments go to `dotnet test` (e.g. --filter Name~Tiff).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install.sh

T0=$(date +%s)
dotnet build Minerva.sln -c Release -nologo -v q -clp:ErrorsOnly

RUN=$(mktemp -d /tmp/minerva-test.XXXXXX)
cleanup() {
  scripts/azurite-stop.sh "$RUN/azurite" || true
  scripts/s3-stop.sh "$RUN/s3" --purge || true
  rm -rf "$RUN"
}
trap cleanup EXIT
scripts/azurite-start.sh "$RUN/azurite" >/dev/null
S3_BUCKETS="" scripts/s3-start.sh "$RUN/s3" >/dev/null
# The test fixtures use these services instead of starting their own.
eval "$(cat "$RUN/azurite/env")"
export MINERVA_TEST_AZURITE="$AZURE_STORAGE_CONNECTION_STRING"
export MINERVA_TEST_S3_ENV="$RUN/s3/env"

rc=0
dotnet test Minerva.sln -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=run" --results-directory "$RUN/results" "$@" || rc=$?

# One closing line over all test projects, from the trx files.
/usr/bin/python3 - "$RUN/results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    p += int(c.get("passed")); f += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    s += int(c.get("notExecuted"))
print(f"{p} passed, {f} failed, {s} skipped")
PY
echo "test.sh: $(( $(date +%s) - T0 )) s" >&2
exit $rc
