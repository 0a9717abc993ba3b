using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>numcodecs' <c>zlib</c> codec at level 1 (a zlib stream with header and Adler-32).</summary>
public sealed class ZlibCodec : IChunkCodec
{
    public JsonObject? ZarrConfig => new() { ["id"] = "zlib", ["level"] = 1 };

    // Stored deflate blocks cost 5 bytes per 16 KiB at worst; zlib adds a 2-byte header and a 4-byte checksum.
    public int MaxEncodedLength(int length) => length + (length / 16000 + 1) * 5 + 64;

    public unsafe int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
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

    public unsafe void Decode(ReadOnlySpan<byte> encoded, Span<byte> destination)
    {
        fixed (byte* input = encoded)
        {
            using var stream = new UnmanagedMemoryStream(input, encoded.Length);
            using var zlib = new ZLibStream(stream, CompressionMode.Decompress);
            try
            {
                zlib.ReadExactly(destination);
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException($"zlib chunk decodes to fewer than {destination.Length} bytes.", e);
            }

            if (zlib.ReadByte() >= 0)
            {
                throw new InvalidDataException($"zlib chunk decodes to more than {destination.Length} bytes.");
            }
        }
    }
}
