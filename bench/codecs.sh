#!/usr/bin/env bash
# Benchmark (not a test): decode speed of the engine's TIFF codecs, native path (Debian's libjpeg-turbo,
# OpenJPEG, libdeflate) and portable path (MINERVA_NATIVE_CODECS=0: SkiaSharp's libjpeg-turbo, Magick.NET's
# OpenJPEG, ZLibStream), against libvips decoding the same tiles (`vips avg`, which reads every pixel), in the
# same run and on one core each (taskset), so the ratios compare decoders, not thread counts.
# Inputs (RGB uint8, 256² tiles, written by libvips) are generated once into bench/out/ (git-ignored).
# Usage: bench/codecs.sh [SIZE]   (default 4096: a SIZE×SIZE RGB image, 50 MB of pixels)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
size="${1:-4096}"
mkdir -p "$out"
command -v vips >/dev/null || { echo "codecs.sh: needs libvips-tools (scripts/install.sh installs it)"; exit 1; }

echo "Building CodecBench (Release)..."
dotnet build -c Release "$here/CodecBench/CodecBench.csproj" -nologo -v q -o "$out/codecbench-bin" > "$out/build.log" 2>&1 \
  || { cat "$out/build.log"; exit 1; }
bench="$out/codecbench-bin/CodecBench"

source="$out/rgb-$size.v"
if [[ ! -f "$source" ]]; then
  echo "Generating $source (once)..."
  # Smooth colour with noise, like tissue: compresses as a slide does.
  /usr/bin/python3 - "$out/rgb-$size.ppm" "$size" <<'PY'
import sys, numpy
path, n = sys.argv[1], int(sys.argv[2])
y, x = numpy.mgrid[0:n, 0:n].astype(numpy.float32)
rng = numpy.random.default_rng(1)
planes = [128 + 100 * numpy.sin(x / (40 + 13 * c) + y / (55 + 7 * c)) + rng.normal(0, 8, (n, n)) for c in range(3)]
pixels = numpy.clip(numpy.stack(planes, -1), 0, 255).astype(numpy.uint8)
open(path, "wb").write(b"P6\n%d %d\n255\n" % (n, n) + pixels.tobytes())
PY
  vips copy "$out/rgb-$size.ppm" "$source"
  rm "$out/rgb-$size.ppm"
fi

declare -A files=(
  [deflate]="--compression deflate"
  [jpeg]="--compression jpeg --Q 85"
  [jp2k]="--compression jp2k --Q 70"
)
raw_mb=$(awk -v n="$size" 'BEGIN { printf "%.1f", n * n * 3 / 1e6 }')
printf '\n%-8s %10s %10s %10s %14s %14s\n' codec native portable libvips native/vips portable/vips
for codec in deflate jpeg jp2k; do
  file="$out/$codec-$size.tif"
  [[ -f "$file" ]] || vips tiffsave "$source" "$file" --tile --tile-width 256 --tile-height 256 ${files[$codec]}
  cat "$file" > /dev/null
  native=$(taskset -c 0 "$bench" "$file")
  portable=$(MINERVA_NATIVE_CODECS=0 taskset -c 0 "$bench" "$file")
  best=1e9
  for round in 1 2 3; do
    start=$(date +%s.%N)
    VIPS_CONCURRENCY=1 taskset -c 0 vips avg "$file" > /dev/null
    end=$(date +%s.%N)
    best=$(awk -v b="$best" -v s="$start" -v e="$end" 'BEGIN { t = e - s; print (t < b ? t : b) }')
  done
  vips=$(awk -v m="$raw_mb" -v t="$best" 'BEGIN { printf "%.0f", m / t }')
  printf '%-8s %10s %10s %10s %13.2fx %13.2fx\n' "$codec" "$native" "$portable" "$vips" \
    "$(awk -v a="$native" -v b="$vips" 'BEGIN { print a / b }')" "$(awk -v a="$portable" -v b="$vips" 'BEGIN { print a / b }')"
done
echo "(MB/s of decoded RGB pixels, one core each, best of 3 rounds; image ${size}×${size}, 256² tiles, written by libvips)"
