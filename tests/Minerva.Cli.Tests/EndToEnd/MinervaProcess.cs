using System.Diagnostics;
using Minerva.Cli.Tests.Support;

namespace Minerva.Cli.Tests.EndToEnd;

/// <summary>
/// Runs the built <c>minerva</c> as its own process, as a user's shell would: real exit code, real stdout and stderr.
/// HOME is the test's folder, so the resume state (~/.minerva) is the test's own.
/// </summary>
internal static class MinervaProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<CliRun> RunAsync(string home, string url, string apiKey, params string[] args)
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

        info.Environment["HOME"] = home;
        info.Environment["MINERVA_URL"] = url;
        info.Environment["MINERVA_API_KEY"] = apiKey;

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
