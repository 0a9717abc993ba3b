"""Compares an OME-Zarr image (one series group of a bioformats2raw root) with its source OME-TIFF series,
using zarr-python and tifffile, readers independent of Minerva's engine.

usage: zarr_matches_tiff.py ZARR_ROOT SERIES TIFF_PATH
Checks every output level the source stores itself (level 0 at least) pixel for pixel, and the NGFF metadata.
Prints one line per level compared; exits 1 with the first difference.
"""
import sys

import numpy as np
import tifffile
import zarr


def as_tczyx(array, axes):
    for axis in "TCZYX":
        if axis not in axes:
            array = array[np.newaxis, ...]
            axes = axis + axes
    return np.transpose(array, [axes.index(a) for a in "TCZYX"])


def main(root, series, tiff_path):
    image = zarr.open_group(root, mode="r")[str(series)]
    multiscales = image.attrs["multiscales"][0]
    assert [a["name"] for a in multiscales["axes"]] == list("tczyx"), multiscales["axes"]
    with tifffile.TiffFile(tiff_path) as tif:
        source = tif.series[series]
        for level, stored in enumerate(source.levels):
            expected = as_tczyx(stored.asarray(), stored.axes.upper().replace("S", "C"))
            actual = image[multiscales["datasets"][level]["path"]][:]
            if actual.shape != expected.shape or actual.dtype != expected.dtype:
                sys.exit(f"level {level}: zarr {actual.shape} {actual.dtype}, tiff {expected.shape} {expected.dtype}")
            if not np.array_equal(actual, expected):
                where = tuple(int(i[0]) for i in np.nonzero(actual != expected))
                sys.exit(f"level {level}: first difference at {where}: zarr {actual[where]}, tiff {expected[where]}")
            print(f"level {level} {actual.shape} {actual.dtype}: equal")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
