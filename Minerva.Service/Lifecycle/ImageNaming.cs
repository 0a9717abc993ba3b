using Minerva.Tiling.Model;

namespace Minerva.Service.Lifecycle;

/// <summary>Names of the images a file produces, and the suffix that settles a name conflict by renaming.</summary>
public static class ImageNaming
{
    /// <summary>A single-series file's image is named after the file; a multi-series file's images add their series index.</summary>
    public static IReadOnlyList<string> Names(string fileName, IReadOnlyList<SeriesInfo> series) =>
        series.Count == 1 ? [fileName] : [.. series.Select(s => $"{fileName} #{s.Index}")];

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
