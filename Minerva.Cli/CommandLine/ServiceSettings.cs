using System.ComponentModel;
using Spectre.Console.Cli;

namespace Minerva.Cli.CommandLine;

/// <summary>The options every command that talks to the service takes.</summary>
internal class ServiceSettings : CommandSettings
{
    [CommandOption("--url <URL>")]
    [Description("The Minerva service (default: $MINERVA_URL, else " + ServiceConnection.DefaultUrl + ").")]
    public string? Url { get; set; }

    [CommandOption("--api-key <KEY>")]
    [Description("Your API key (default: $MINERVA_API_KEY).")]
    public string? ApiKey { get; set; }

    [CommandOption("--json")]
    [Description("Print the service's JSON answer instead of a table (for scripts).")]
    public bool Json { get; set; }
}
