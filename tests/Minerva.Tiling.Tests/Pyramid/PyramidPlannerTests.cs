using System.Text.Json;
using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid;

namespace Minerva.Tiling.Tests.Pyramid;

public class PyramidPlannerTests
{
    private static SeriesInfo Series(long sizeY, long sizeX, PixelType type = PixelType.UInt16, int sizeC = 1, params StoredLevel[] stored) =>
        new(0, "s", 1, sizeC, 1, sizeY, sizeX, type, PhysicalSizes.Unknown, [], [new StoredLevel(0, sizeY, sizeX), .. stored]);

    [Fact]
    public void Plan_OddSizes_HalvesRoundingUpUntilOneChunk()
    {
        var plan = PyramidPlanner.Plan(Series(4097, 3073), new TileOptions());

        Assert.Equal(
            new[] { (4097L, 3073L, 1024, 1024), (2049, 1537, 1024, 1024), (1025, 769, 1024, 769), (513, 385, 513, 385) },
            plan.Levels.Select(l => (l.SizeY, l.SizeX, l.ChunkY, l.ChunkX)));
    }

    [Fact]
    public void Plan_ImageWithinOneChunk_HasOneLevelWithClippedChunk()
    {
        var plan = PyramidPlanner.Plan(Series(300, 1024), new TileOptions());

        var level = Assert.Single(plan.Levels);
        Assert.Equal((300, 1024), (level.ChunkY, level.ChunkX));
        Assert.Equal(1, plan.RegionCount);
    }

    [Fact]
    public void Plan_DefaultUInt16_RegionsAre4096SquaresYieldingTwoExtraLevels()
    {
        var plan = PyramidPlanner.Plan(Series(10000, 9000), new TileOptions());

        var first = plan.Steps[0].Regions;
        Assert.All(first, r => Assert.Equal((0, 2), (r.Level, r.ExtraLevels)));
        Assert.Equal(3 * 3, first.Count);
        Assert.Contains(first, r => r is { Y0: 8192, X0: 8192, Height: 10000 - 8192, Width: 9000 - 8192 });
        Assert.All(first, r => Assert.True(r.Height * r.Width * 2 <= plan.Options.RegionBytes));
        Assert.Equal(3, plan.Steps[1].Regions[0].Level);
    }

    [Fact]
    public void Plan_EveryLevel_IsProducedByExactlyOneStepInOrder()
    {
        var plan = PyramidPlanner.Plan(Series(70000, 50000), new TileOptions(RegionBytes: 8L << 20));

        var produced = plan.Steps.SelectMany(s => Enumerable.Range(s.Regions[0].Level, s.Regions[0].ExtraLevels + 1)).ToList();
        Assert.Equal(Enumerable.Range(0, plan.Levels.Count), produced);
        Assert.All(plan.Steps, s => Assert.Single(s.Regions.Select(r => (r.Level, r.ExtraLevels)).Distinct()));
    }

    [Fact]
    public void Plan_200GigabyteImage_NeedsThousandsOfRegions()
    {
        // 5 channels × 100 000 × 200 000 uint16 = 200 GB.
        var plan = PyramidPlanner.Plan(Series(100_000, 200_000, sizeC: 5), new TileOptions());

        Assert.InRange(plan.RegionCount, 1000, 20_000);
    }

    [Fact]
    public void Plan_FactorFourStoredPyramid_ReadsStoredLevelsAndComputesTheOthers()
    {
        var plan = PyramidPlanner.Plan(
            Series(9000, 9000, stored: [new StoredLevel(1, 2250, 2250), new StoredLevel(2, 563, 563)]),
            new TileOptions());

        Assert.Equal(new int?[] { 0, null, 1, null, 2 }, plan.Levels.Select(l => l.StoredLevel));
        Assert.Equal(new[] { (0, 1), (2, 1), (4, 0) }, plan.Steps.Select(s => (s.Regions[0].Level, s.Regions[0].ExtraLevels)));
    }

    [Fact]
    public void Plan_StoredLevelOfFloorHalvedSize_IsUsedAtItsOwnSize()
    {
        var plan = PyramidPlanner.Plan(Series(4097, 4097, stored: [new StoredLevel(1, 2048, 2048)]), new TileOptions());

        Assert.Equal(new int?[] { 0, 1, null }, plan.Levels.Select(l => l.StoredLevel));
        Assert.Equal(new long[] { 4097, 2048, 1024 }, plan.Levels.Select(l => l.SizeY));
    }

    [Fact]
    public void Plan_AperioFactorFourLevelsRoundedDown_AreReadFromTheSource()
    {
        // CMU-1.svs: 46000×32914, then 11500×8228 and 2875×2057 (each a quarter, rounded down).
        var plan = PyramidPlanner.Plan(
            Series(32914, 46000, stored: [new StoredLevel(1, 8228, 11500), new StoredLevel(2, 2057, 2875)]),
            new TileOptions());

        Assert.Equal(new int?[] { 0, null, 1, null, 2, null, null }, plan.Levels.Select(l => l.StoredLevel));
        Assert.Equal(new long[] { 32914, 16457, 8228, 4114, 2057, 1029, 515 }, plan.Levels.Select(l => l.SizeY));
    }

    [Fact]
    public void Plan_StoredLevelTwoPixelsOff_IsNotUsed()
    {
        var plan = PyramidPlanner.Plan(Series(4096, 4096, stored: [new StoredLevel(1, 2046, 2048)]), new TileOptions());

        Assert.All(plan.Levels.Skip(1), l => Assert.Null(l.StoredLevel));
    }

    [Fact]
    public void Plan_FewSmallChannels_RegionsSpanAllChannels()
    {
        var plan = PyramidPlanner.Plan(Series(5000, 5000, PixelType.UInt8, sizeC: 3), new TileOptions());

        Assert.All(plan.Steps.SelectMany(s => s.Regions), r => Assert.Equal((0, 3), (r.C0, r.CCount)));
    }

    [Theory]
    [InlineData(1023)]
    [InlineData(32)]
    [InlineData(16384)]
    public void Plan_BadChunkSize_Throws(int chunk)
    {
        Assert.Throws<ArgumentException>(() => PyramidPlanner.Plan(Series(100, 100), new TileOptions(ChunkSize: chunk)));
    }

    [Fact]
    public void Plan_JsonRoundTrip_KeepsEveryValue()
    {
        var plan = PyramidPlanner.Plan(Series(9000, 9000, stored: [new StoredLevel(1, 4500, 4500)]), new TileOptions(Compressor: Compressor.Zlib));

        var copy = JsonSerializer.Deserialize<PyramidPlan>(JsonSerializer.Serialize(plan))!;

        Assert.Equal(JsonSerializer.Serialize(plan), JsonSerializer.Serialize(copy));
        Assert.Equal(plan.Steps.SelectMany(s => s.Regions), copy.Steps.SelectMany(s => s.Regions));
        Assert.Equal(plan.Levels, copy.Levels);
    }
}
