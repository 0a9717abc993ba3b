using System.Diagnostics;
using Minerva.Host.Tests.Import;

namespace Minerva.Host.Tests.Resilience;

/// <summary>
/// One import of one file, timed from its PUT complete: created in a repository of its own, so the same file is
/// built again every time (dedup by hash is per repository) and two runs' outputs can be compared object by object.
/// </summary>
internal sealed class ImportRun
{
    private readonly ImportApi api;
    private readonly Stopwatch sinceComplete;

    private ImportRun(ImportApi api, string uuid, Stopwatch sinceComplete)
    {
        this.api = api;
        Uuid = uuid;
        this.sinceComplete = sinceComplete;
    }

    public string Uuid { get; }

    /// <summary>Time since the upload was completed.</summary>
    public TimeSpan Elapsed => sinceComplete.Elapsed;

    /// <summary>Creates a repository and an import, uploads <paramref name="path"/> as sample.ome.tiff and completes the upload.</summary>
    public static async Task<ImportRun> StartAsync(ImportApi api, string path)
    {
        string import = await api.CreateImportAsync(await api.CreateRepositoryAsync());
        await api.UploadAsync(import, path, "sample.ome.tiff");
        await api.CompleteAsync(import);
        return new ImportRun(api, import, Stopwatch.StartNew());
    }

    /// <summary>Starts an import and waits until it is Complete (the test fails otherwise); answers the time from complete to Complete.</summary>
    public static async Task<(ImportRun Run, TimeSpan Duration)> CompleteAsync(ImportApi api, string path, TimeSpan timeout)
    {
        var run = await StartAsync(api, path);
        return (run, await run.WaitUntilCompleteAsync(api, timeout));
    }

    /// <summary>Waits until the build is well under way and not done: more than 30 % of its regions built, not all.</summary>
    public Task<(long Done, long Total)> WaitUntilBuildingAsync(TimeSpan timeout) => api.WaitUntilBuildingAsync(Uuid, 0.3, timeout);

    /// <summary>Waits, asking <paramref name="through"/> (any live worker), until the import finished; asserts Complete; answers the time since complete.</summary>
    public async Task<TimeSpan> WaitUntilCompleteAsync(ImportApi through, TimeSpan timeout)
    {
        var done = await through.WaitUntilFinishedAsync(Uuid, timeout);
        var elapsed = Elapsed;
        Assert.True(done.GetProperty("status").GetString() == "Complete", done.ToString());
        return elapsed;
    }

    /// <summary>Downloads the import's OME-Zarr root into <paramref name="directory"/> (keys relative to the root).</summary>
    public async Task<string> DownloadZarrAsync(Workers workers, string directory)
    {
        string root = await api.ZarrRootAsync(Uuid);
        Assert.True(await ZarrCheck.DownloadAsync(workers.Admin, workers.Bucket, root, directory) > 0, $"Nothing under {root}.");
        return directory;
    }
}
