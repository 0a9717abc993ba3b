namespace Minerva.Tiling.Ome;

/// <summary>Maps OME length unit symbols to the UDUNITS names OME-NGFF axes use.</summary>
internal static class OmeUnits
{
    /// <summary>OME's default unit for physical sizes.</summary>
    public const string DefaultSymbol = "\u00B5m";

    private static readonly Dictionary<string, string> s_udunits = new(StringComparer.Ordinal)
    {
        ["Ym"] = "yottameter",
        ["Zm"] = "zettameter",
        ["Em"] = "exameter",
        ["Pm"] = "petameter",
        ["Tm"] = "terameter",
        ["Gm"] = "gigameter",
        ["Mm"] = "megameter",
        ["km"] = "kilometer",
        ["hm"] = "hectometer",
        ["dam"] = "decameter",
        ["m"] = "meter",
        ["dm"] = "decimeter",
        ["cm"] = "centimeter",
        ["mm"] = "millimeter",
        ["\u00B5m"] = "micrometer",
        ["\u03BCm"] = "micrometer",
        ["um"] = "micrometer",
        ["nm"] = "nanometer",
        ["pm"] = "picometer",
        ["fm"] = "femtometer",
        ["am"] = "attometer",
        ["zm"] = "zeptometer",
        ["ym"] = "yoctometer",
        ["\u00C5"] = "angstrom",
        ["\u212B"] = "angstrom",
        ["in"] = "inch",
        ["ft"] = "foot",
        ["yd"] = "yard",
        ["mi"] = "mile",
        ["pc"] = "parsec",
    };

    /// <summary>The UDUNITS name of an OME unit symbol, or null for units NGFF cannot name (pixel, reference frame).</summary>
    public static string? ToUdunits(string symbol) => s_udunits.GetValueOrDefault(symbol);
}
