using Spectre.Console.Cli;

namespace Minerva.Cli.CommandLine;

/// <summary>Runs the command line: parses, executes, and turns any exception into one stderr line and an exit code.</summary>
internal static class MinervaApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, Action<IConfigurator> commands, CancellationToken ct)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("minerva");
            config.ConfigureConsole(context.Out);
            config.Settings.Registrar.RegisterInstance(context);
            // Exceptions come back here, not to Spectre's handler, so FailureReport alone decides what users see.
            config.PropagateExceptions();
            config.UseStrictParsing();
            commands(config);
        });

        try
        {
            return await app.RunAsync(args, ct);
        }
        catch (Exception exception)
        {
            var failure = FailureReport.From(exception);
            await context.ErrorLine.WriteLineAsync(failure.Line);
            return failure.ExitCode;
        }
    }
}
