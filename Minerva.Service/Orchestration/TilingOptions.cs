using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

/// <summary>How imports tile their images, from the configuration section "Minerva:Tiling".</summary>
public sealed class TilingOptions
{
    public const string Section = "Minerva:Tiling";

    /// <summary>Chunk edge in y and x.</summary>
    public int ChunkSize { get; set; } = 1024;

    public Compressor Compressor { get; set; } = Compressor.BloscLz4;

    /// <summary>Pixels one region holds in memory at most (a region is a square of whole chunks that also yields further levels).</summary>
    public long RegionBytes { get; set; } = 64L << 20;

    /// <summary>The default of <see cref="ActivityBytes"/>.</summary>
    public const long DefaultActivityBytes = 32L << 20;

    /// <summary>
    /// Pixels one activity builds: one region at the default sizes, a run of regions when they are small. About a
    /// second of a core's work, so an activity's own cost (queue round trips, history events) stays small beside it.
    /// </summary>
    public long ActivityBytes { get; set; } = DefaultActivityBytes;

    public TileOptions ToTileOptions() => new(ChunkSize, Compressor, RegionBytes);
}
