using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Minerva.Tiling.Ome;

/// <summary>
/// Reads the OME-XML of an OME-TIFF's first ImageDescription. Elements are matched by local name, so every
/// schema version (2008–2016) reads the same way.
/// </summary>
internal static class OmeXmlParser
{
    /// <summary>True when a description looks like OME-XML (an &lt;OME&gt; element), as opposed to ImageJ or plain text.</summary>
    public static bool LooksLikeOme(string? description) =>
        description is not null && description.Contains("<OME", StringComparison.Ordinal);

    /// <exception cref="InvalidImageException">The XML is malformed or lacks required attributes.</exception>
    public static OmeDocument Parse(string xml, string fileName)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(xml).Root ?? throw new XmlException("no root element");
        }
        catch (XmlException e)
        {
            throw new InvalidImageException($"{fileName}: the OME-XML in the first ImageDescription is not well-formed ({e.Message}).", e);
        }

        if (root.Elements().Any(e => e.Name.LocalName == "BinaryOnly"))
        {
            throw new InvalidImageException($"{fileName}: the OME-XML is a BinaryOnly stub whose metadata lives in a companion .companion.ome file; upload an OME-TIFF with its metadata inside.");
        }

        var images = root.Elements().Where(e => e.Name.LocalName == "Image").Select((image, index) => ParseImage(image, index, fileName)).ToList();
        if (images.Count == 0)
        {
            throw new InvalidImageException($"{fileName}: the OME-XML declares no <Image>.");
        }

        return new OmeDocument((string?)root.Attribute("UUID"), images);
    }

    private static OmeImage ParseImage(XElement image, int index, string fileName)
    {
        var pixels = Child(image, "Pixels")
            ?? throw new InvalidImageException($"{fileName}: OME <Image> {index} has no <Pixels>.");

        string Required(string attribute) => (string?)pixels.Attribute(attribute)
            ?? throw new InvalidImageException($"{fileName}: OME <Pixels> of image {index} lacks the {attribute} attribute.");

        long Size(string attribute)
        {
            var text = Required(attribute);
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new InvalidImageException($"{fileName}: OME <Pixels> of image {index} has {attribute}=\"{text}\", not a positive integer.");
        }

        var dimensionOrder = Required("DimensionOrder");
        if (!OmeDimensionOrder.IsValid(dimensionOrder))
        {
            throw new InvalidImageException($"{fileName}: OME <Pixels> of image {index} has DimensionOrder=\"{dimensionOrder}\", which is not one of XYZCT, XYZTC, XYCTZ, XYCZT, XYTCZ, XYTZC.");
        }

        var channels = pixels.Elements().Where(e => e.Name.LocalName == "Channel")
            .Select(c => new OmeChannel(
                (string?)c.Attribute("Name"),
                Int(c, "Color", fileName),
                Int(c, "SamplesPerPixel", fileName) ?? 1))
            .ToList();
        var tiffData = pixels.Elements().Where(e => e.Name.LocalName == "TiffData")
            .Select(t => new OmeTiffData(
                Int(t, "IFD", fileName),
                Int(t, "FirstZ", fileName) ?? 0,
                Int(t, "FirstC", fileName) ?? 0,
                Int(t, "FirstT", fileName) ?? 0,
                Int(t, "PlaneCount", fileName),
                Child(t, "UUID")?.Value.Trim()))
            .ToList();

        return new OmeImage(
            (string?)image.Attribute("Name"),
            dimensionOrder,
            Required("Type"),
            Size("SizeX"),
            Size("SizeY"),
            checked((int)Size("SizeZ")),
            checked((int)Size("SizeC")),
            checked((int)Size("SizeT")),
            Length(pixels, "PhysicalSizeX", fileName),
            Length(pixels, "PhysicalSizeY", fileName),
            Length(pixels, "PhysicalSizeZ", fileName),
            channels,
            tiffData);
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static int? Int(XElement element, string attribute, string fileName)
    {
        var text = (string?)element.Attribute(attribute);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidImageException($"{fileName}: OME <{element.Name.LocalName}> has {attribute}=\"{text}\", not an integer.");
    }

    private static OmeLength? Length(XElement pixels, string attribute, string fileName)
    {
        var text = (string?)pixels.Attribute(attribute);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value))
        {
            throw new InvalidImageException($"{fileName}: OME <Pixels> has {attribute}=\"{text}\", not a positive number.");
        }

        var symbol = (string?)pixels.Attribute(attribute + "Unit") ?? OmeUnits.DefaultSymbol;
        return new OmeLength(value, OmeUnits.ToUdunits(symbol));
    }
}
