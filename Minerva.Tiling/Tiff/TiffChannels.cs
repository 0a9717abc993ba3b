using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tiff;

/// <summary>The channels of an IFD's samples when no metadata names them: red, green and blue for colour images.</summary>
internal static class TiffChannels
{
    /// <summary>OME's packed RGBA colours (signed) of red, green and blue.</summary>
    private static readonly int[] s_rgbColors = [unchecked((int)0xFF0000FF), 0x00FF00FF, 0x0000FFFF];

    private static readonly string[] s_rgbNames = ["Red", "Green", "Blue"];

    /// <summary>True when the IFD's first three samples are red, green and blue (RGB, or YCbCr decoded to RGB).</summary>
    public static bool IsRgb(TiffIfd ifd) => ifd.Photometric is TiffPhotometric.Rgb or TiffPhotometric.YCbCr && ifd.SamplesPerPixel >= 3;

    /// <summary>One channel per sample: red, green, blue for the first three samples of an RGB IFD, unnamed otherwise.</summary>
    public static List<ChannelInfo> Of(TiffIfd ifd)
    {
        var rgb = IsRgb(ifd);
        return Enumerable.Range(0, ifd.SamplesPerPixel)
            .Select(c => rgb && c < 3 ? new ChannelInfo(s_rgbNames[c], s_rgbColors[c]) : new ChannelInfo(null, null))
            .ToList();
    }

    /// <summary>
    /// A one-level series of one IFD's samples as channels: a slide's label, macro or thumbnail image.
    /// </summary>
    public static SeriesLayout SingleImage(TiffIfd ifd, int index, string name, string fileName)
    {
        TiffSeriesPlanning.RequireReadable(ifd, fileName);
        TiffIfd[] level = [ifd];
        var info = new SeriesInfo(
            index, name, SizeT: 1, SizeC: ifd.SamplesPerPixel, SizeZ: 1, ifd.Height, ifd.Width, ifd.PixelType!.Value,
            PhysicalSizes.Unknown, Of(ifd), SeriesLayout.Describe([level]));
        return new SeriesLayout(info, ifd.SamplesPerPixel, [level]);
    }
}
