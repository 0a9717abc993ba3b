using System.Numerics;
using System.Runtime.InteropServices;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// Undoes TIFF predictor 2: each sample was stored as the difference to the same sample of the pixel on
/// its left. Works on little-endian samples (swap big-endian data first); the sums wrap like the encoder's.
/// </summary>
internal static class HorizontalPredictor
{
    /// <param name="block">Rows of samples, <paramref name="rowBytes"/> apart.</param>
    /// <param name="rowBytes">Bytes per row of the block (block width × samples per pixel × bytes per sample).</param>
    /// <param name="bytesPerSample">1, 2, 4 or 8.</param>
    /// <param name="samplesPerPixel">Interleaved samples per pixel (1 for planar-separate data).</param>
    public static void Undo(Span<byte> block, int rowBytes, int bytesPerSample, int samplesPerPixel)
    {
        switch (bytesPerSample)
        {
            case 1:
                Accumulate(block, rowBytes, samplesPerPixel);
                break;
            case 2:
                Accumulate(MemoryMarshal.Cast<byte, ushort>(block), rowBytes / 2, samplesPerPixel);
                break;
            case 4:
                Accumulate(MemoryMarshal.Cast<byte, uint>(block), rowBytes / 4, samplesPerPixel);
                break;
            case 8:
                Accumulate(MemoryMarshal.Cast<byte, ulong>(block), rowBytes / 8, samplesPerPixel);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(bytesPerSample), bytesPerSample, "Predictor 2 works on 1, 2, 4 or 8-byte samples.");
        }
    }

    private static void Accumulate<T>(Span<T> samples, int rowLength, int stride)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (var rowStart = 0; rowStart + rowLength <= samples.Length; rowStart += rowLength)
        {
            var row = samples.Slice(rowStart, rowLength);
            for (var i = stride; i < row.Length; i++)
            {
                row[i] += row[i - stride];
            }
        }
    }
}
