using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// Where the planes of one series are stored: for each stored level, the IFD of each plane, indexed
/// ((t · SizeZ) + z) · <see cref="IfdsPerPlane"/> + c / <see cref="SamplesPerIfd"/>. Channels interleaved as
/// samples share an IFD.
/// </summary>
internal sealed record SeriesLayout(SeriesInfo Info, int SamplesPerIfd, IReadOnlyList<TiffIfd[]> Levels)
{
    public int IfdsPerPlane => Info.SizeC / SamplesPerIfd;

    public TiffIfd Ifd(int level, int t, int z, int c) =>
        Levels[level][(((t * Info.SizeZ) + z) * IfdsPerPlane) + (c / SamplesPerIfd)];

    /// <summary>
    /// The reduced levels every plane stores alike: level n is kept while each plane has an n-th candidate
    /// of one common size, smaller than level n-1, with the full level's samples, readable by this reader.
    /// </summary>
    /// <param name="fullResolution">Each plane's full-resolution IFD.</param>
    /// <param name="candidates">Each plane's reduced-resolution IFDs, largest first.</param>
    public static List<TiffIfd[]> CommonLevels(TiffIfd[] fullResolution, IReadOnlyList<IReadOnlyList<TiffIfd>> candidates)
    {
        var levels = new List<TiffIfd[]> { fullResolution };
        for (var n = 0; ; n++)
        {
            var previous = levels[^1][0];
            var level = new TiffIfd[fullResolution.Length];
            for (var plane = 0; plane < fullResolution.Length; plane++)
            {
                if (n >= candidates[plane].Count)
                {
                    return levels;
                }

                var ifd = candidates[plane][n];
                var first = plane == 0 ? ifd : level[0];
                var fits = ifd.Width == first.Width && ifd.Height == first.Height
                    && ifd.Width <= previous.Width && ifd.Height <= previous.Height && (ifd.Width < previous.Width || ifd.Height < previous.Height)
                    && ifd.SamplesPerPixel == fullResolution[plane].SamplesPerPixel && ifd.PixelType == fullResolution[plane].PixelType
                    && TiffIfdChecks.UnsupportedFeature(ifd) is null;
                if (!fits)
                {
                    return levels;
                }

                level[plane] = ifd;
            }

            levels.Add(level);
        }
    }

    /// <summary>The <see cref="StoredLevel"/> list of <paramref name="levels"/>.</summary>
    public static IReadOnlyList<StoredLevel> Describe(IReadOnlyList<TiffIfd[]> levels) =>
        levels.Select((level, index) => new StoredLevel(index, level[0].Height, level[0].Width)).ToList();
}
