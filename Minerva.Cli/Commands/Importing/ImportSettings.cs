using System.ComponentModel;
using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Minerva.Cli.Commands.Importing;

internal sealed class ImportSettings : ServiceSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The image files to import (OME-TIFF, TIFF).")]
    public string[] Files { get; set; } = [];

    [CommandOption("--repository <NAME>")]
    [Description("The repository to import into; created when you have none of that name.")]
    public string? Repository { get; set; }

    [CommandOption("--raw-storage <POLICY>")]
    [Description("For a new repository: what happens to the originals once imported: Destroy, Archive or Live.")]
    [DefaultValue("Destroy")]
    public string RawStorageName { get; set; } = nameof(RawStorage.Destroy);

    [CommandOption("--on-conflict <MODE>")]
    [Description("When an image of the same name is already in the repository: ignore, replace or rename.")]
    public string? OnConflictName { get; set; }

    [CommandOption("--name <NAME>")]
    [Description("The import's name (default: the first file's name).")]
    public string? Name { get; set; }

    [CommandOption("--no-wait")]
    [Description("Return once the upload is complete, without waiting for the pyramids.")]
    public bool NoWait { get; set; }

    public RawStorage RawStorage => EnumOption.TryParse<RawStorage>(RawStorageName, out var policy) ? policy : RawStorage.Destroy;

    public OnConflict? OnConflict => EnumOption.TryParse<OnConflict>(OnConflictName ?? "", out var mode) ? mode : null;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Repository))
        {
            return ValidationResult.Error("--repository is required: the repository to import into");
        }

        if (!EnumOption.TryParse<RawStorage>(RawStorageName, out _))
        {
            return ValidationResult.Error(EnumOption.Problem<RawStorage>("--raw-storage", RawStorageName));
        }

        if (OnConflictName is not null && !EnumOption.TryParse<OnConflict>(OnConflictName, out _))
        {
            return ValidationResult.Error(EnumOption.Problem<OnConflict>("--on-conflict", OnConflictName));
        }

        return Files.Select(ProblemWith).FirstOrDefault(problem => problem is not null) is { } fileProblem
            ? ValidationResult.Error(fileProblem)
            : DuplicateNames();
    }

    private static string? ProblemWith(string file) =>
        Directory.Exists(file) ? $"{file} is a directory; give the image files in it"
        : !File.Exists(file) ? $"{file}: no such file"
        : null;

    /// <summary>Each file becomes the object key prefix + its name, so two files of one name would overwrite each other.</summary>
    private ValidationResult DuplicateNames() =>
        Files.GroupBy(Path.GetFileName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash
            ? ValidationResult.Error($"two files are named {clash.Key} ({string.Join(", ", clash)}); import them separately or rename one")
            : ValidationResult.Success();
}
