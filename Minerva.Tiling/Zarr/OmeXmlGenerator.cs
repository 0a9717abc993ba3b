using System.Globalization;
using System.Xml.Linq;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Zarr;

/// <summary>A minimal valid OME-XML (2016-06 schema) for a source that carries none, such as a plain TIFF.</summary>
internal static class OmeXmlGenerator
{
    private static readonly XNamespace Ome = "http://www.openmicroscopy.org/Schemas/OME/2016-06";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static string Generate(ImageInfo info)
    {
        var root = new XElement(
            Ome + "OME",
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(Xsi + "schemaLocation", "http://www.openmicroscopy.org/Schemas/OME/2016-06 http://www.openmicroscopy.org/Schemas/OME/2016-06/ome.xsd"),
            info.Series.Select(Image));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Declaration + "\n" + root;
    }

    private static XElement Image(SeriesInfo series)
    {
        string i = series.Index.ToString(CultureInfo.InvariantCulture);
        return new XElement(
            Ome + "Image",
            new XAttribute("ID", $"Image:{i}"),
            new XAttribute("Name", series.Name),
            new XElement(
                Ome + "Pixels",
                new XAttribute("ID", $"Pixels:{i}"),
                new XAttribute("DimensionOrder", "XYZCT"),
                new XAttribute("Type", OmeType(series.PixelType)),
                new XAttribute("SizeX", series.SizeX),
                new XAttribute("SizeY", series.SizeY),
                new XAttribute("SizeZ", series.SizeZ),
                new XAttribute("SizeC", series.SizeC),
                new XAttribute("SizeT", series.SizeT),
                PhysicalSize("X", series.PhysicalSizes.X, series.PhysicalSizes.XUnit),
                PhysicalSize("Y", series.PhysicalSizes.Y, series.PhysicalSizes.YUnit),
                Enumerable.Range(0, series.SizeC).Select(c => new XElement(
                    Ome + "Channel",
                    new XAttribute("ID", $"Channel:{i}:{c}"),
                    c < series.Channels.Count && series.Channels[c].Name is { } name ? new XAttribute("Name", name) : null,
                    c < series.Channels.Count && series.Channels[c].Color is { } color ? new XAttribute("Color", color) : null,
                    new XAttribute("SamplesPerPixel", 1))),
                new XElement(Ome + "MetadataOnly")));
    }

    /// <summary>PhysicalSizeX/Y in micrometres (the only unit the non-OME readers report), or nothing.</summary>
    private static XAttribute[] PhysicalSize(string axis, double? size, string? unit) => size is { } value && unit == "micrometer"
        ? [new XAttribute($"PhysicalSize{axis}", value), new XAttribute($"PhysicalSize{axis}Unit", "\u00B5m")]
        : [];

    private static string OmeType(PixelType type) => type switch
    {
        PixelType.Float32 => "float",
        PixelType.Float64 => "double",
        _ => type.ToString().ToLowerInvariant(),
    };
}
