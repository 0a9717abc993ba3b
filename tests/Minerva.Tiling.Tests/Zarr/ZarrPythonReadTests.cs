using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;
using Minerva.Tiling.Tests.Pyramid;
using Minerva.Tiling.Zarr;

namespace Minerva.Tiling.Tests.Zarr;

/// <summary>zarr-python opens the written OME-Zarr and finds, at every level, exactly the reference pyramid.</summary>
public class ZarrPythonReadTests
{
    private const string CompareScript = """
        import sys, json
        import numpy as np
        import zarr
        root, expected_dir, levels = sys.argv[1], sys.argv[2], int(sys.argv[3])
        group = zarr.open_group(root, mode="r")
        assert group.attrs["bioformats2raw.layout"] == 3
        series = group["0"]
        paths = [d["path"] for d in series.attrs["multiscales"][0]["datasets"]]
        assert paths == [str(k) for k in range(levels)], paths
        for k in range(levels):
            array = series[str(k)]
            actual = array[...]
            expected = np.fromfile("%s/%d.bin" % (expected_dir, k), dtype=array.dtype).reshape(array.shape)
            if actual.tobytes() != expected.tobytes():
                print("level", k, "differs", array.dtype, array.shape)
                sys.exit(1)
        print("ok")
        """;

    [Theory]
    [InlineData(PixelType.UInt8, Compressor.BloscLz4)]
    [InlineData(PixelType.Int8, Compressor.BloscZstd)]
    [InlineData(PixelType.UInt16, Compressor.BloscLz4)]
    [InlineData(PixelType.UInt16, Compressor.BloscZstd)]
    [InlineData(PixelType.UInt16, Compressor.Zlib)]
    [InlineData(PixelType.UInt16, Compressor.None)]
    [InlineData(PixelType.Int16, Compressor.BloscLz4)]
    [InlineData(PixelType.UInt32, Compressor.BloscLz4)]
    [InlineData(PixelType.Int32, Compressor.Zlib)]
    [InlineData(PixelType.Float32, Compressor.BloscLz4)]
    [InlineData(PixelType.Float64, Compressor.BloscZstd)]
    public async Task Build_AnyTypeAndCompressor_ZarrPythonReadsTheReferencePyramid(PixelType type, Compressor compressor)
    {
        using var source = MemoryPixelSource.Random(type, 2, 2, 1, 517, 333, seed: 11);
        var options = new TileOptions(ChunkSize: 128, Compressor: compressor, RegionBytes: 256 * 256 * type.SampleSize());
        var series = source.Info.Series[0];
        using var output = new TempDirectory();
        using var expected = new TempDirectory();

        await new LocalPyramidWriter(2).WriteAsync(source, [0], options, new DirectoryChunkStore(output.Path), CancellationToken.None);
        var plan = PyramidPlanner.Plan(series, options);
        WriteReferenceLevels(source, plan, expected.Path);

        var (exitCode, text) = await SystemPython.RunAsync(CompareScript, output.Path, expected.Path, plan.Levels.Count.ToString());
        Assert.True(exitCode == 0, text);
    }

    /// <summary>Writes each level's full t,c,z,y,x array as raw bytes: level 0 from the source, then reference means.</summary>
    private static void WriteReferenceLevels(MemoryPixelSource source, PyramidPlan plan, string folder)
    {
        var series = plan.Series;
        var planes = new List<byte[]>();
        for (int t = 0; t < series.SizeT; t++)
        {
            for (int c = 0; c < series.SizeC; c++)
            {
                for (int z = 0; z < series.SizeZ; z++)
                {
                    planes.Add(source.Plane(0, t, c, z));
                }
            }
        }

        foreach (var level in plan.Levels)
        {
            if (level.Level > 0)
            {
                var above = plan.Levels[level.Level - 1];
                planes = planes.Select(p => ReferenceMean.Halve(series.PixelType, p, above.SizeY, above.SizeX)).ToList();
            }

            File.WriteAllBytes(Path.Combine(folder, $"{level.Level}.bin"), planes.SelectMany(p => p).ToArray());
        }
    }
}
