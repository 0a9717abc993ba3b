using System.Diagnostics;

namespace Minerva.Testing.Services;

/// <summary>Runs the repository's scripts/ (s3-start.sh, azurite-start.sh and their stop scripts) and answers their output.</summary>
public static class ServiceScripts
{
    /// <summary>Stdout of <c>scripts/{script} args…</c>; throws with its stderr when it exits non-zero.</summary>
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
