using System.IO.Compression;

namespace Minerva.Tiling.Codecs;

/// <summary>
/// Compression 8 and 32946: zlib-wrapped Deflate. Uses libdeflate when the native library loads,
/// else .NET's <see cref="ZLibStream"/>.
/// </summary>
internal sealed class DeflateDecompressor : TiffDecompressor
{
    public static readonly DeflateDecompressor Instance = new();

    public override string Name => "Deflate";

    public override int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) =>
        LibDeflate.IsAvailable ? LibDeflate.ZlibDecompress(source, destination) : DecompressManaged(source, destination);

    /// <summary>The fallback path, reachable from tests so both paths are checked on a machine that has libdeflate.</summary>
    internal static unsafe int DecompressManaged(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* input = source)
        {
            using var compressed = new UnmanagedMemoryStream(input, source.Length);
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            var written = 0;
            while (written < destination.Length)
            {
                var read = inflater.Read(destination[written..]);
                if (read == 0)
                {
                    break;
                }

                written += read;
            }

            return written;
        }
    }
}
