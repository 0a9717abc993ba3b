using System.ComponentModel;
using Minerva.Cli.CommandLine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Minerva.Cli.Commands;

/// <summary>Settings of the commands that act on one import, named by its uuid.</summary>
internal sealed class ImportArgumentSettings : ServiceSettings
{
    [CommandArgument(0, "<IMPORT>")]
    [Description("The import's uuid.")]
    public string Import { get; set; } = "";

    public override ValidationResult Validate() =>
        Guid.TryParse(Import, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"'{Import}' is not an import uuid (expected e.g. 123e4567-e89b-12d3-a456-426614174000)");
}
