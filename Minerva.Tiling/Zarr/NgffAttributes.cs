using System.Globalization;
using System.Text.Json.Nodes;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Zarr;

/// <summary>A series group's <c>.zattrs</c>: NGFF 0.4 <c>multiscales</c> and <c>omero</c> rendering settings.</summary>
internal static class NgffAttributes
{
    // Colours for channels the OME-XML gives none: one channel shows grey, several get distinct hues.
    private static readonly string[] Palette = ["FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF", "FFFFFF"];

    public static JsonObject Create(SeriesPyramid pyramid) => new()
    {
        ["multiscales"] = new JsonArray(Multiscale(pyramid)),
        ["omero"] = Omero(pyramid),
    };

    private static JsonObject Multiscale(SeriesPyramid pyramid)
    {
        var series = pyramid.Plan.Series;
        var sizes = series.PhysicalSizes;
        var datasets = new JsonArray();
        foreach (var level in pyramid.Plan.Levels)
        {
            double factor = Math.Pow(2, level.Level);
            var scale = new JsonArray(1.0, 1.0, sizes.Z ?? 1.0, (sizes.Y ?? 1.0) * factor, (sizes.X ?? 1.0) * factor);
            datasets.Add(new JsonObject
            {
                ["path"] = level.Level.ToString(CultureInfo.InvariantCulture),
                ["coordinateTransformations"] = new JsonArray(new JsonObject { ["type"] = "scale", ["scale"] = scale }),
            });
        }

        return new JsonObject
        {
            ["version"] = "0.4",
            ["name"] = series.Name,
            ["axes"] = new JsonArray(
                new JsonObject { ["name"] = "t", ["type"] = "time" },
                new JsonObject { ["name"] = "c", ["type"] = "channel" },
                SpaceAxis("z", sizes.ZUnit),
                SpaceAxis("y", sizes.YUnit),
                SpaceAxis("x", sizes.XUnit)),
            ["datasets"] = datasets,
            ["type"] = "mean",
        };
    }

    private static JsonObject SpaceAxis(string name, string? unit)
    {
        var axis = new JsonObject { ["name"] = name, ["type"] = "space" };
        if (unit is not null)
        {
            axis["unit"] = unit;
        }

        return axis;
    }

    private static JsonObject Omero(SeriesPyramid pyramid)
    {
        var series = pyramid.Plan.Series;
        var channels = new JsonArray();
        for (int c = 0; c < series.SizeC; c++)
        {
            var info = c < series.Channels.Count ? series.Channels[c] : null;
            var (min, max) = pyramid.Windows.FirstOrDefault(w => w.C == c) is { } range
                ? (range.Min, range.Max)
                : DefaultWindow(series.PixelType);
            channels.Add(new JsonObject
            {
                ["label"] = info?.Name ?? $"Channel {c}",
                ["color"] = info?.Color is int rgba ? ((uint)rgba >> 8).ToString("X6", CultureInfo.InvariantCulture) : DefaultColor(c, series.SizeC),
                ["active"] = true,
                ["coefficient"] = 1.0,
                ["family"] = "linear",
                ["inverted"] = false,
                ["window"] = new JsonObject { ["min"] = min, ["max"] = max, ["start"] = min, ["end"] = max },
            });
        }

        return new JsonObject
        {
            ["name"] = series.Name,
            ["version"] = "0.4",
            ["channels"] = channels,
            ["rdefs"] = new JsonObject { ["model"] = series.SizeC == 1 ? "greyscale" : "color", ["defaultT"] = 0, ["defaultZ"] = 0 },
        };
    }

    private static string DefaultColor(int channel, int channels) => channels == 1 ? "FFFFFF" : Palette[channel % Palette.Length];

    /// <summary>For a channel without finite data: the type's full range (0..1 for floats).</summary>
    private static (double Min, double Max) DefaultWindow(PixelType type) => type switch
    {
        PixelType.UInt8 => (byte.MinValue, byte.MaxValue),
        PixelType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        PixelType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        PixelType.Int16 => (short.MinValue, short.MaxValue),
        PixelType.UInt32 => (uint.MinValue, uint.MaxValue),
        PixelType.Int32 => (int.MinValue, int.MaxValue),
        _ => (0, 1),
    };
}
