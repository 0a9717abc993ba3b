using Minerva.Tiling.Model;

namespace Minerva.Tiling.Pyramid;

/// <summary>
/// How one series becomes an OME-Zarr multiscale: its levels and the ordered steps of regions that build them.
/// Regions in one step are independent (run them in parallel, anywhere); a step starts when the previous one is done.
/// Small enough to pass as an orchestration input.
/// </summary>
public sealed record PyramidPlan(SeriesInfo Series, TileOptions Options, IReadOnlyList<LevelPlan> Levels, IReadOnlyList<PlanStep> Steps)
{
    public int RegionCount => Steps.Sum(s => s.Regions.Count);

    /// <summary>The raw pixel bytes of a region at its first level: what progress counts it as.</summary>
    public long RegionBytes(Region region) => region.CCount * region.Height * region.Width * Series.PixelType.SampleSize();
}

/// <summary>
/// One output level: its shape in y and x, and where its pixels come from: a stored source level
/// (<paramref name="StoredLevel"/> non-null: read from the source) or the 2×2 mean of the level above.
/// </summary>
public sealed record LevelPlan(int Level, long SizeY, long SizeX, int ChunkY, int ChunkX, int? StoredLevel);

/// <summary>One fan-out/fan-in step.</summary>
public sealed record PlanStep(IReadOnlyList<Region> Regions);

/// <summary>
/// A block of chunks at <paramref name="Level"/> for channels [C0, C0+CCount) of plane (T, Z), covering
/// rows [Y0, Y0+Height) and columns [X0, X0+Width) of that level; it also writes the next
/// <paramref name="ExtraLevels"/> levels of its own area in the same pass. Building a region twice writes identical bytes.
/// </summary>
public sealed record Region(int Series, int Level, int ExtraLevels, int T, int Z, int C0, int CCount, long Y0, long X0, long Height, long Width);

/// <summary>Per-channel data range a region saw (for omero windows); aggregate over all regions of level 0.</summary>
public sealed record RegionResult(IReadOnlyList<ChannelRange> Channels);

/// <summary>Min and max of one channel's samples as doubles.</summary>
public sealed record ChannelRange(int C, double Min, double Max);
