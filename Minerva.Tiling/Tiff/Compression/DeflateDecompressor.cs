using Minerva.Tiling.Compression;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>Compression 8 and 32946: zlib-wrapped Deflate, through the engine's one zlib path (<see cref="Zlib"/>).</summary>
internal sealed class DeflateDecompressor : TiffDecompressor
{
    public static readonly DeflateDecompressor Instance = new();

    public override string Name => "Deflate";

    public override int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) => Zlib.Decompress(source, destination);
}
