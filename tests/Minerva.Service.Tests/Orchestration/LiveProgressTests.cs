using Minerva.Service.Orchestration;
using Minerva.Service.Records;

namespace Minerva.Service.Tests.Orchestration;

public sealed class LiveProgressTests
{
    private static readonly DateTime Started = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private static readonly FilesetCustomStatus Building = new("f1", "a.tif", "Building", Started,
    [
        new StepTotals(0, 0, 0, 2, 16, 1600),
        new StepTotals(0, 1, 3, 3, 4, 100),
    ]);

    [Fact]
    public void Summarize_BatchesPartlyDone_SumsRegionsAndBytesPerLevelGroup()
    {
        BatchCustomStatus[] batches = [new("f1", 0, 0, 5, 500), new("f1", 0, 0, 3, 300), new("other", 0, 0, 7, 700)];

        var (progress, filesets) = LiveProgress.Summarize(new ImportCustomStatus("Building", 1, 0), [Building], batches, Started.AddSeconds(8));

        Assert.Equal([new LevelProgress(0, 2, 16, 8, 1600, 800), new LevelProgress(3, 3, 4, 0, 100, 0)], progress.Levels);
        Assert.Equal((1, 0, 20L, 8L, 1700L, 800L), (progress.FilesTotal, progress.FilesDone, progress.RegionsTotal, progress.RegionsDone, progress.BytesTotal, progress.BytesDone));
        Assert.Equal(800.0 / 1700, filesets["f1"]);
    }

    [Fact]
    public void Summarize_BuildUnderWay_EstimatesTimeLeftFromTheRateSoFar()
    {
        var (progress, _) = LiveProgress.Summarize(null, [Building], [new("f1", 0, 0, 8, 850)], Started.AddSeconds(8));

        // 850 of 1700 bytes in 8 s: the other 850 take 8 s more.
        Assert.Equal(8.0, progress.SecondsLeft);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1700)]
    public void Summarize_NothingOrEverythingDone_HasNoEstimate(long bytesDone)
    {
        var (progress, _) = LiveProgress.Summarize(null, [Building], [new("f1", 0, 0, 20, bytesDone)], Started.AddSeconds(8));

        Assert.Null(progress.SecondsLeft);
    }

    [Fact]
    public void Summarize_FilesetStillInspecting_HasNoLevelsYet()
    {
        var inspecting = new FilesetCustomStatus("f1", "a.tif", "Inspecting", null, []);

        var (progress, filesets) = LiveProgress.Summarize(new ImportCustomStatus("Building", 2, 0), [inspecting], [], Started);

        Assert.Equal((2, 0L, 0L), (progress.FilesTotal, progress.RegionsTotal, progress.BytesTotal));
        Assert.Empty(progress.Levels);
        Assert.Empty(filesets);
    }
}
