using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

/// <summary>How imports tile their images, from the configuration section "Minerva:Tiling".</summary>
public sealed class TilingOptions
{
    public const string Section = "Minerva:Tiling";

    /// <summary>Chunk edge in y and x.</summary>
    public int ChunkSize { get; set; } = 1024;

    public Compressor Compressor { get; set; } = Compressor.BloscLz4;

    /// <summary>Pixels one region activity holds in memory.</summary>
    public long RegionBytes { get; set; } = 64L << 20;

    public TileOptions ToTileOptions() => new(ChunkSize, Compressor, RegionBytes);
}
