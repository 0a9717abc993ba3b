using System.Text;
using BitMiracle.LibTiff.Classic;
using Minerva.Testing.Tools;
using Minerva.Tiling.Model;

namespace Minerva.Testing.Tiff;

/// <summary>
/// Writes TIFF and OME-TIFF test files with libraries independent of Minerva's reader and returns the exact
/// pixels written: BitMiracle LibTiff.NET; Debian's tiffcp re-encodes for Zstd and big-endian BigTIFF; Python's
/// tifffile writes SubIFD pyramids (then only None or AdobeDeflate compression).
/// </summary>
/// <example>
/// A 4-channel uint16 OME-TIFF with a 3-level SubIFD pyramid, 256² Deflate tiles, BigTIFF:
/// <code>
/// var image = TestTiff.Write(path, new TestTiffSpec
/// {
///     Width = 2000, Height = 1500, SizeC = 4, TileSize = 256, Compression = TestCompression.AdobeDeflate,
///     BigTiff = true, PyramidLevels = 3, Ome = new TestOme { PhysicalSizeX = 0.65, PhysicalSizeY = 0.65, ChannelNames = ["DAPI", "CD3", "CD8", "CD20"] },
/// });
/// byte[] expected = image.Expected(new PlaneRect(Series: 0, Level: 1, T: 0, Z: 0, C0: 0, CCount: 4, Y0: 0, X0: 0, Height: 750, Width: 1000));
/// </code>
/// Reduced levels hold their own random pixels (not a downsampling of level 0): a reader must return what is stored.
/// Planes are written in OME dimension order; each plane's reduced levels follow it (FollowingIfds) or hang off it (SubIfds).
/// </example>
public static class TestTiff
{
    /// <summary>Writes <paramref name="spec"/> to <paramref name="path"/> and returns the pixels written.</summary>
    public static TestTiffImage Write(string path, TestTiffSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var image = new TestTiffImage(spec, TestPixels.Generate(spec));
        var ifds = PlanIfds(spec, image);
        if (spec.NeedsTifffile)
        {
            TestTiffFileWriter.Write(path, spec, ifds);
        }
        else if (spec.NeedsTiffcp)
        {
            var uncompressed = path + ".uncompressed.tif";
            try
            {
                WriteWithLibTiff(uncompressed, spec with { Compression = TestCompression.None, Predictor = TestPredictor.None, BigEndian = false }, ifds);
                Tiffcp(uncompressed, path, spec);
            }
            finally
            {
                File.Delete(uncompressed);
            }
        }
        else
        {
            WriteWithLibTiff(path, spec, ifds);
        }

        return image;
    }

    /// <summary>The IFDs of the file in write order (a SubIFD level follows the IFD it hangs off).</summary>
    private static List<TestIfd> PlanIfds(TestTiffSpec spec, TestTiffImage image)
    {
        var ifdsPerPlane = spec.SizeC / spec.SamplesPerIfd;
        var planeCount = spec.SizeZ * ifdsPerPlane * spec.SizeT;
        var ifdsPerStoredPlane = spec.PyramidStorage == TestPyramidStorage.FollowingIfds ? spec.PyramidLevels : 1;
        var firstIfdOfSeries = Enumerable.Range(0, spec.SeriesCount).Select(s => s * planeCount * ifdsPerStoredPlane).ToList();
        int IfdOfPlane(int series, int plane) => firstIfdOfSeries[series] + (plane * ifdsPerStoredPlane);
        var description = spec.Ome is null ? null : TestOmeXml.Build(spec, firstIfdOfSeries, IfdOfPlane);
        var order = spec.Ome?.DimensionOrder ?? "XYZCT";
        var subIfds = spec.PyramidStorage == TestPyramidStorage.SubIfds ? spec.PyramidLevels - 1 : 0;
        var ifds = new List<TestIfd>();
        for (var series = 0; series < spec.SeriesCount; series++)
        {
            for (var plane = 0; plane < planeCount; plane++)
            {
                var (z, ifdChannel, t) = TestOmeXml.PlaneCoordinates(order, plane, spec.SizeZ, ifdsPerPlane, spec.SizeT);
                for (var level = 0; level < spec.PyramidLevels; level++)
                {
                    var (width, height) = spec.LevelSize(level);
                    var samples = Enumerable.Range(ifdChannel * spec.SamplesPerIfd, spec.SamplesPerIfd)
                        .Select(c => image.Plane(series, level, t, c, z)).ToList();
                    var first = series == 0 && plane == 0 && level == 0;
                    ifds.Add(new TestIfd(samples, width, height, level > 0, level == 0 ? subIfds : 0, first ? description : null));
                }
            }
        }

        return ifds;
    }

    private static void WriteWithLibTiff(string path, TestTiffSpec spec, IReadOnlyList<TestIfd> ifds)
    {
        var mode = "w" + (spec.BigTiff ? "8" : string.Empty) + (spec.BigEndian ? "b" : "l");
        using var tiff = BitMiracle.LibTiff.Classic.Tiff.Open(path, mode)
            ?? throw new IOException($"LibTiff.NET could not create {path}.");
        foreach (var ifd in ifds)
        {
            WriteIfd(tiff, spec, ifd);
        }
    }

    private static void WriteIfd(BitMiracle.LibTiff.Classic.Tiff tiff, TestTiffSpec spec, TestIfd ifd)
    {
        var (samples, width, height) = (ifd.Samples, ifd.Width, ifd.Height);
        var bytes = TestPixels.BytesPerSample(spec.PixelType);
        tiff.SetField(TiffTag.IMAGEWIDTH, width);
        tiff.SetField(TiffTag.IMAGELENGTH, height);
        tiff.SetField(TiffTag.BITSPERSAMPLE, bytes * 8);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, samples.Count);
        tiff.SetField(TiffTag.SAMPLEFORMAT, spec.PixelType switch
        {
            PixelType.Int8 or PixelType.Int16 or PixelType.Int32 => SampleFormat.INT,
            PixelType.Float32 or PixelType.Float64 => SampleFormat.IEEEFP,
            _ => SampleFormat.UINT,
        });
        tiff.SetField(TiffTag.PHOTOMETRIC, spec.Rgb ? Photometric.RGB : Photometric.MINISBLACK);
        tiff.SetField(TiffTag.PLANARCONFIG, spec.PlanarSeparate ? PlanarConfig.SEPARATE : PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.COMPRESSION, spec.Compression switch
        {
            TestCompression.Lzw => Compression.LZW,
            TestCompression.AdobeDeflate => Compression.ADOBE_DEFLATE,
            TestCompression.Deflate => Compression.DEFLATE,
            TestCompression.PackBits => Compression.PACKBITS,
            _ => Compression.NONE,
        });
        if (spec.Predictor != TestPredictor.None)
        {
            tiff.SetField(TiffTag.PREDICTOR, spec.Predictor == TestPredictor.Horizontal ? Predictor.HORIZONTAL : Predictor.FLOATINGPOINT);
        }

        if (ifd.Reduced)
        {
            tiff.SetField(TiffTag.SUBFILETYPE, FileType.REDUCEDIMAGE);
        }

        if (ifd.Description is not null)
        {
            tiff.SetField(TiffTag.IMAGEDESCRIPTION, Encoding.UTF8.GetBytes(ifd.Description));
        }

        var sampleGroups = spec.PlanarSeparate
            ? Enumerable.Range(0, samples.Count).Select(s => new[] { samples[s] }).ToList()
            : [samples.ToArray()];
        if (spec.TileSize is { } tile)
        {
            tiff.SetField(TiffTag.TILEWIDTH, tile);
            tiff.SetField(TiffTag.TILELENGTH, tile);
            for (var group = 0; group < sampleGroups.Count; group++)
            {
                for (var y = 0; y < height; y += tile)
                {
                    for (var x = 0; x < width; x += tile)
                    {
                        var data = Interleave(sampleGroups[group], width, height, x, y, tile, tile, bytes);
                        Check(tiff.WriteEncodedTile(tiff.ComputeTile(x, y, 0, (short)group), data, data.Length), "tile");
                    }
                }
            }
        }
        else
        {
            tiff.SetField(TiffTag.ROWSPERSTRIP, spec.RowsPerStrip);
            for (var group = 0; group < sampleGroups.Count; group++)
            {
                for (var y = 0; y < height; y += spec.RowsPerStrip)
                {
                    var data = Interleave(sampleGroups[group], width, height, 0, y, width, Math.Min(spec.RowsPerStrip, height - y), bytes);
                    Check(tiff.WriteEncodedStrip(tiff.ComputeStrip(y, (short)group), data, data.Length), "strip");
                }
            }
        }

        if (!tiff.WriteDirectory())
        {
            throw new IOException("LibTiff.NET could not write a directory.");
        }
    }

    /// <summary>A block of blockWidth×blockHeight pixels from (x0, y0), samples interleaved, zero beyond the image.</summary>
    private static byte[] Interleave(byte[][] samples, int width, int height, int x0, int y0, int blockWidth, int blockHeight, int bytes)
    {
        var stride = samples.Length * bytes;
        var block = new byte[blockWidth * blockHeight * stride];
        for (var y = 0; y < blockHeight && y0 + y < height; y++)
        {
            for (var x = 0; x < blockWidth && x0 + x < width; x++)
            {
                for (var s = 0; s < samples.Length; s++)
                {
                    samples[s].AsSpan((((y0 + y) * width) + x0 + x) * bytes, bytes).CopyTo(block.AsSpan((((y * blockWidth) + x) * stride) + (s * bytes)));
                }
            }
        }

        return block;
    }

    private static void Check(int written, string what)
    {
        if (written < 0)
        {
            throw new IOException($"LibTiff.NET could not write a {what}.");
        }
    }

    private static void Tiffcp(string input, string output, TestTiffSpec spec)
    {
        var predictor = spec.Predictor switch { TestPredictor.Horizontal => ":2", TestPredictor.FloatingPoint => ":3", _ => string.Empty };
        var codec = spec.Compression switch
        {
            TestCompression.None => "none",
            TestCompression.Lzw => "lzw" + predictor,
            TestCompression.AdobeDeflate => "zip" + predictor,
            TestCompression.PackBits => "packbits",
            TestCompression.Zstd => "zstd" + predictor,
            TestCompression.Lzma => "lzma" + predictor,
            _ => throw new ArgumentException($"tiffcp cannot write {spec.Compression}."),
        };
        var arguments = new List<string> { "-c", codec, spec.BigEndian ? "-B" : "-L" };
        if (spec.BigTiff)
        {
            arguments.Add("-8");
        }

        arguments.AddRange(spec.TileSize is { } tile
            ? ["-t", "-w", tile.ToString(), "-l", tile.ToString()]
            : ["-s", "-r", spec.RowsPerStrip.ToString()]);
        arguments.Add(input);
        arguments.Add(output);
        CommandLine.Run("tiffcp", [.. arguments]);
    }
}
