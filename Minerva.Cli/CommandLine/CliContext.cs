using Spectre.Console;

namespace Minerva.Cli.CommandLine;

/// <summary>
/// Everything a command touches outside itself: where results go (stdout), where progress and notices go
/// (stderr, so <c>--json</c> output stays clean), the environment, the resume-state folder and the HTTP handler.
/// Tests give their own; <see cref="ForProcess"/> gives the real ones.
/// </summary>
internal sealed record CliContext(
    IAnsiConsole Out,
    IAnsiConsole Status,
    TextWriter ErrorLine,
    Func<string, string?> Environment,
    string StateDirectory,
    HttpMessageHandler HttpHandler,
    TimeSpan PollInterval)
{
    /// <summary>Piped output is not wrapped at 80 columns: uuids and keys stay whole for grep and scripts.</summary>
    private const int PipedWidth = 400;

    public static CliContext ForProcess()
    {
        var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        return new CliContext(
            CreateConsole(Console.Out, Console.IsOutputRedirected),
            CreateConsole(Console.Error, Console.IsErrorRedirected),
            Console.Error,
            System.Environment.GetEnvironmentVariable,
            Path.Combine(home, ".minerva"),
            new SocketsHttpHandler(),
            TimeSpan.FromSeconds(1));
    }

    public ServiceConnection Connect(ServiceSettings settings) =>
        ServiceConnection.Resolve(settings.Url, settings.ApiKey, Environment);

    public static IAnsiConsole CreateConsole(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }
}
