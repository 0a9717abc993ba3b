using Minerva.Tiling.Pyramid;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>The codec behind each <see cref="Compressor"/> choice.</summary>
public static class ChunkCodecs
{
    /// <param name="typeSize">Bytes per sample (Blosc shuffles by it).</param>
    public static IChunkCodec Create(Compressor compressor, int typeSize) => compressor switch
    {
        Compressor.BloscLz4 => new BloscCodec(BloscCompressor.Lz4, typeSize),
        Compressor.BloscZstd => new BloscCodec(BloscCompressor.Zstd, typeSize),
        Compressor.Zlib => new ZlibCodec(),
        Compressor.None => new RawCodec(),
        _ => throw new ArgumentOutOfRangeException(nameof(compressor), compressor, "Unknown compressor."),
    };
}
