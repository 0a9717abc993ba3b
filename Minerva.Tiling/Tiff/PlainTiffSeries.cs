using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// Series of a TIFF without OME-XML. Each run of consecutive full-resolution pages of one size and sample
/// type is one series whose pages are its Z planes (a multi-page grayscale stack reads as a Z stack); its
/// samples per pixel are its channels; T is 1. Reduced-resolution pages (SubIFDs or following pages
/// marked NewSubfileType 1) are its stored levels. Physical sizes are unknown: TIFF resolution tags
/// describe print density, not microscope pixels.
/// </summary>
internal static class PlainTiffSeries
{
    public static List<SeriesLayout> Build(TiffFile file, string fileName)
    {
        var main = Enumerable.Range(0, file.Ifds.Count).Where(i => !file.Ifds[i].IsReducedResolution).ToList();
        if (main.Count == 0)
        {
            main = Enumerable.Range(0, file.Ifds.Count).ToList();
        }

        var groups = new List<List<int>>();
        foreach (var index in main)
        {
            if (groups.Count > 0 && file.Ifds[groups[^1][0]].SameShape(file.Ifds[index]))
            {
                groups[^1].Add(index);
            }
            else
            {
                groups.Add([index]);
            }
        }

        var baseName = Path.GetFileNameWithoutExtension(fileName);
        var noClaims = new HashSet<int>();
        return groups.Select((group, seriesIndex) =>
        {
            var full = group.Select(i => file.Ifds[i]).ToArray();
            foreach (var ifd in full)
            {
                TiffSeriesPlanning.RequireReadable(ifd, fileName);
            }

            var levels = SeriesLayout.CommonLevels(full, group.Select(i => TiffSeriesPlanning.ReducedLevels(file, i, noClaims)).ToList());
            var first = full[0];
            var channels = TiffChannels.Of(first);
            var info = new SeriesInfo(
                seriesIndex,
                seriesIndex == 0 ? baseName : $"{baseName} {seriesIndex}",
                SizeT: 1,
                SizeC: first.SamplesPerPixel,
                SizeZ: full.Length,
                first.Height,
                first.Width,
                first.PixelType!.Value,
                PhysicalSizes.Unknown,
                channels,
                SeriesLayout.Describe(levels));
            return new SeriesLayout(info, first.SamplesPerPixel, levels);
        }).ToList();
    }
}
