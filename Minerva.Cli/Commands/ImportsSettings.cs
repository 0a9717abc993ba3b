using System.ComponentModel;
using Minerva.Cli.CommandLine;
using Spectre.Console.Cli;

namespace Minerva.Cli.Commands;

internal sealed class ImportsSettings : ServiceSettings
{
    [CommandArgument(0, "[REPO]")]
    [Description("A repository's name or uuid (default: all your repositories).")]
    public string? Repository { get; set; }
}
