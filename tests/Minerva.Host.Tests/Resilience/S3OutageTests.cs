using System.Diagnostics;
using Minerva.Host.Tests.Import;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Resilience;

/// <summary>
/// The object store failing under a running import, on a private S3 (Ceph RGW) the test stops: for a few seconds,
/// the activities' retries with backoff carry the import through to the same output; for good, the import ends
/// Failed with the reason within bounded time, never left in Processing.
/// </summary>
[Collection(ResilienceCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class S3OutageTests(LocalServices services, ITestOutputHelper output) : ResilienceTest(output)
{
    private const string RegionFailed = "[BuildRegion";

    [Fact]
    public async Task Import_S3StoppedAndStartedAgainWhileBuilding_CompletesByteIdenticalThroughRetries()
    {
        await using var s3 = await S3Process.StartAsync(Files.NewDirectory("s3"));
        await using var workers = await Workers.StartAsync(1, services.StorageConnectionString, s3.Endpoint, Settings.ManyRegions);
        var api = workers.Api();
        var (path, _) = Files.PyramidalOmeTiff();
        var (reference, uninterrupted) = await ImportRun.CompleteAsync(api, path, ImportTimeout);

        var run = await ImportRun.StartAsync(api, path);
        var (done, total) = await run.WaitUntilBuildingAsync(ImportTimeout);
        var outage = Stopwatch.StartNew();
        await s3.StopAsync();
        await s3.StartAgainAsync();
        outage.Stop();
        var complete = await run.WaitUntilCompleteAsync(api, ImportTimeout);

        int failures = CountFailures(workers.Hosts[0]);
        Assert.True(failures > 0, $"No activity saw S3 down: the outage proved nothing.\n{workers.LogTails()}");
        int objects = ZarrCheck.AssertSameObjects(
            await reference.DownloadZarrAsync(workers, Files.NewDirectory("reference")),
            await run.DownloadZarrAsync(workers, Files.NewDirectory("outage")));
        Output.WriteLine($"uninterrupted: complete → Complete in {uninterrupted.TotalSeconds:F1} s ({total} regions)");
        Output.WriteLine($"S3 stopped at {done}/{total} regions done and answering again {outage.Elapsed.TotalSeconds:F1} s later");
        Output.WriteLine($"Complete in {complete.TotalSeconds:F1} s; {failures} failed activity attempts retried "
            + $"({CountFailures(workers.Hosts[0], RegionFailed)} of them region builds); {objects} objects byte-identical");
    }

    [Fact]
    public async Task Import_S3StoppedForGoodWhileBuilding_EndsFailedWithTheReason()
    {
        await using var s3 = await S3Process.StartAsync(Files.NewDirectory("s3"));
        await using var workers = await Workers.StartAsync(1, services.StorageConnectionString, s3.Endpoint, Settings.ManyRegions);
        var api = workers.Api();
        var (path, _) = Files.PyramidalOmeTiff();

        var run = await ImportRun.StartAsync(api, path);
        var (done, total) = await run.WaitUntilBuildingAsync(ImportTimeout);
        await s3.StopAsync();
        var stopped = run.Elapsed;
        var finished = await api.WaitUntilFinishedAsync(run.Uuid, ImportTimeout);

        Output.WriteLine($"S3 stopped at {done}/{total} regions done; the import ended {(run.Elapsed - stopped).TotalSeconds:F1} s later: {finished}");
        Output.WriteLine($"{CountFailures(workers.Hosts[0])} failed activity attempts");
        Assert.Equal("Failed", finished.GetProperty("status").GetString());
        string error = Assert.Single(finished.GetProperty("errors").EnumerateArray()).GetString()!;
        Assert.Contains("sample.ome.tiff", error);
        Assert.Contains("Connection refused", error);
        Assert.DoesNotContain("unhandled exception", error);   // the reason, not the engine's wrapping of it
        var fileset = Assert.Single(await api.FilesetsAsync(run.Uuid));
        Assert.Equal("Failed", fileset.GetProperty("status").GetString());
        Assert.EndsWith(fileset.GetProperty("error").GetString()!, error);
    }

    /// <summary>Failed activity attempts DurableTask.Core logged (optionally of one activity): each was retried, or failed its caller.</summary>
    private static int CountFailures(HostProcess host, string activity = "") =>
        host.Log.Count(line => line.Contains(": Task activity " + activity, StringComparison.Ordinal) && line.Contains(Workers.ActivityFailed, StringComparison.Ordinal));
}
