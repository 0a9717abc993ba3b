using Minerva.Tiling.IO;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;

namespace Minerva.Tiling.Tests.Pyramid;

/// <summary>Whole pyramids built region by region into a real folder, checked pixel by pixel against the reference mean.</summary>
public class PyramidBuildTests
{
    [Fact]
    public async Task Build_UInt16OddSizeDefaultOptions_EveryLevelIsTheMeanOfTheLevelAbove()
    {
        using var source = MemoryPixelSource.Random(PixelType.UInt16, 1, 1, 1, 4097, 3073, seed: 7);

        await AssertPyramidAsync(source, new TileOptions());
    }

    [Theory]
    [InlineData(PixelType.UInt8)]
    [InlineData(PixelType.Int8)]
    [InlineData(PixelType.UInt16)]
    [InlineData(PixelType.Int16)]
    [InlineData(PixelType.UInt32)]
    [InlineData(PixelType.Int32)]
    [InlineData(PixelType.Float32)]
    [InlineData(PixelType.Float64)]
    public async Task Build_SmallChunksManySteps_EveryLevelIsTheMeanOfTheLevelAbove(PixelType type)
    {
        // Regions of 128² yield one extra level, so levels 2 and 4 are computed from chunks read back from the store.
        using var source = MemoryPixelSource.Random(type, 2, 2, 2, 333, 517, seed: (int)type);
        var options = new TileOptions(ChunkSize: 64, RegionBytes: 128 * 128 * type.SampleSize());

        var plan = await AssertPyramidAsync(source, options);

        Assert.Equal(5, plan.Levels.Count);
        Assert.Equal(3, plan.Steps.Count);
    }

    [Theory]
    [InlineData(Compressor.BloscLz4)]
    [InlineData(Compressor.BloscZstd)]
    [InlineData(Compressor.Zlib)]
    [InlineData(Compressor.None)]
    public async Task Build_EachCompressor_ChunksDecodeToThePyramid(Compressor compressor)
    {
        using var source = MemoryPixelSource.Random(PixelType.UInt16, 1, 3, 1, 300, 200, seed: 3);

        await AssertPyramidAsync(source, new TileOptions(ChunkSize: 64, Compressor: compressor, RegionBytes: 1 << 16));
    }

    [Fact]
    public async Task Build_FactorTwoStoredPyramid_CopiesEveryStoredLevel()
    {
        using var source = MemoryPixelSource.Random(PixelType.UInt16, 1, 2, 1, 301, 255, 7, (151, 128), (76, 64));

        var plan = await AssertPyramidAsync(source, new TileOptions(ChunkSize: 64));

        Assert.Equal(new int?[] { 0, 1, 2, null }, plan.Levels.Select(l => l.StoredLevel));
        Assert.All(source.ReadsPerLevel, reads => Assert.True(reads > 0));
    }

    [Fact]
    public async Task Build_FactorFourStoredPyramid_CopiesStoredLevelsAndComputesTheOthers()
    {
        using var source = MemoryPixelSource.Random(PixelType.UInt16, 1, 1, 1, 1000, 777, 9, (250, 195));

        var plan = await AssertPyramidAsync(source, new TileOptions(ChunkSize: 64));

        Assert.Equal(new int?[] { 0, null, 1, null, null }, plan.Levels.Select(l => l.StoredLevel));
    }

    [Fact]
    public async Task Build_Twice_WritesIdenticalBytes()
    {
        using var source = MemoryPixelSource.Random(PixelType.Int16, 1, 2, 1, 200, 300, seed: 5);
        var options = new TileOptions(ChunkSize: 64, RegionBytes: 1 << 15);
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        await new LocalPyramidWriter(2).WriteAsync(source, [0], options, new DirectoryChunkStore(first.Path), CancellationToken.None);
        await new LocalPyramidWriter(1).WriteAsync(source, [0], options, new DirectoryChunkStore(second.Path), CancellationToken.None);

        var files = Directory.GetFiles(first.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.Path, f)).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(second.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second.Path, f)).Order());
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, f)), File.ReadAllBytes(Path.Combine(second.Path, f))));
    }

    [Fact]
    public async Task BuildAsync_RegionBeforeItsLevelAboveExists_Throws()
    {
        using var source = MemoryPixelSource.Random(PixelType.UInt8, 1, 1, 1, 300, 300, seed: 1);
        var plan = PyramidPlanner.Plan(source.Info.Series[0], new TileOptions(ChunkSize: 64, RegionBytes: 64 * 64));
        using var folder = new TempDirectory();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RegionBuilder.BuildAsync(source, plan, plan.Steps[1].Regions[0], new DirectoryChunkStore(folder.Path), CancellationToken.None));
        Assert.Contains("0/0/0/0/0/0/0", error.Message);
    }

    [Fact]
    public async Task BuildAsync_LevelZeroRegion_ReportsChannelRanges()
    {
        using var source = MemoryPixelSource.Random(PixelType.UInt16, 1, 2, 1, 100, 100, seed: 2);
        var plan = PyramidPlanner.Plan(source.Info.Series[0], new TileOptions(ChunkSize: 64));
        using var folder = new TempDirectory();

        var result = await RegionBuilder.BuildAsync(source, plan, plan.Steps[0].Regions[0], new DirectoryChunkStore(folder.Path), CancellationToken.None);

        var samples = Enumerable.Range(0, 100 * 100).Select(i => Samples.ReadInteger(PixelType.UInt16, source.Plane(0, 0, 1, 0), i)).ToList();
        Assert.Contains(new ChannelRange(1, samples.Min(), samples.Max()), result.Channels);
    }

    [Fact]
    public void PeakBytes_Region_CountsItsPlanesTheirHalvesAndARawAndEncodedChunkPerChunkInFlight()
    {
        using var source = MemoryPixelSource.Random(PixelType.UInt16, 1, 2, 1, 300, 200, seed: 3);
        var plan = PyramidPlanner.Plan(source.Info.Series[0], new TileOptions(ChunkSize: 64, Compressor: Compressor.None));
        var region = plan.Steps[0].Regions[0];
        long planes = region.CCount * region.Height * region.Width * 2;
        const int chunk = 64 * 64 * 2;

        // Uncompressed, an encoded chunk takes as many bytes as a raw one.
        Assert.Equal(planes + (planes / 4) + (3 * (chunk + chunk)), RegionBuilder.PeakBytes(plan, region, chunksInFlight: 3));
    }

    /// <summary>Builds the whole pyramid and checks every plane of every level: copied from the source or the mean of the level above.</summary>
    private static async Task<PyramidPlan> AssertPyramidAsync(MemoryPixelSource source, TileOptions options)
    {
        var series = source.Info.Series[0];
        var plan = PyramidPlanner.Plan(series, options);
        using var folder = new TempDirectory();
        var store = new DirectoryChunkStore(folder.Path);

        await new LocalPyramidWriter(2).WriteAsync(source, [0], options, store, CancellationToken.None);

        for (int t = 0; t < series.SizeT; t++)
        {
            for (int c = 0; c < series.SizeC; c++)
            {
                for (int z = 0; z < series.SizeZ; z++)
                {
                    byte[]? above = null;
                    foreach (var level in plan.Levels)
                    {
                        byte[] expected = level.StoredLevel is int stored
                            ? source.Plane(stored, t, c, z)
                            : ReferenceMean.Halve(series.PixelType, above!, plan.Levels[level.Level - 1].SizeY, plan.Levels[level.Level - 1].SizeX);
                        byte[] actual = await ZarrPlaneReader.ReadAsync(store, plan, level.Level, t, c, z);
                        Assert.True(expected.AsSpan().SequenceEqual(actual), $"Level {level.Level} of plane t{t} c{c} z{z} differs.");
                        above = actual;
                    }
                }
            }
        }

        return plan;
    }
}
