namespace Minerva.Testing.Services;

/// <summary>The project's local S3 (scripts/s3-start.sh: Ceph RGW on a free loopback port), owned by this test run.</summary>
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

    /// <summary>s3-stop.sh signals only the pids recorded in the directory, so nothing else is touched.</summary>
    public async ValueTask DisposeAsync() => await ServiceScripts.RunAsync("s3-stop.sh", _dir, "--purge");
}
