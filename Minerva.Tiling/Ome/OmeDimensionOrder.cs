namespace Minerva.Tiling.Ome;

/// <summary>
/// Plane numbering of an OME DimensionOrder: after "XY" the remaining letters run fastest to slowest,
/// so in XYZCT plane = z + SizeZ·(c + SizeC·t).
/// </summary>
internal static class OmeDimensionOrder
{
    private static readonly string[] s_orders = ["XYZCT", "XYZTC", "XYCTZ", "XYCZT", "XYTCZ", "XYTZC"];

    public static bool IsValid(string order) => s_orders.Contains(order, StringComparer.Ordinal);

    /// <summary>The plane index of (z, c, t); <paramref name="sizeC"/> counts planes of channels, not samples.</summary>
    public static int PlaneIndex(string order, int z, int c, int t, int sizeZ, int sizeC, int sizeT)
    {
        var index = 0;
        var scale = 1;
        foreach (var dimension in order.AsSpan(2))
        {
            var (value, size) = dimension switch
            {
                'Z' => (z, sizeZ),
                'C' => (c, sizeC),
                _ => (t, sizeT),
            };
            index += value * scale;
            scale *= size;
        }

        return index;
    }
}
