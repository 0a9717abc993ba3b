using System.IO.Compression;

namespace Minerva.Tiling.Compression;

/// <summary>
/// Inflates zlib streams (RFC 1950) for both formats: TIFF Deflate tiles and Zarr zlib chunks. Uses libdeflate
/// when the native library loads, else .NET's <see cref="ZLibStream"/>; both paths accept and refuse the same streams.
/// </summary>
internal static class Zlib
{
    /// <summary>Inflates <paramref name="source"/> into the start of <paramref name="destination"/> and returns the bytes written.</summary>
    /// <exception cref="InvalidDataException">The stream is damaged or holds more than <paramref name="destination"/>.</exception>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) =>
        LibDeflate.IsAvailable ? LibDeflate.ZlibDecompress(source, destination) : DecompressManaged(source, destination);

    /// <summary>The fallback path, reachable from tests so both paths are checked on a machine that has libdeflate.</summary>
    internal static unsafe int DecompressManaged(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            throw new InvalidDataException("the Deflate stream is empty");
        }

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
                    return written;
                }

                written += read;
            }

            if (inflater.ReadByte() >= 0)
            {
                throw new InvalidDataException($"the Deflate stream holds more than the {destination.Length} bytes expected");
            }

            return written;
        }
    }
}
