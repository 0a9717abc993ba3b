using Minerva.Cli.CommandLine;

namespace Minerva.Cli.Tests.Support;

/// <summary>One in-process run of <c>minerva</c>: its exit code and everything it wrote to stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    /// <summary>Lines written to stderr that are not progress or notices: the error report.</summary>
    public string ErrorLine => Err.Split('\n').Select(line => line.TrimEnd('\r')).Single(line => line.StartsWith("minerva: ", StringComparison.Ordinal));

    public static async Task<CliRun> RunAsync(HttpMessageHandler handler, string stateDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(
            CliContext.CreateConsole(stdout, redirected: true),
            CliContext.CreateConsole(stderr, redirected: true),
            stderr,
            _ => null,
            stateDirectory,
            handler,
            TimeSpan.FromMilliseconds(200));
        var code = await MinervaApp.RunAsync(args, context, Program.AddCommands, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
