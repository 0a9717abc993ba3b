#!/usr/bin/env bash
# install.sh: installs what Minerva Import needs on Debian 12 and is missing; cheap when all is there.
#   Debian: Ceph (mon, osd, radosgw) for the local S3, libdeflate, libturbojpeg and libopenjp2 (fast
#           Deflate, JPEG and JPEG 2000 decoding), python3-zarr/numcodecs (tests read our output with
#           zarr-python; python3-fsspec and python3-aiohttp let it read over HTTP), python3-tifffile,
#           python3-pil, libtiff-tools, libvips-tools, libjpeg-turbo-progs, libopenjp2-tools and zstd
#           (independent writers and decoders of test images), chromium (the viewer's browser tests),
#           GNU time (benchmarks).
#   npm:    Azurite, vite + viv (the viewer bundle), playwright-core; pinned in package.json / package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "install.sh: $*" >&2; }
need=""
for p in ceph-mon ceph-osd radosgw python3-rados curl libdeflate0 libturbojpeg0 libopenjp2-7 python3-zarr python3-numcodecs \
  python3-fsspec python3-aiohttp python3-tifffile python3-pil libtiff-tools libvips-tools libjpeg-turbo-progs libopenjp2-tools \
  zstd chromium time; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt-get install$need"
  inst() { $SUDO env DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q --no-install-recommends $need >&2; }
  inst || { $SUDO timeout 300 apt-get update -q >&2 && inst; } || { log "apt-get install$need failed"; exit 1; }
fi

# npm keeps its own copy of the lock file in node_modules: an older one means package-lock.json changed since.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci (Azurite, the viewer's toolchain, playwright-core)"
  npm ci --no-audit --no-fund >&2
fi
