using System.Diagnostics;

namespace Minerva.Cli.Tests.Support;

/// <summary>
/// Runs the built <c>minerva</c> (copied beside the tests) as its own process, as a user's shell would: real exit
/// code, real stdout and stderr.
/// </summary>
internal static class MinervaProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>A command that needs no service (e.g. <c>tile</c>).</summary>
    public static Task<CliRun> RunLocalAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>
    /// A client command against a service; HOME is the test's folder, so the resume state (~/.minerva) is the test's own.
    /// </summary>
    public static Task<CliRun> RunAsync(string home, string url, string apiKey, params string[] args) =>
        RunAsync(new Dictionary<string, string> { ["HOME"] = home, ["MINERVA_URL"] = url, ["MINERVA_API_KEY"] = apiKey }, args);

    private static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "minerva.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start minerva");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"minerva {string.Join(' ', args)} did not finish within {Timeout}; stderr: {await stderr}");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
