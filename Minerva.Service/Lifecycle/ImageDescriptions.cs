using System.Globalization;
using Minerva.Service.Records;
using Minerva.Tiling.Model;

namespace Minerva.Service.Lifecycle;

/// <summary>How an image record describes a series: numpy-style dtype names and channel labels/colours.</summary>
public static class ImageDescriptions
{
    public static string Dtype(PixelType type) => type switch
    {
        PixelType.UInt8 => "uint8",
        PixelType.Int8 => "int8",
        PixelType.UInt16 => "uint16",
        PixelType.Int16 => "int16",
        PixelType.UInt32 => "uint32",
        PixelType.Int32 => "int32",
        PixelType.Float32 => "float32",
        PixelType.Float64 => "float64",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown pixel type."),
    };

    /// <summary>Shape [t, c, z, y, x] of level 0.</summary>
    public static IReadOnlyList<long> Shape(SeriesInfo series) => [series.SizeT, series.SizeC, series.SizeZ, series.SizeY, series.SizeX];

    /// <summary>
    /// One record per channel: the OME label (or "Channel n") and the colour as RRGGBB hex; OME packs RGBA into a
    /// signed int, and a channel without one is shown white.
    /// </summary>
    public static IReadOnlyList<ChannelRecord> Channels(SeriesInfo series) =>
    [
        .. Enumerable.Range(0, series.SizeC).Select(c =>
        {
            var channel = c < series.Channels.Count ? series.Channels[c] : null;
            string label = string.IsNullOrWhiteSpace(channel?.Name) ? $"Channel {c}" : channel.Name;
            string color = channel?.Color is int rgba ? ((uint)rgba >> 8).ToString("X6", CultureInfo.InvariantCulture) : "FFFFFF";
            return new ChannelRecord(label, color);
        }),
    ];
}
