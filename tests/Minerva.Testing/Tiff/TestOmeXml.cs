using System.Globalization;
using System.Xml.Linq;
using Minerva.Tiling.Model;

namespace Minerva.Testing.Tiff;

/// <summary>Builds the OME-XML (2016-06 schema) describing a <see cref="TestTiffSpec"/> and where its planes lie.</summary>
internal static class TestOmeXml
{
    private static readonly XNamespace s_ome = "http://www.openmicroscopy.org/Schemas/OME/2016-06";

    /// <param name="spec">The image; <see cref="TestTiffSpec.Ome"/> must be set.</param>
    /// <param name="firstIfdOfSeries">The main-chain IFD index of each series' first plane.</param>
    public static string Build(TestTiffSpec spec, IReadOnlyList<int> firstIfdOfSeries, Func<int, int, int> ifdOfPlane)
    {
        var ome = spec.Ome!;
        var uuid = "urn:uuid:" + new Guid(spec.Seed, 0, 0, new byte[8]).ToString();
        var root = new XElement(s_ome + "OME", new XAttribute("UUID", uuid));
        var ifdsPerPlane = spec.SizeC / spec.SamplesPerIfd;
        var planeCount = spec.SizeZ * ifdsPerPlane * spec.SizeT;
        for (var series = 0; series < spec.SeriesCount; series++)
        {
            var pixels = new XElement(
                s_ome + "Pixels",
                new XAttribute("ID", $"Pixels:{series}"),
                new XAttribute("DimensionOrder", ome.DimensionOrder),
                new XAttribute("Type", OmeType(spec.PixelType)),
                new XAttribute("SizeX", spec.Width),
                new XAttribute("SizeY", spec.Height),
                new XAttribute("SizeZ", spec.SizeZ),
                new XAttribute("SizeC", spec.SizeC),
                new XAttribute("SizeT", spec.SizeT),
                new XAttribute("BigEndian", spec.BigEndian ? "true" : "false"),
                new XAttribute("Interleaved", spec.ChannelsAsSamples && !spec.PlanarSeparate ? "true" : "false"));
            AddPhysicalSize(pixels, "PhysicalSizeX", ome.PhysicalSizeX, ome.PhysicalSizeUnit);
            AddPhysicalSize(pixels, "PhysicalSizeY", ome.PhysicalSizeY, ome.PhysicalSizeUnit);
            AddPhysicalSize(pixels, "PhysicalSizeZ", ome.PhysicalSizeZ, ome.PhysicalSizeUnit);
            for (var c = 0; c < ifdsPerPlane; c++)
            {
                var channel = new XElement(s_ome + "Channel", new XAttribute("ID", $"Channel:{series}:{c}"), new XAttribute("SamplesPerPixel", spec.SamplesPerIfd));
                if (ome.ChannelNames is { } names && c < names.Count)
                {
                    channel.Add(new XAttribute("Name", names[c]));
                }

                if (ome.ChannelColors is { } colors && c < colors.Count)
                {
                    channel.Add(new XAttribute("Color", colors[c]));
                }

                pixels.Add(channel);
            }

            switch (ome.TiffData)
            {
                case TestTiffData.PerPlane:
                    for (var plane = 0; plane < planeCount; plane++)
                    {
                        var (z, c, t) = PlaneCoordinates(ome.DimensionOrder, plane, spec.SizeZ, ifdsPerPlane, spec.SizeT);
                        pixels.Add(new XElement(
                            s_ome + "TiffData",
                            new XAttribute("IFD", ifdOfPlane(series, plane)),
                            new XAttribute("FirstZ", z),
                            new XAttribute("FirstC", c),
                            new XAttribute("FirstT", t),
                            new XAttribute("PlaneCount", 1),
                            new XElement(s_ome + "UUID", new XAttribute("FileName", "test.ome.tif"), uuid)));
                    }

                    break;
                case TestTiffData.OneBlock:
                    pixels.Add(new XElement(s_ome + "TiffData", new XAttribute("IFD", firstIfdOfSeries[series]), new XAttribute("PlaneCount", planeCount)));
                    break;
            }

            root.Add(new XElement(s_ome + "Image", new XAttribute("ID", $"Image:{series}"), new XAttribute("Name", $"series {series}"), pixels));
        }

        var xml = new XDocument(new XDeclaration("1.0", "UTF-8", null), root).ToString(SaveOptions.DisableFormatting);
        return ome.Transform?.Invoke(xml) ?? xml;
    }

    /// <summary>(z, c, t) of plane <paramref name="plane"/> in OME dimension order.</summary>
    public static (int Z, int C, int T) PlaneCoordinates(string order, int plane, int sizeZ, int sizeC, int sizeT)
    {
        var values = new Dictionary<char, int>();
        foreach (var dimension in order.AsSpan(2))
        {
            var size = dimension switch { 'Z' => sizeZ, 'C' => sizeC, _ => sizeT };
            values[dimension] = plane % size;
            plane /= size;
        }

        return (values['Z'], values['C'], values['T']);
    }

    private static void AddPhysicalSize(XElement pixels, string name, double? value, string? unit)
    {
        if (value is not { } size)
        {
            return;
        }

        pixels.Add(new XAttribute(name, size.ToString("R", CultureInfo.InvariantCulture)));
        if (unit is not null)
        {
            pixels.Add(new XAttribute(name + "Unit", unit));
        }
    }

    private static string OmeType(PixelType type) => type switch
    {
        PixelType.UInt8 => "uint8",
        PixelType.Int8 => "int8",
        PixelType.UInt16 => "uint16",
        PixelType.Int16 => "int16",
        PixelType.UInt32 => "uint32",
        PixelType.Int32 => "int32",
        PixelType.Float32 => "float",
        _ => "double",
    };
}
