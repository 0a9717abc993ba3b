using Minerva.Host.Tests.Import;
using Minerva.Testing.Services;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Resilience;

/// <summary>
/// A host process killed with SIGKILL while an import's regions are being built loses nothing: started again at once
/// under its worker id, it takes its partitions back, and the work the dead process had taken becomes visible again
/// after the work-item visibility timeout; the import completes with every OME-Zarr object byte-identical to an
/// uninterrupted import of the same file (itself checked pixel for pixel against the TIFF: an import of a few hundred
/// region activities in batches of several sub-orchestrations per level).
/// </summary>
[Collection(ResilienceCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class HostCrashTests(LocalServices services, ITestOutputHelper output) : ResilienceTest(output)
{
    [Fact]
    public async Task Import_HostKilledWhileBuildingAndStartedAgain_CompletesByteIdenticalToUninterruptedImport()
    {
        await using var workers = await Workers.StartAsync(1, services, Settings.ManyRegions);
        var host = workers.Hosts[0];
        var api = workers.Api();
        var (path, _) = Files.PyramidalOmeTiff(width: 800, height: 600);
        var (reference, uninterrupted) = await ImportRun.CompleteAsync(api, path, ImportTimeout);

        var run = await ImportRun.StartAsync(api, path);
        var (done, total) = await run.WaitUntilBuildingAsync(ImportTimeout);
        await host.KillAsync();
        var killed = run.Elapsed;
        await host.StartAgainAsync();
        var restarted = run.Elapsed;
        var complete = await run.WaitUntilCompleteAsync(api, ImportTimeout);

        // The uninterrupted import is right (zarr-python against tifffile), and the interrupted one is the same, byte for byte.
        string expected = await reference.DownloadZarrAsync(workers, Files.NewDirectory("reference"));
        Output.WriteLine(await ZarrCheck.AssertMatchesTiffAsync(expected, 0, path));
        int objects = ZarrCheck.AssertSameObjects(expected, await run.DownloadZarrAsync(workers, Files.NewDirectory("crashed")));
        Output.WriteLine($"uninterrupted: complete → Complete in {uninterrupted.TotalSeconds:F1} s ({total} regions)");
        Output.WriteLine($"killed (SIGKILL) at {killed.TotalSeconds:F1} s with {done}/{total} regions done; API answering again at {restarted.TotalSeconds:F1} s");
        Output.WriteLine($"Complete at {complete.TotalSeconds:F1} s: kill → Complete {(complete - killed).TotalSeconds:F1} s, "
            + $"recovery (cost of the crash) {(complete - uninterrupted).TotalSeconds:F1} s with a {Workers.VisibilityTimeout.TotalSeconds:F0} s visibility timeout");
        Output.WriteLine($"{objects} OME-Zarr objects byte-identical to the uninterrupted import's");
    }
}
