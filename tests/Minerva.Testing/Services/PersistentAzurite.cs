namespace Minerva.Testing.Services;

/// <summary>
/// A private Azurite that keeps its data on disk (scripts/azurite-start.sh with its own directory, not in memory), so
/// it can be stopped and started again on the same ports with everything it held, as a storage outage would.
/// </summary>
public sealed class PersistentAzurite : IAsyncDisposable
{
    private readonly string _dir;

    private PersistentAzurite(string dir, string connectionString)
    {
        _dir = dir;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PersistentAzurite> StartAsync(string dir)
    {
        var output = await ServiceScripts.RunAsync("azurite-start.sh", dir);
        const string prefix = "AZURE_STORAGE_CONNECTION_STRING=";
        string line = output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return new PersistentAzurite(dir, line[prefix.Length..].Trim('"'));
    }

    /// <summary>Stops it (SIGTERM, by its own pid); its data stays in the directory.</summary>
    public Task StopAsync() => ServiceScripts.RunAsync("azurite-stop.sh", _dir);

    /// <summary>Starts it again from its directory, on the ports it had.</summary>
    public Task StartAgainAsync() => ServiceScripts.RunAsync("azurite-start.sh", _dir);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
