#!/usr/bin/env bash
# Benchmark (not a test): `minerva tile` (Release, default Blosc-LZ4) against libvips writing a pyramidal
# zstd BigTIFF from the same 4-channel uint16 Deflate-tiled OME BigTIFF, in the same run.
# Prints wall time, max RSS and raw-pixel MB/s of both, and the speed ratio, for two image sizes
# (the smaller one shows that RSS does not grow with image size).
# Inputs are generated once into bench/out/ (git-ignored) and reused.
# Usage: bench/tile.sh [SIZE ...]   (default: 10000 20000; 4 channels each)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
out="$here/out"
channels=4
sizes=("${@:-10000 20000}")
read -r -a sizes <<< "${sizes[*]}"
mkdir -p "$out"

echo "Building minerva (Release)..."
dotnet build -c Release "$repo/Minerva.Cli/Minerva.Cli.csproj" -nologo -v q -o "$out/minerva-bin" > "$out/build.log" 2>&1 \
  || { cat "$out/build.log"; exit 1; }
minerva="$out/minerva-bin/minerva"

# Runs a command under /usr/bin/time -v; sets $wall (seconds) and $rss (MB).
measure() {
  local log="$out/time.log"
  /usr/bin/time -v "$@" > "$out/last-run.log" 2> "$log" || { cat "$out/last-run.log" "$log"; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
}

printf '\n%-10s %-8s %9s %9s %9s\n' "image" "tool" "wall s" "RSS MB" "MB/s"
for size in "${sizes[@]}"; do
  input="$out/c${channels}-${size}.ome.tif"
  if [[ ! -f "$input" ]]; then
    echo "Generating $input (once)..."
    /usr/bin/python3 "$here/generate.py" "$input" "$channels" "$size"
  fi

  raw_mb=$(awk -v c="$channels" -v n="$size" 'BEGIN { printf "%.1f", c * n * n * 2 / 1e6 }')
  cat "$input" > /dev/null # warm the page cache: both tools read from memory

  rm -rf "$out/minerva.zarr" "$out/vips.tif"
  measure "$minerva" tile "$input" "$out/minerva.zarr"
  minerva_wall=$wall
  printf '%-10s %-8s %9.1f %9d %9.0f\n' "${channels}x${size}" minerva "$wall" "$rss" "$(awk -v m="$raw_mb" -v w="$wall" 'BEGIN { print m / w }')"

  measure vips tiffsave "$input[page=0,n=$channels]" "$out/vips.tif" --tile --tile-width 512 --tile-height 512 \
    --pyramid --subifd --bigtiff --compression zstd --level 1
  vips_wall=$wall
  printf '%-10s %-8s %9.1f %9d %9.0f\n' "${channels}x${size}" vips "$wall" "$rss" "$(awk -v m="$raw_mb" -v w="$wall" 'BEGIN { print m / w }')"
  printf '%-10s minerva is %.2fx the speed of libvips (raw %s MB)\n' "${channels}x${size}" \
    "$(awk -v v="$vips_wall" -v m="$minerva_wall" 'BEGIN { print v / m }')" "$raw_mb"
  rm -rf "$out/minerva.zarr" "$out/vips.tif"
done
