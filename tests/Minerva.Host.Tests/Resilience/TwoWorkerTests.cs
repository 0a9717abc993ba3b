using Minerva.Host.Tests.Import;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Resilience;

/// <summary>
/// Two worker processes on one task hub, one activity at a time each (the honest test of scale-out on two cores):
/// they share one import's region activities, and when one is killed with SIGKILL and not started again, the other
/// takes over its partitions once their leases expire and finishes the import, byte-identical to the uninterrupted one.
/// </summary>
[Collection(ResilienceCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class TwoWorkerTests(LocalServices services, ITestOutputHelper output) : ResilienceTest(output)
{
    private const string RegionStarted = Workers.ActivityStarted + "[BuildRegion";

    [Fact]
    public async Task Import_TwoWorkers_BothBuildRegionsAndOneKilledLeavesTheOtherToFinishByteIdentical()
    {
        await using var workers = await Workers.StartAsync(2, services, [.. Settings.ManyRegions, ("Minerva:MaxConcurrentActivities", "1")]);
        var api = workers.Api(worker: 0);
        var (path, _) = Files.PyramidalOmeTiff();

        // Shared: both workers build regions of one import, and what they built together is the TIFF's pixels.
        var (reference, uninterrupted) = await ImportRun.CompleteAsync(api, path, ImportTimeout);
        int[] regions = workers.CountLog(RegionStarted);
        Assert.True(regions.All(r => r > 0), $"Region activities per worker: {string.Join(", ", regions)}\n{workers.LogTails()}");
        string expected = await reference.DownloadZarrAsync(workers, Files.NewDirectory("reference"));
        Output.WriteLine(await ZarrCheck.AssertMatchesTiffAsync(expected, 0, path));
        Output.WriteLine($"two workers: complete → Complete in {uninterrupted.TotalSeconds:F1} s, region activities per worker {string.Join(" + ", regions)}");

        // One of them dies while building and stays dead: the other finishes.
        var run = await ImportRun.StartAsync(api, path);
        int[] before = workers.CountLog(RegionStarted);
        var (done, total) = await run.WaitUntilBuildingAsync(ImportTimeout);
        Assert.True(workers.CountLog(RegionStarted)[1] > before[1], "worker2 built none of this import's regions before it was killed.");
        await workers.Hosts[1].KillAsync();
        var killed = run.Elapsed;
        var complete = await run.WaitUntilCompleteAsync(api, ImportTimeout);

        int objects = ZarrCheck.AssertSameObjects(expected, await run.DownloadZarrAsync(workers, Files.NewDirectory("survived")));
        Output.WriteLine($"worker2 killed (SIGKILL) at {killed.TotalSeconds:F1} s with {done}/{total} regions done, not started again");
        Output.WriteLine($"Complete at {complete.TotalSeconds:F1} s: kill → Complete {(complete - killed).TotalSeconds:F1} s, "
            + $"recovery (cost of the crash) {(complete - uninterrupted).TotalSeconds:F1} s; {objects} objects byte-identical");
    }
}
