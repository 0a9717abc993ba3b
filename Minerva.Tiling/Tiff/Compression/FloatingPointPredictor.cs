using System.Buffers;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// Undoes TIFF predictor 3 (Adobe's floating-point predictor): per row, bytes were split into planes
/// (most significant first, independent of the file's byte order) and byte-differenced. Output is little-endian.
/// </summary>
internal static class FloatingPointPredictor
{
    /// <param name="block">Rows of samples, <paramref name="rowBytes"/> apart.</param>
    /// <param name="rowBytes">Bytes per row of the block.</param>
    /// <param name="bytesPerSample">2, 4 or 8.</param>
    /// <param name="samplesPerPixel">Interleaved samples per pixel (1 for planar-separate data).</param>
    public static void Undo(Span<byte> block, int rowBytes, int bytesPerSample, int samplesPerPixel)
    {
        var rowCopy = ArrayPool<byte>.Shared.Rent(rowBytes);
        try
        {
            var samplesPerRow = rowBytes / bytesPerSample;
            for (var rowStart = 0; rowStart + rowBytes <= block.Length; rowStart += rowBytes)
            {
                var row = block.Slice(rowStart, rowBytes);
                for (var i = samplesPerPixel; i < row.Length; i++)
                {
                    row[i] += row[i - samplesPerPixel];
                }

                var planes = rowCopy.AsSpan(0, rowBytes);
                row.CopyTo(planes);
                for (var sample = 0; sample < samplesPerRow; sample++)
                {
                    var target = row.Slice(sample * bytesPerSample, bytesPerSample);
                    for (var b = 0; b < bytesPerSample; b++)
                    {
                        target[b] = planes[((bytesPerSample - 1 - b) * samplesPerRow) + sample];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rowCopy);
        }
    }
}
