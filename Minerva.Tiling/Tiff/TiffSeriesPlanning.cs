namespace Minerva.Tiling.Tiff;

/// <summary>Steps both series builders share: refusing unreadable IFDs and finding a plane's reduced levels.</summary>
internal static class TiffSeriesPlanning
{
    /// <summary>Throws when the reader cannot decode a full-resolution IFD a series needs.</summary>
    public static void RequireReadable(TiffIfd ifd, string fileName)
    {
        if (TiffIfdChecks.UnsupportedFeature(ifd) is { } problem)
        {
            throw new InvalidImageException($"{fileName}: {ifd.Label} {problem}.");
        }
    }

    /// <summary>
    /// The reduced-resolution IFDs of main IFD <paramref name="index"/>: its SubIFDs when it has any, else the
    /// IFDs right after it marked reduced-resolution (NewSubfileType bit 0) that no OME TiffData claims.
    /// </summary>
    public static IReadOnlyList<TiffIfd> ReducedLevels(TiffFile file, int index, IReadOnlySet<int> claimed)
    {
        if (file.SubIfds[index].Count > 0)
        {
            return file.SubIfds[index];
        }

        var following = new List<TiffIfd>();
        for (var i = index + 1; i < file.Ifds.Count && file.Ifds[i].IsReducedResolution && !claimed.Contains(i); i++)
        {
            following.Add(file.Ifds[i]);
        }

        return following;
    }
}
