namespace Minerva.Tiling.Pyramid;

/// <summary>Chunk codec of the Zarr arrays.</summary>
public enum Compressor
{
    BloscLz4,
    BloscZstd,
    Zlib,
    None,
}

/// <summary>Options of a pyramid build. <paramref name="RegionBytes"/> bounds the pixels one region holds in memory.</summary>
public sealed record TileOptions(int ChunkSize = 1024, Compressor Compressor = Compressor.BloscLz4, long RegionBytes = 64L << 20);
