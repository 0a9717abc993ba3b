namespace Minerva.Tiling.Zarr;

/// <summary>Store keys of the bioformats2raw layout: one group per series, one array per level, "/"-separated chunks.</summary>
public static class ZarrKeys
{
    public static string Series(int series) => series.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Level(int series, int level) => FormattableString.Invariant($"{series}/{level}");

    /// <summary>Chunk (cy, cx) of plane (t, c, z): <c>{series}/{level}/{t}/{c}/{z}/{cy}/{cx}</c>.</summary>
    public static string Chunk(int series, int level, int t, int c, int z, long cy, long cx) =>
        FormattableString.Invariant($"{series}/{level}/{t}/{c}/{z}/{cy}/{cx}");
}
