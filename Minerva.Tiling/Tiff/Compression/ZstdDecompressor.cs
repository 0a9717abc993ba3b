using Minerva.Tiling.Compression;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>Compression 50000: Zstandard, through the engine's one zstd path (<see cref="Zstd"/>).</summary>
internal sealed class ZstdDecompressor : TiffDecompressor
{
    public static readonly ZstdDecompressor Instance = new();

    public override string Name => "Zstd";

    public override int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) => Zstd.Decompress(source, destination);
}
