using System.Text.Json;
using Minerva.Testing.Tools;
using Minerva.Tiling.Model;

namespace Minerva.Testing.Tiff;

/// <summary>Writes test TIFFs with Python's tifffile (Debian's /usr/bin/python3), for SubIFD pyramids.</summary>
internal static class TestTiffFileWriter
{
    /// <summary>Debian's python3, which has tifffile, numpy and PIL.</summary>
    internal const string Python = "/usr/bin/python3";

    public static void Write(string path, TestTiffSpec spec, IReadOnlyList<TestIfd> ifds)
    {
        var folder = Directory.CreateTempSubdirectory("minerva-tifffile-").FullName;
        try
        {
            var entries = ifds.Select((ifd, index) =>
            {
                var data = Path.Combine(folder, $"{index}.bin");
                using (var file = File.Create(data))
                {
                    WriteSamples(file, spec, ifd);
                }

                return new Dictionary<string, object?>
                {
                    ["data"] = data,
                    ["samples"] = ifd.Samples.Count,
                    ["width"] = ifd.Width,
                    ["height"] = ifd.Height,
                    ["reduced"] = ifd.Reduced,
                    ["subifds"] = ifd.SubIfds,
                    ["description"] = ifd.Description,
                };
            }).ToList();
            var manifest = new Dictionary<string, object?>
            {
                ["path"] = path,
                ["bigtiff"] = spec.BigTiff,
                ["byteorder"] = spec.BigEndian ? ">" : "<",
                ["dtype"] = NumpyType(spec.PixelType),
                ["planarconfig"] = spec.PlanarSeparate ? "separate" : "contig",
                ["photometric"] = spec.Rgb ? "rgb" : "minisblack",
                ["tile"] = spec.TileSize,
                ["rowsperstrip"] = spec.RowsPerStrip,
                ["compression"] = spec.Compression == TestCompression.AdobeDeflate ? "zlib" : null,
                ["predictor"] = spec.Predictor switch { TestPredictor.Horizontal => 2, TestPredictor.FloatingPoint => 3, _ => (int?)null },
                ["ifds"] = entries,
            };
            var manifestPath = Path.Combine(folder, "manifest.json");
            File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest));
            CommandLine.Run(Python, Path.Combine(AppContext.BaseDirectory, "Tiff", "tifffile_writer.py"), manifestPath);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The samples in the array layout the script reshapes: sample planes one after another, or interleaved.</summary>
    private static void WriteSamples(Stream file, TestTiffSpec spec, TestIfd ifd)
    {
        if (ifd.Samples.Count == 1 || spec.PlanarSeparate)
        {
            foreach (var plane in ifd.Samples)
            {
                file.Write(plane);
            }

            return;
        }

        var bytes = TestPixels.BytesPerSample(spec.PixelType);
        var pixels = (long)ifd.Width * ifd.Height;
        var interleaved = new byte[pixels * bytes * ifd.Samples.Count];
        for (var p = 0; p < pixels; p++)
        {
            for (var s = 0; s < ifd.Samples.Count; s++)
            {
                ifd.Samples[s].AsSpan((int)(p * bytes), bytes).CopyTo(interleaved.AsSpan((int)(((p * ifd.Samples.Count) + s) * bytes)));
            }
        }

        file.Write(interleaved);
    }

    private static string NumpyType(PixelType type) => type switch
    {
        PixelType.UInt8 => "u1",
        PixelType.Int8 => "i1",
        PixelType.UInt16 => "<u2",
        PixelType.Int16 => "<i2",
        PixelType.UInt32 => "<u4",
        PixelType.Int32 => "<i4",
        PixelType.Float32 => "<f4",
        _ => "<f8",
    };
}
