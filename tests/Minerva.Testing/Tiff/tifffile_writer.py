# Writes a TIFF from a manifest with tifffile (Debian python3-tifffile): used by TestTiff for SubIFD
# pyramids, which LibTiff.NET 2.4.660 writes with a corrupt header.
import json
import sys

import numpy
import tifffile

manifest = json.load(open(sys.argv[1]))
with tifffile.TiffWriter(manifest["path"], bigtiff=manifest["bigtiff"], byteorder=manifest["byteorder"]) as tif:
    for ifd in manifest["ifds"]:
        data = numpy.fromfile(ifd["data"], dtype=manifest["dtype"])
        samples, height, width = ifd["samples"], ifd["height"], ifd["width"]
        planar = manifest["planarconfig"]
        shape = (height, width) if samples == 1 else ((samples, height, width) if planar == "separate" else (height, width, samples))
        layout = {"tile": (manifest["tile"], manifest["tile"])} if manifest["tile"] else {"rowsperstrip": manifest["rowsperstrip"]}
        tif.write(
            data.reshape(shape),
            photometric=manifest["photometric"],
            planarconfig=planar if samples > 1 else None,
            compression=manifest["compression"],
            predictor=manifest["predictor"],
            subifds=ifd["subifds"] or None,
            subfiletype=1 if ifd["reduced"] else 0,
            # As UTF-8 bytes: tifffile accepts only 7-bit ASCII str, and OME-XML may hold "µm".
            description=None if ifd["description"] is None else ifd["description"].encode("utf-8"),
            metadata=None,
            software=False,
            **layout,
        )
