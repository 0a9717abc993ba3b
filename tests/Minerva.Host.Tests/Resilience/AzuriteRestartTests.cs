using System.Diagnostics;
using Minerva.Host.Tests.Import;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Resilience;

/// <summary>
/// The storage that holds the task hub and the records (Azurite, on disk) restarted under a running import: the
/// engine's queues, leases and histories and the records survive it, and the import completes with the TIFF's pixels.
/// </summary>
[Collection(ResilienceCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AzuriteRestartTests(LocalServices services, ITestOutputHelper output) : ResilienceTest(output)
{
    [Fact]
    public async Task Import_AzuriteRestartedWhileBuilding_Completes()
    {
        await using var azurite = await PersistentAzurite.StartAsync(Files.NewDirectory("azurite"));
        await using var workers = await Workers.StartAsync(1, azurite.ConnectionString, services.S3, Settings.ManyRegions);
        var api = workers.Api();
        var (path, _) = Files.PyramidalOmeTiff();

        var run = await ImportRun.StartAsync(api, path);
        var (done, total) = await run.WaitUntilBuildingAsync(ImportTimeout);
        var outage = Stopwatch.StartNew();
        await azurite.StopAsync();
        var stopped = outage.Elapsed;
        await azurite.StartAgainAsync();
        outage.Stop();
        var complete = await run.WaitUntilCompleteAsync(api, ImportTimeout);

        Output.WriteLine(await ZarrCheck.AssertMatchesTiffAsync(await run.DownloadZarrAsync(workers, Files.NewDirectory("zarr")), 0, path));
        Output.WriteLine($"Azurite stopped at {done}/{total} regions done and answering again {outage.Elapsed.TotalSeconds:F1} s later (stopping took {stopped.TotalSeconds:F1} s); "
            + $"Complete {complete.TotalSeconds:F1} s after the upload was completed; {workers.CountLog(Workers.ActivityFailed)[0]} failed activity attempts");
    }
}
