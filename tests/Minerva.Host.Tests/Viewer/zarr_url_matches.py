"""Opens an image's zarr_url with zarr-python over HTTP (fsspec's HTTP store, no API key), as napari and other
zarr readers do, and compares it with the image's series group as stored (downloaded from S3).

usage: zarr_url_matches.py ZARR_URL STORED_SERIES_DIR
Checks the group's attributes and every level's array (shape, dtype, chunks, pixels); prints one line per level,
exits 1 with the first difference.
"""
import sys

import numpy as np
import zarr


def main(url, stored_dir):
    remote = zarr.open_group(zarr.storage.FSStore(url), mode="r")
    stored = zarr.open_group(stored_dir, mode="r")
    if remote.attrs.asdict() != stored.attrs.asdict():
        sys.exit(f"attributes differ: {remote.attrs.asdict()} != {stored.attrs.asdict()}")
    for dataset in stored.attrs["multiscales"][0]["datasets"]:
        path = dataset["path"]
        a, b = remote[path], stored[path]
        if (a.shape, a.dtype, a.chunks) != (b.shape, b.dtype, b.chunks):
            sys.exit(f"level {path}: over HTTP {a.shape} {a.dtype} {a.chunks}, stored {b.shape} {b.dtype} {b.chunks}")
        if not np.array_equal(a[:], b[:], equal_nan=a.dtype.kind == "f"):
            sys.exit(f"level {path}: pixels differ")
        print(f"level {path} {a.shape} {a.dtype}: equal over HTTP")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
