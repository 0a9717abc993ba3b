# Writes Aperio SVS- and Akoya QPTIFF-shaped test files from a manifest (see TestSlides.cs): page layouts and
# descriptions as those scanners write them, laid out by tifffile (Debian python3-tifffile), tiles encoded by
# Debian's libjpeg-turbo (cjpeg) and OpenJPEG (opj_compress) command-line tools. Beside each page it writes the
# pixels a correct reader returns: PIL's decode of each complete JPEG tile, or the encoded pixels for lossless
# JPEG 2000 (PIL's YCbCr→RGB for Aperio's YCbCr variant).
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy
import tifffile
from PIL import Image

# tifffile looks up an encoder for the compression even when the tiles come encoded; these are never called.
for tag in (7, 33003, 33005, 34712):
    tifffile.TIFF.COMPRESSORS._codecs[tag] = None

manifest = json.load(open(sys.argv[1]))
rng = numpy.random.default_rng(manifest["seed"])
work = tempfile.mkdtemp(prefix="minerva-slide-")


def content(height, width, samples):
    """Smooth colour gradients with a little noise, like tissue; uint8 (height, width, samples)."""
    y, x = numpy.mgrid[0:height, 0:width].astype(numpy.float64)
    planes = [
        128 + 100 * numpy.sin(x / (17 + 9 * s) + y / (23 + 5 * s) + s) + rng.normal(0, 6, (height, width))
        for s in range(samples)
    ]
    return numpy.clip(numpy.stack(planes, axis=-1), 0, 255).astype(numpy.uint8)


def netpbm(pixels):
    height, width, samples = pixels.shape
    return (b"P6" if samples == 3 else b"P5") + b"\n%d %d\n255\n" % (width, height) + pixels.tobytes()


def segments(jpeg):
    """(marker, bytes) of each segment before the scan, then the scan to the end as one piece."""
    position, out = 2, []
    while True:
        marker = jpeg[position + 1]
        if marker == 0xDA:
            out.append((marker, jpeg[position:]))
            return out
        length = int.from_bytes(jpeg[position + 2:position + 4], "big")
        out.append((marker, jpeg[position:position + 2 + length]))
        position += 2 + length


def renumber_components(segment, offset):
    """Component ids 1, 2, 3 in a SOF (ids every 3 bytes from offset 10) or SOS (every 2 bytes from offset 5)."""
    data = bytearray(segment)
    count = data[offset - 1]
    step = 3 if data[1] != 0xDA else 2
    for c in range(count):
        data[offset + c * step] = c + 1
    return bytes(data)


def jpeg_tile(pixels, rgb):
    """A TIFF JPEG tile and its tables, the way Aperio stores them: tables apart, no JFIF/Adobe marker; RGB tiles
    get component ids 1-3, so only the TIFF's PhotometricInterpretation says they are RGB. Returns (tile, tables,
    PIL's decode of the complete stream)."""
    options = ["-quality", "85", "-restart", "1"] + (["-rgb"] if rgb else ["-sample", "2x2"] if pixels.shape[2] == 3 else [])
    complete = subprocess.run(["cjpeg", *options], input=netpbm(pixels), capture_output=True, check=True).stdout
    decoded = numpy.asarray(Image.open(io.BytesIO(complete)).convert("RGB" if pixels.shape[2] == 3 else "L"))
    tables, tile = [], [b"\xff\xd8"]
    for marker, data in segments(complete):
        if marker in (0xDB, 0xC4):
            tables.append(data)
        elif marker in (0xE0, 0xEE):
            continue
        elif rgb and marker == 0xC0:
            tile.append(renumber_components(data, 10))
        elif rgb and marker == 0xDA:
            tile.append(renumber_components(data, 5))
        else:
            tile.append(data)
    return b"".join(tile), b"\xff\xd8" + b"".join(tables) + b"\xff\xd9", decoded.reshape(pixels.shape)


def j2k_tile(pixels, ycc):
    """A lossless JPEG 2000 codestream. With ycc the components are JFIF YCbCr of the pixels, stored without a
    colour transform (Aperio's 33003), and the expected pixels are PIL's RGB of that YCbCr."""
    stored = pixels
    if ycc:
        stored = numpy.asarray(Image.fromarray(pixels, "RGB").convert("YCbCr"))
    source = os.path.join(work, "tile.ppm" if pixels.shape[2] == 3 else "tile.pgm")
    target = os.path.join(work, "tile.j2k")
    open(source, "wb").write(netpbm(stored))
    subprocess.run(["opj_compress", "-i", source, "-o", target] + (["-mct", "0"] if ycc else []), capture_output=True, check=True)
    expected = numpy.asarray(Image.fromarray(stored, "YCbCr").convert("RGB")) if ycc else stored
    return open(target, "rb").read(), expected


def encode(pixels, codec):
    """(tile bytes, tables or None, expected pixels) of one tile or strip."""
    if codec in ("jpeg", "jpeg-rgb"):
        tile, tables, expected = jpeg_tile(pixels, codec == "jpeg-rgb")
        return tile, tables, expected
    if codec in ("j2k", "j2k-rgb", "j2k-ycc"):
        tile, expected = j2k_tile(pixels, codec == "j2k-ycc")
        return tile, None, expected
    return pixels.tobytes(), None, pixels


COMPRESSION = {"jpeg": 7, "jpeg-rgb": 7, "j2k": 34712, "j2k-rgb": 33005, "j2k-ycc": 33003, "none": 1}


def write_page(tif, index, page):
    height, width, samples, codec = page["height"], page["width"], page["samples"], page["codec"]
    pixels = content(height, width, samples)
    expected = numpy.zeros_like(pixels)
    pieces, tables = [], None
    tile = page.get("tile")
    if tile:
        for y in range(0, height, tile):
            for x in range(0, width, tile):
                block = numpy.zeros((tile, tile, samples), numpy.uint8)
                part = pixels[y:y + tile, x:x + tile]
                block[:part.shape[0], :part.shape[1]] = part
                data, tables, decoded = encode(block, codec)
                expected[y:y + tile, x:x + tile] = decoded[:part.shape[0], :part.shape[1]]
                pieces.append(data)
    else:
        rows = page["rowsperstrip"]
        for y in range(0, height, rows):
            data, tables, decoded = encode(pixels[y:y + rows], codec)
            expected[y:y + rows] = decoded
            pieces.append(data)
    if page.get("damage") == "cut":
        pieces[0] = pieces[0][: len(pieces[0]) // 2]
    elif page.get("damage") == "garble":
        # JPEG: noise in the entropy-coded data; JPEG 2000 (whose decoders shrug off noise in tile data): noise
        # over the main header's coding parameters after the SIZ marker.
        at = len(pieces[0]) // 2 if codec.startswith("jpeg") else 2 + int.from_bytes(pieces[0][4:6], "big") + 2
        pieces[0] = pieces[0][:at] + bytes(rng.integers(0, 256, 64, dtype=numpy.uint8)) + pieces[0][at + 64:]
    photometric = {"jpeg": "ycbcr", "j2k-ycc": "rgb"}.get(codec, "rgb") if samples == 3 else "minisblack"
    extra = {}
    if codec == "jpeg" and samples == 3:
        extra["subsampling"] = (2, 2)
    elif codec == "jpeg-rgb":
        # tifffile would declare any JPEG RGB image YCbCr: keep PhotometricInterpretation RGB, as Aperio writes it.
        extra["subsampling"] = (1, 1)
        extra["compressionargs"] = {"outcolorspace": 2}
    if tables is not None:
        extra["jpegtables"] = tables
    if page.get("resolution"):
        extra["resolution"] = (page["resolution"], page["resolution"])
        extra["resolutionunit"] = "CENTIMETER"
    tif.write(
        iter(pieces),
        shape=(height, width, samples) if samples > 1 else (height, width),
        dtype="uint8",
        photometric=photometric,
        planarconfig="contig" if samples > 1 else None,
        compression=COMPRESSION[codec],
        subfiletype=page.get("subfiletype", 0),
        description=page["description"].encode("utf-8"),
        software=page.get("software", False),
        metadata=None,
        **({"tile": (tile, tile)} if tile else {"rowsperstrip": page["rowsperstrip"]}),
        **extra,
    )
    expected.tofile(os.path.join(manifest["expected"], "page-%d.raw" % index))


try:
    with tifffile.TiffWriter(manifest["path"], bigtiff=manifest.get("bigtiff", False)) as tif:
        for index, page in enumerate(manifest["pages"]):
            write_page(tif, index, page)
finally:
    shutil.rmtree(work)
