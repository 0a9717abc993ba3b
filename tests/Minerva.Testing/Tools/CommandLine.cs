using System.Diagnostics;

namespace Minerva.Testing.Tools;

/// <summary>Runs the command-line tools the test writers use (tiffcp, vips, Debian's python3) and fails loudly.</summary>
public static class CommandLine
{
    /// <summary>Runs <paramref name="program"/> and returns its standard output; throws <see cref="IOException"/> with its errors when it fails.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new IOException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new IOException($"{program} failed ({process.ExitCode}): {errors}{output.Result}");
        }

        return output.Result;
    }
}
