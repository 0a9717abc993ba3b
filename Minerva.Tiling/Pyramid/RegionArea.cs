namespace Minerva.Tiling.Pyramid;

/// <summary>The pixels a region covers at one level: rows [Y0, Y0+Height), columns [X0, X0+Width).</summary>
internal readonly record struct RegionArea(long Y0, long X0, int Height, int Width)
{
    public long PlaneSamples => (long)Height * Width;

    /// <summary>The same area one level down; exact because regions start at even positions.</summary>
    public RegionArea Half() => new(Y0 / 2, X0 / 2, (Height + 1) / 2, (Width + 1) / 2);
}
