using System.Diagnostics;

namespace Minerva.Testing.Services;

/// <summary>Runs one of the project's service scripts (scripts/*-start.sh, *-stop.sh) to its end.</summary>
internal static class ServiceScript
{
    /// <summary>Answers what the script printed on stdout; throws with its stderr when it fails.</summary>
    public static async Task<string> RunAsync(string script, params string[] args)
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
