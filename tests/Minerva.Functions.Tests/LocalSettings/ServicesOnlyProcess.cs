using System.Diagnostics;
using Minerva.Testing.Services;

namespace Minerva.Functions.Tests.LocalSettings;

/// <summary>
/// <c>./run.sh --services-only</c> as a user starts it, on a settings file and a data folder of the test's: waits for
/// the line that says the services are up, and stops them as Ctrl-C would (SIGTERM to its own PID).
/// </summary>
internal sealed class ServicesOnlyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServicesOnlyProcess(string settings, string data)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "run.sh"));
        info.ArgumentList.Add("--services-only");
        info.Environment["MINERVA_LOCAL_SETTINGS"] = settings;
        info.Environment["MINERVA_DATA"] = data;
        info.Environment["S3_OSD_STORE"] = "memstore"; // faster to start; these objects are thrown away
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // its client build leaves no build servers behind
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start run.sh.");
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _output);

    public static async Task<ServicesOnlyProcess> StartAsync(string settings, string data, TimeSpan timeout)
    {
        var services = new ServicesOnlyProcess(settings, data);
        var exited = services._process.WaitForExitAsync();
        if (await Task.WhenAny(services._ready.Task, exited, Task.Delay(timeout)) != services._ready.Task)
        {
            await services.DisposeAsync();
            throw new InvalidOperationException($"run.sh --services-only did not get the services up within {timeout}:\n{services.Output}");
        }

        return services;
    }

    /// <summary>What Ctrl-C does: SIGTERM, then the script stops what it started. Answers its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.StartsWith("S3__Endpoint=", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
