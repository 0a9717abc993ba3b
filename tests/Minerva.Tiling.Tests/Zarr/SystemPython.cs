using System.Diagnostics;

namespace Minerva.Tiling.Tests.Zarr;

/// <summary>
/// Runs a script with Debian's /usr/bin/python3, which has numpy, zarr 2.13 and numcodecs: the reference
/// readers the output must satisfy. A script reports pass/fail through its exit code.
/// </summary>
internal static class SystemPython
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        string path = Path.Combine(Path.GetTempPath(), $"minerva-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(path, script);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(path);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
