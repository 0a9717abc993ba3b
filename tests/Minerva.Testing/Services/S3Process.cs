using System.Diagnostics;

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
        var output = await RunScriptAsync("s3-start.sh", dir);
        return new S3Process(dir, S3Endpoint.Parse(output.Split('\n')));
    }

    /// <summary>s3-stop.sh signals only the pids recorded in the directory, so nothing else is touched.</summary>
    public async ValueTask DisposeAsync() => await RunScriptAsync("s3-stop.sh", _dir, "--purge");

    private static async Task<string> RunScriptAsync(string script, params string[] args)
    {
        var path = Path.Combine(RepositoryRoot.Path, "scripts", script);
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{path} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
