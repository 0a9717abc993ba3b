"""Writes the benchmark input: a C×N×N uint16 OME BigTIFF, 512-px Deflate (zlib level 1) tiles.

Content is a smooth field plus Gaussian noise (sd 20), which Deflate compresses about 1.4×,
like real fluorescence images. Noise comes from a small pool of pre-generated tiles so that
generating gigabytes stays fast; the smooth field differs per tile and channel.
"""
import sys

import numpy as np
import tifffile

TILE = 512


def tiles(channels, size, noise_pool):
    yy, xx = np.mgrid[0:TILE, 0:TILE].astype(np.float32)
    count = 0
    for c in range(channels):
        for ty in range(0, size, TILE):
            for tx in range(0, size, TILE):
                field = 8000 + 1000 * c + 3000 * np.sin((yy + ty) / 300.0) * np.cos((xx + tx) / 450.0)
                tile = field + noise_pool[count % len(noise_pool)]
                count += 1
                yield tile.clip(0, 65535).astype("<u2")


def main():
    path, channels, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = np.random.default_rng(1)
    noise_pool = [rng.normal(0, 20, (TILE, TILE)).astype(np.float32) for _ in range(37)]
    tifffile.imwrite(
        path,
        data=tiles(channels, size, noise_pool),
        shape=(channels, size, size),
        dtype="uint16",
        tile=(TILE, TILE),
        compression="zlib",
        compressionargs={"level": 1},
        bigtiff=True,
        ome=True,
        metadata={"axes": "CYX"},
    )


if __name__ == "__main__":
    main()
