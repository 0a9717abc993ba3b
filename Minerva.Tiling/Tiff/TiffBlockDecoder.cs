using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Minerva.Tiling.IO;
using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tiff;

/// <summary>
/// Decodes one tile or strip to little-endian samples: decompress, swap bytes of big-endian files, undo the
/// predictor. Output buffers come from <see cref="LargeBuffers"/>.
/// </summary>
internal static class TiffBlockDecoder
{
    /// <summary>
    /// Decodes <paramref name="raw"/>, the stored bytes of block <paramref name="blockIndex"/> of <paramref name="ifd"/>
    /// (counted as in its offsets array, so planar-separate samples come one sample plane after another), into a
    /// rented buffer of at least <see cref="TiffIfd.BlockRowBytes"/> × rows bytes. The caller returns the buffer to <see cref="LargeBuffers"/>.
    /// </summary>
    /// <exception cref="InvalidImageException">The data cannot be decompressed or is too short.</exception>
    public static LargeBuffer Decode(ReadOnlySpan<byte> raw, TiffIfd ifd, bool bigEndian, int blockIndex, string fileName)
    {
        var capacity = ifd.BlockRowBytes * ifd.BlockHeight;
        var decoded = LargeBuffers.Rent(capacity);
        try
        {
            Decode(raw, decoded.Span[..capacity], ifd, bigEndian, blockIndex, fileName);
            return decoded;
        }
        catch
        {
            LargeBuffers.Return(decoded);
            throw;
        }
    }

    /// <summary>Rows a block holds: full tiles always, the last strip only what is left of the image.</summary>
    public static int RowsOf(TiffIfd ifd, int blockIndex)
    {
        if (ifd.Tiled)
        {
            return ifd.BlockHeight;
        }

        var blockRow = (blockIndex % (ifd.BlocksAcross * ifd.BlocksDown)) / ifd.BlocksAcross;
        return (int)Math.Min(ifd.BlockHeight, ifd.Height - ((long)blockRow * ifd.BlockHeight));
    }

    private static void Decode(ReadOnlySpan<byte> raw, Span<byte> decoded, TiffIfd ifd, bool bigEndian, int blockIndex, string fileName)
    {
        var rowBytes = ifd.BlockRowBytes;
        var needed = RowsOf(ifd, blockIndex) * rowBytes;
        var decompressor = TiffDecompressor.For(ifd, out _)!;
        int written;
        try
        {
            written = decompressor.Decompress(raw, decoded);
        }
        catch (InvalidDataException e)
        {
            // One line: some decoders report several.
            var reason = string.Join(' ', e.Message.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            throw new InvalidImageException($"{fileName}: {Describe(ifd, blockIndex)} cannot be decompressed ({decompressor.Name}: {reason}); the file is damaged.", e);
        }

        if (written < needed)
        {
            throw new InvalidImageException(
                $"{fileName}: {Describe(ifd, blockIndex)} decompresses ({decompressor.Name}) to {written} bytes instead of {needed}; the file is damaged.");
        }

        var samples = decoded[..needed];
        if (ifd.Predictor == TiffPredictor.FloatingPoint)
        {
            // The floating-point predictor's byte planes are most-significant first whatever the file's byte order.
            FloatingPointPredictor.Undo(samples, rowBytes, ifd.BytesPerSample, ifd.SamplesPerBlock);
            return;
        }

        if (bigEndian)
        {
            SwapToLittleEndian(samples, ifd.BytesPerSample);
        }

        if (ifd.Predictor == TiffPredictor.Horizontal)
        {
            HorizontalPredictor.Undo(samples, rowBytes, ifd.BytesPerSample, ifd.SamplesPerBlock);
        }
    }

    private static void SwapToLittleEndian(Span<byte> samples, int bytesPerSample)
    {
        switch (bytesPerSample)
        {
            case 2:
                var shorts = MemoryMarshal.Cast<byte, ushort>(samples);
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                break;
            case 4:
                var ints = MemoryMarshal.Cast<byte, uint>(samples);
                BinaryPrimitives.ReverseEndianness(ints, ints);
                break;
            case 8:
                var longs = MemoryMarshal.Cast<byte, ulong>(samples);
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }

    private static string Describe(TiffIfd ifd, int blockIndex) => $"{(ifd.Tiled ? "tile" : "strip")} {blockIndex} of {ifd.Label}";
}
