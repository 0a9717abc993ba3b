using Minerva.Tiling.Model;
using Minerva.Tiling.Tiff;

namespace Minerva.Tiling.Akoya;

/// <summary>
/// Series of an Akoya QPTIFF (PhenoImager, Vectra Polaris, PhenoCycler-Fusion). Pages are laid out as: one
/// full-resolution page per channel (or one RGB page for brightfield), an RGB thumbnail, then per reduced level
/// one page per channel, then the overview (macro) and label images. Series 0 holds the channels, named and
/// coloured from each page's XML, the reduced pages as its stored levels, and the pixel size of the resolution
/// tags (pixels per centimetre, as Akoya writes them and Bio-Formats reads them). The thumbnail, overview and
/// label follow as their own series; one the reader cannot decode is left out.
/// </summary>
internal static class QptiffSeries
{
    private const double MicrometersPerCentimeter = 10_000;
    private const double MicrometersPerInch = 25_400;

    public static List<SeriesLayout> Build(TiffFile file, string fileName)
    {
        var ifds = file.Ifds;
        var first = ifds[0];
        var pages = Enumerable.Range(0, ifds.Count).Select(i => QptiffDescription.Parse(ifds[i].Description)).ToList();
        var channelPages = ChannelPages(file, pages);
        var full = channelPages.Select(i => ifds[i]).ToArray();
        foreach (var ifd in full)
        {
            TiffSeriesPlanning.RequireReadable(ifd, fileName);
        }

        // Reduced pages: level n of channel c is the c-th reduced page of the n-th group, in file order.
        var reduced = Enumerable.Range(channelPages.Count, ifds.Count - channelPages.Count)
            .Where(i => pages[i].ImageType == "ReducedResolution" || (pages[i].ImageType is null && ifds[i].IsReducedResolution))
            .ToList();
        var candidates = Enumerable.Range(0, full.Length)
            .Select(c => (IReadOnlyList<TiffIfd>)reduced.Where((_, k) => k % full.Length == c).Select(i => ifds[i]).ToList())
            .ToList();
        var levels = SeriesLayout.CommonLevels(full, candidates);

        var samples = first.SamplesPerPixel;
        var channels = samples > 1
            ? TiffChannels.Of(first)
            : channelPages.Select(i => new ChannelInfo(pages[i].Label, pages[i].Color)).ToList();
        var info = new SeriesInfo(
            0, Path.GetFileNameWithoutExtension(fileName), SizeT: 1, SizeC: full.Length * samples, SizeZ: 1, first.Height, first.Width,
            first.PixelType!.Value, PixelSize(first), channels, SeriesLayout.Describe(levels));
        var series = new List<SeriesLayout> { new(info, samples, levels) };

        var used = channelPages.Concat(reduced).ToHashSet();
        for (var i = 0; i < ifds.Count; i++)
        {
            if (!used.Contains(i) && TiffIfdChecks.UnsupportedFeature(ifds[i]) is null)
            {
                series.Add(TiffChannels.SingleImage(ifds[i], series.Count, (pages[i].ImageType ?? $"image {i}").ToLowerInvariant(), fileName));
            }
        }

        return series;
    }

    /// <summary>The full-resolution pages: those the XML calls FullResolution, else the leading run of pages the size of IFD 0.</summary>
    private static List<int> ChannelPages(TiffFile file, List<QptiffDescription> pages)
    {
        var named = Enumerable.Range(0, pages.Count).Where(i => pages[i].ImageType == "FullResolution").ToList();
        if (named.Count > 0 && named.All(i => file.Ifds[i].SameShape(file.Ifds[0])))
        {
            return named;
        }

        var run = new List<int> { 0 };
        while (run.Count < file.Ifds.Count && file.Ifds[0].SamplesPerPixel == 1 && file.Ifds[run.Count].SameShape(file.Ifds[0]))
        {
            run.Add(run.Count);
        }

        return run;
    }

    private static PhysicalSizes PixelSize(TiffIfd ifd)
    {
        var unit = ifd.ResolutionUnit switch
        {
            3 => MicrometersPerCentimeter,
            2 => MicrometersPerInch,
            _ => 0,
        };
        return ifd.Resolution is { } resolution && unit > 0
            ? new PhysicalSizes(unit / resolution.X, "micrometer", unit / resolution.Y, "micrometer", null, null)
            : PhysicalSizes.Unknown;
    }
}
