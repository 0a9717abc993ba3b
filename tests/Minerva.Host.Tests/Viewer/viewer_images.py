"""Writes the viewer tests' OME-TIFFs with tifffile (a writer independent of Minerva), each with features at known
places, and prints where they are as JSON.

usage: viewer_images.py OUT_DIR
  three-channel.ome.tif  uint16, 3 channels, 1536x1024: a blue bar, a red disc, a green square
  five-d.ome.tif         float32, t=2 c=2 z=3, 320x256: a red disc that moves with z (along x) and t (along y)
  thirteen.ome.tif       uint8, 13 channels, 300x200, no colours given: one bar per channel
"""
import json
import os
import sys

import numpy as np
import tifffile

rng = np.random.default_rng(8)


def ome_color(hex_rgb):
    """OME-XML colours are signed 32-bit RGBA."""
    value = int(hex_rgb + "FF", 16)
    return value - (1 << 32) if value >= 1 << 31 else value


def disc(height, width, cx, cy, r):
    yy, xx = np.mgrid[:height, :width]
    return (xx - cx) ** 2 + (yy - cy) ** 2 <= r * r


def write(path, data, axes, names, colors, size_xy, size_z=None):
    channel = {"Name": names}
    if colors:
        channel["Color"] = [ome_color(c) for c in colors]
    metadata = {"axes": axes, "Channel": channel,
                "PhysicalSizeX": size_xy, "PhysicalSizeXUnit": "µm", "PhysicalSizeY": size_xy, "PhysicalSizeYUnit": "µm"}
    if size_z:
        metadata.update({"PhysicalSizeZ": size_z, "PhysicalSizeZUnit": "µm"})
    tifffile.imwrite(path, data, ome=True, tile=(128, 128), metadata=metadata)


def three_channel(out):
    height, width = 1024, 1536
    data = rng.integers(0, 400, size=(3, height, width), dtype=np.uint16)
    bar = (slice(800, 880), slice(150, 650))
    data[0][bar] = 40000
    data[1][disc(height, width, 450, 330, 110)] = 60000
    data[2][300:520, 1000:1220] = 50000
    write(os.path.join(out, "three-channel.ome.tif"), data, "CYX", ["DNA", "Disc", "Square"], ["0000FF", "FF0000", "00FF00"], 0.5)
    return {"size": [width, height], "bar": [400, 840], "disc": [450, 330], "disc_radius": 110, "square": [1110, 410],
            "background": [1300, 850]}


def five_d(out):
    sizes = {"t": 2, "c": 2, "z": 3, "y": 256, "x": 320}
    data = rng.uniform(0, 0.05, size=tuple(sizes.values())).astype(np.float32)
    centres = {}
    for t in range(sizes["t"]):
        for z in range(sizes["z"]):
            cx, cy = 60 + 90 * z, 70 + 110 * t
            data[t, 0, z][disc(sizes["y"], sizes["x"], cx, cy, 28)] = 1.0
            centres[f"{t},{z}"] = [cx, cy]
    data[:, 1, :, 10:40, 260:310] = 0.5
    write(os.path.join(out, "five-d.ome.tif"), data, "TCZYX", ["Marker", "Frame"], ["FF0000", "00FFFF"], 0.25, 1.5)
    return {"size": [sizes["x"], sizes["y"]], "disc": centres, "frame": [285, 25]}


def thirteen(out):
    data = rng.integers(0, 20, size=(13, 200, 300), dtype=np.uint8)
    for c in range(13):
        data[c, 20:180, 10 + 22 * c:26 + 22 * c] = 200 + c
    write(os.path.join(out, "thirteen.ome.tif"), data, "CYX", [f"Marker {c}" for c in range(13)], None, 1.0)
    return {"size": [300, 200], "channels": 13}


if __name__ == "__main__":
    out = sys.argv[1]
    print(json.dumps({"three-channel": three_channel(out), "five-d": five_d(out), "thirteen": thirteen(out)}))
