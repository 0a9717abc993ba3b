using Minerva.Tiling.Model;
using Minerva.Tiling.Tiff;

namespace Minerva.Tiling.Aperio;

/// <summary>
/// Series of an Aperio SVS slide. Series 0 is the slide: IFD 0 and the tiled IFDs after it that are smaller
/// versions of it (Aperio keeps every fourth level, each a quarter of the one above rounded down) as its stored
/// levels, the MPP of its description as its pixel size in micrometres, RGB (or YCbCr) samples as red, green and
/// blue channels. The stripped images are its own series after it: the thumbnail (IFD 1) and the images the
/// description names ("label", "macro"); one the reader cannot decode is left out, never mixed into the pyramid.
/// </summary>
internal static class SvsSeries
{
    public static List<SeriesLayout> Build(TiffFile file, string fileName)
    {
        var first = file.Ifds[0];
        TiffSeriesPlanning.RequireReadable(first, fileName);
        var description = AperioDescription.Parse(first.Description);
        var levels = SeriesLayout.CommonLevels([first], [file.Ifds.Skip(1).Where(ifd => ifd.Tiled).ToList()]);
        var sizes = description.MicronsPerPixel is { } mpp
            ? new PhysicalSizes(mpp, "micrometer", mpp, "micrometer", null, null)
            : PhysicalSizes.Unknown;
        var slide = new SeriesInfo(
            0, Path.GetFileNameWithoutExtension(fileName), SizeT: 1, SizeC: first.SamplesPerPixel, SizeZ: 1, first.Height, first.Width,
            first.PixelType!.Value, sizes, TiffChannels.Of(first), SeriesLayout.Describe(levels));
        var series = new List<SeriesLayout> { new(slide, first.SamplesPerPixel, levels) };

        var inPyramid = levels.SelectMany(level => level).ToHashSet();
        for (var i = 1; i < file.Ifds.Count; i++)
        {
            var ifd = file.Ifds[i];
            if (inPyramid.Contains(ifd) || TiffIfdChecks.UnsupportedFeature(ifd) is not null)
            {
                continue;
            }

            var name = AperioDescription.Parse(ifd.Description).ImageName ?? (i == 1 && !ifd.Tiled ? "thumbnail" : $"image {i}");
            series.Add(TiffChannels.SingleImage(ifd, series.Count, name, fileName));
        }

        return series;
    }
}
