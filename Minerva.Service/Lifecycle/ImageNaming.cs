using Minerva.Tiling.Model;

namespace Minerva.Service.Lifecycle;

/// <summary>Names of the images a file produces, and the suffix that settles a name conflict by renaming.</summary>
public static class ImageNaming
{
    /// <summary>
    /// A single-series file's image is named after the file; a multi-series file's images add their series index and,
    /// where the file names the series ("label", "macro" of a slide), that name — not OME's default "Image:N" nor the
    /// file's own name, which say nothing more.
    /// </summary>
    public static IReadOnlyList<string> Names(string fileName, IReadOnlyList<SeriesInfo> series) =>
        series.Count == 1 ? [fileName] : [.. series.Select(s => Says(s, fileName) ? $"{fileName} #{s.Index} ({s.Name})" : $"{fileName} #{s.Index}")];

    private static bool Says(SeriesInfo series, string fileName) =>
        !string.IsNullOrWhiteSpace(series.Name)
        && series.Name != $"Image:{series.Index}"
        && series.Name != Path.GetFileNameWithoutExtension(fileName)
        && series.Name != fileName;

    /// <summary><paramref name="name"/> if free, otherwise the first free "name (2)", "name (3)", ….</summary>
    public static string Unique(string name, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(name))
        {
            return name;
        }

        for (int n = 2; ; n++)
        {
            string candidate = $"{name} ({n})";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
