using System.IO.Compression;
using System.Text.Json.Nodes;
using Minerva.Tiling.Compression;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>numcodecs' <c>zlib</c> codec at level 1 (a zlib stream with header and Adler-32).</summary>
public sealed class ZlibCodec : IChunkCodec
{
    public JsonObject? ZarrConfig => new() { ["id"] = "zlib", ["level"] = 1 };

    // zlib for an empty input: header for level 1, an empty fixed-Huffman block, Adler-32 of nothing.
    private static readonly byte[] EmptyStream = [0x78, 0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01];

    // Level 1 (zlib-ng's "quick" deflate) uses fixed Huffman codes only: random bytes can grow by 1/8.
    public int MaxEncodedLength(int length) => length + (length >> 3) + 1024;

    public unsafe int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            // ZLibStream writes nothing at all when given no bytes.
            EmptyStream.CopyTo(destination);
            return EmptyStream.Length;
        }

        // Pinned streams over the caller's spans: the deflater reads and writes them without copies.
        fixed (byte* output = destination)
        {
            using var sink = new UnmanagedMemoryStream(output, 0, destination.Length, FileAccess.Write);
            using (var zlib = new ZLibStream(sink, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(source);
            }

            return (int)sink.Position;
        }
    }

    public void Decode(ReadOnlySpan<byte> encoded, Span<byte> destination)
    {
        if (encoded.IsEmpty)
        {
            throw new InvalidDataException("zlib chunk is empty.");
        }

        int written = Zlib.Decompress(encoded, destination);
        if (written != destination.Length)
        {
            throw new InvalidDataException($"zlib chunk decodes to {written} bytes instead of {destination.Length}.");
        }
    }
}
