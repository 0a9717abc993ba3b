namespace Minerva.Testing.Services;

/// <summary>
/// The project's local S3 (scripts/s3-start.sh: Ceph RGW on a free loopback port), owned by this test run. It can be
/// stopped and started again with its data (memstore saves it on a clean stop) on the same port, as an outage would.
/// </summary>
public sealed class S3Process : IAsyncDisposable
{
    private readonly string _dir;

    private S3Process(string dir, S3Endpoint endpoint)
    {
        _dir = dir;
        Endpoint = endpoint;
    }

    public S3Endpoint Endpoint { get; }

    public static async Task<S3Process> StartAsync(string dir)
    {
        var output = await ServiceScripts.RunAsync("s3-start.sh", dir);
        return new S3Process(dir, S3Endpoint.Parse(output.Split('\n')));
    }

    /// <summary>Stops every daemon cleanly, keeping the data: the endpoint refuses connections until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => ServiceScripts.RunAsync("s3-stop.sh", _dir);

    /// <summary>Starts it again from its directory: same port, keys and objects.</summary>
    public Task StartAgainAsync() => ServiceScripts.RunAsync("s3-start.sh", _dir);

    /// <summary>s3-stop.sh signals only the pids recorded in the directory, so nothing else is touched.</summary>
    public async ValueTask DisposeAsync() => await ServiceScripts.RunAsync("s3-stop.sh", _dir, "--purge");
}
