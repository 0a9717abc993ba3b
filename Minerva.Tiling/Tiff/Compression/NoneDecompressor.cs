namespace Minerva.Tiling.Tiff.Compression;

/// <summary>Compression 1: the bytes are stored as they are.</summary>
internal sealed class NoneDecompressor : TiffDecompressor
{
    public static readonly NoneDecompressor Instance = new();

    public override string Name => "none";

    public override int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var count = Math.Min(source.Length, destination.Length);
        source[..count].CopyTo(destination);
        return count;
    }
}
