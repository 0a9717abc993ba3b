using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Minerva.Tiling.Akoya;

/// <summary>
/// What the per-page XML of an Akoya (PerkinElmer) QPTIFF says: &lt;PerkinElmer-QPI-ImageDescription&gt; with the
/// page's &lt;ImageType&gt; (FullResolution, Thumbnail, ReducedResolution, Overview, Label), a channel's
/// &lt;Name&gt; (the fluorophore or filter), &lt;Biomarker&gt; (the stained target, when the scan protocol names it)
/// and &lt;Color&gt; ("R,G,B").
/// </summary>
internal sealed record QptiffDescription(string? ImageType, string? Name, string? Biomarker, int? Color)
{
    private const string RootElement = "PerkinElmer-QPI-ImageDescription";

    /// <summary>True for descriptions Akoya's and PerkinElmer's scanners write.</summary>
    public static bool Recognises(string? description) => description?.Contains("<" + RootElement, StringComparison.Ordinal) == true;

    /// <summary>The channel's label: its biomarker when named, else its name.</summary>
    public string? Label => string.IsNullOrWhiteSpace(Biomarker) ? Name : Biomarker;

    /// <summary>The page's facts, or all null when the description is absent or not well-formed XML.</summary>
    public static QptiffDescription Parse(string? description)
    {
        XElement? root = null;
        if (description is not null)
        {
            try
            {
                // The declaration says utf-16 while the text is UTF-8: parse from the string, which ignores it.
                root = XDocument.Parse(description).Root;
            }
            catch (XmlException)
            {
                root = null;
            }
        }

        if (root?.Name.LocalName != RootElement)
        {
            return new QptiffDescription(null, null, null, null);
        }

        string? Text(string name) => root.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        return new QptiffDescription(Text("ImageType"), Text("Name"), Text("Biomarker"), ParseColor(Text("Color")));
    }

    /// <summary>"R,G,B" as OME's packed signed RGBA (alpha 255), or null.</summary>
    private static int? ParseColor(string? text)
    {
        var parts = text?.Split(',');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        var rgb = new byte[3];
        for (var i = 0; i < 3; i++)
        {
            if (!byte.TryParse(parts[i].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out rgb[i]))
            {
                return null;
            }
        }

        return (rgb[0] << 24) | (rgb[1] << 16) | (rgb[2] << 8) | 0xFF;
    }
}
