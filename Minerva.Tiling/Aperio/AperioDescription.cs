using System.Globalization;

namespace Minerva.Tiling.Aperio;

/// <summary>
/// What an Aperio ImageDescription says. Its first line names the library ("Aperio Image Library v12.0.5"); the
/// second either describes the pyramid level ("46000x32914 [0,100 46000x32814] (256x256) JPEG/RGB Q=70") followed
/// by "|key = value" properties (MPP, AppMag, …), or names an associated image ("label 415x422", "macro 1280x431").
/// </summary>
internal sealed record AperioDescription(string? ImageName, double? MicronsPerPixel)
{
    /// <summary>True for descriptions Aperio's software writes.</summary>
    public static bool Recognises(string? description) => description?.StartsWith("Aperio", StringComparison.Ordinal) == true;

    public static AperioDescription Parse(string? description)
    {
        if (description is null)
        {
            return new AperioDescription(null, null);
        }

        var parts = description.Split('|');
        var lines = parts[0].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var name = lines.Length > 1 && lines[1].Length > 0 && char.IsLetter(lines[1][0]) ? lines[1].Split(' ')[0] : null;
        double? mpp = null;
        foreach (var part in parts.Skip(1))
        {
            var separator = part.IndexOf('=');
            if (separator > 0 && part[..separator].Trim() == "MPP"
                && double.TryParse(part[(separator + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value > 0 && double.IsFinite(value))
            {
                mpp = value;
            }
        }

        return new AperioDescription(name, mpp);
    }
}
