using System.Globalization;
using Minerva.Cli.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Minerva.Cli.Output;

/// <summary>The tables people read; <c>--json</c> prints the API's answers instead.</summary>
internal static class Tables
{
    public static IRenderable Repositories(IReadOnlyList<Repository> repositories)
    {
        var table = new Table().AddColumns("uuid", "name", "raw storage");
        foreach (var repository in repositories)
        {
            table.AddRow(Plain(repository.Uuid), Plain(repository.Name), Plain(repository.RawStorage.ToString()));
        }

        return table;
    }

    public static IRenderable Imports(IReadOnlyList<Import> imports, IReadOnlyList<Repository> repositories)
    {
        var names = repositories.ToDictionary(r => r.Uuid, r => r.Name);
        var table = new Table().AddColumns("uuid", "name", "repository", "status", "progress", "created");
        foreach (var import in imports)
        {
            table.AddRow(
                Plain(import.Uuid),
                Plain(import.Name),
                Plain(names.GetValueOrDefault(import.RepositoryUuid, import.RepositoryUuid)),
                Status(import.Status),
                Plain(Percent(import.Progress)),
                Plain(import.Created?.ToString("u", CultureInfo.InvariantCulture) ?? ""));
        }

        return table;
    }

    public static IRenderable Import(Import import)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(Plain("import"), Plain(import.Uuid));
        grid.AddRow(Plain("name"), Plain(import.Name));
        grid.AddRow(Plain("repository"), Plain(import.RepositoryUuid));
        grid.AddRow(Plain("status"), Status(import.Status));
        if (import.Progress is { } progress)
        {
            grid.AddRow(Plain("progress"), Plain(Describe(progress)));
        }

        foreach (var error in import.Errors ?? [])
        {
            grid.AddRow(new Text("error", new Style(Color.Red)), Plain(error));
        }

        return grid;
    }

    /// <summary>One row per image (a file may hold several series); a file without images shows its status and error.</summary>
    public static IRenderable Filesets(IReadOnlyList<Fileset> filesets)
    {
        var table = new Table().AddColumns("file", "status", "image uuid", "location", "levels", "shape");
        foreach (var fileset in filesets)
        {
            var status = fileset.Error is null ? Plain(fileset.Status) : new Text($"{fileset.Status}: {fileset.Error}", new Style(Color.Red));
            if (fileset.Images.Count == 0)
            {
                table.AddRow(Plain(fileset.Name), status, Plain(""), Plain(""), Plain(""), Plain(""));
            }

            foreach (var image in fileset.Images)
            {
                table.AddRow(
                    Plain(fileset.Name),
                    status,
                    Plain(image.Uuid),
                    Plain(image.Location),
                    Plain(image.Levels.ToString(CultureInfo.InvariantCulture)),
                    Plain(Shape(image.Shape)));
            }
        }

        return table;
    }

    /// <summary>Level 0's [t, c, z, y, x] as "1x3x1x2048x2048".</summary>
    public static string Shape(IReadOnlyList<long> shape) => string.Join('x', shape.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// "41.5% (files 0/1, regions 300/1092, levels 0-2 280/1024 · 3-4 20/64, 1.2 of 2.9 GB, about 12 s left)": where
    /// the build is, level group by level group, and the service's estimate of the time left.
    /// </summary>
    public static string Describe(ImportProgress progress) =>
        string.Create(CultureInfo.InvariantCulture, $"{progress.Percent:0.#}% ({Details(progress)})");

    /// <summary><see cref="Describe"/> without the percentage, for a progress bar that shows its own.</summary>
    public static string Details(ImportProgress progress)
    {
        var parts = new List<string>
        {
            $"files {progress.FilesDone}/{progress.FilesTotal}",
            $"regions {progress.RegionsDone}/{progress.RegionsTotal}",
        };
        if (progress.Levels is { Count: > 0 } levels)
        {
            parts.Add("levels " + string.Join(" · ", levels.Select(l => $"{l.FirstLevel}-{l.LastLevel} {l.RegionsDone}/{l.RegionsTotal}")));
        }

        if (progress.BytesTotal > 0)
        {
            parts.Add($"{progress.BytesDone / 1e9:0.0} of {progress.BytesTotal / 1e9:0.0} GB");
        }

        if (progress.SecondsLeft is { } left)
        {
            parts.Add($"about {left:0} s left");
        }

        return string.Join(", ", parts);
    }

    private static string Percent(ImportProgress? progress) =>
        progress is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{progress.Percent:0.#}%");

    private static Text Status(ImportStatus status) => new(
        status.ToString(),
        status switch
        {
            ImportStatus.Complete => new Style(Color.Green),
            ImportStatus.Failed or ImportStatus.Expired or ImportStatus.Cancelled => new Style(Color.Red),
            _ => Style.Plain,
        });

    // Text, not markup: names and errors come from users and the service and may contain '[' or ']'.
    private static Text Plain(string text) => new(text);
}
