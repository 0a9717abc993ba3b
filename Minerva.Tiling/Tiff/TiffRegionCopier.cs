using System.Runtime.InteropServices;

namespace Minerva.Tiling.Tiff;

/// <summary>Copies the part of a decoded block that falls inside a requested rectangle into the [c][y][x] destination.</summary>
internal static class TiffRegionCopier
{
    /// <param name="block">The decoded block: rows of <see cref="TiffIfd.BlockRowBytes"/> bytes.</param>
    /// <param name="ifd">The IFD the block belongs to.</param>
    /// <param name="blockY0">The block's first image row.</param>
    /// <param name="blockX0">The block's first image column.</param>
    /// <param name="blockRows">Rows the block holds.</param>
    /// <param name="firstSample">The first sample of the block to copy (0 for planar-separate blocks).</param>
    /// <param name="sampleCount">How many consecutive samples to copy.</param>
    /// <param name="firstChannel">The destination channel (0 = rect.C0) of <paramref name="firstSample"/>.</param>
    /// <param name="rect">The requested rectangle.</param>
    /// <param name="destination">The whole destination, [c][y][x] for the rectangle's channels.</param>
    public static void Copy(
        ReadOnlySpan<byte> block, TiffIfd ifd, long blockY0, long blockX0, int blockRows,
        int firstSample, int sampleCount, int firstChannel, IO.PlaneRect rect, Span<byte> destination)
    {
        var bytesPerSample = ifd.BytesPerSample;
        var y0 = Math.Max(rect.Y0, blockY0);
        var y1 = Math.Min(rect.Y0 + rect.Height, blockY0 + blockRows);
        var x0 = Math.Max(rect.X0, blockX0);
        var x1 = Math.Min(rect.X0 + rect.Width, Math.Min(blockX0 + ifd.BlockWidth, ifd.Width));
        if (y0 >= y1 || x0 >= x1)
        {
            return;
        }

        var stride = ifd.SamplesPerBlock;
        var columns = (int)(x1 - x0);
        var planeBytes = (long)rect.Height * rect.Width * bytesPerSample;
        for (var s = 0; s < sampleCount; s++)
        {
            var channelStart = (firstChannel + s) * planeBytes;
            for (var y = y0; y < y1; y++)
            {
                var sourceRow = block.Slice((int)(y - blockY0) * ifd.BlockRowBytes, ifd.BlockRowBytes);
                var destinationRow = destination.Slice(
                    checked((int)(channelStart + ((((y - rect.Y0) * rect.Width) + (x0 - rect.X0)) * bytesPerSample))),
                    columns * bytesPerSample);
                var firstColumn = (int)(x0 - blockX0);
                if (stride == 1)
                {
                    sourceRow.Slice(firstColumn * bytesPerSample, columns * bytesPerSample).CopyTo(destinationRow);
                    continue;
                }

                var sourcePixels = sourceRow[(firstColumn * stride * bytesPerSample)..];
                switch (bytesPerSample)
                {
                    case 1 when stride == 3:
                        RgbSampleGather.Gather(sourcePixels, destinationRow, firstSample + s);
                        break;
                    case 1:
                        Gather(sourcePixels, destinationRow, firstSample + s, stride);
                        break;
                    case 2:
                        Gather(MemoryMarshal.Cast<byte, ushort>(sourcePixels), MemoryMarshal.Cast<byte, ushort>(destinationRow), firstSample + s, stride);
                        break;
                    case 4:
                        Gather(MemoryMarshal.Cast<byte, uint>(sourcePixels), MemoryMarshal.Cast<byte, uint>(destinationRow), firstSample + s, stride);
                        break;
                    default:
                        Gather(MemoryMarshal.Cast<byte, ulong>(sourcePixels), MemoryMarshal.Cast<byte, ulong>(destinationRow), firstSample + s, stride);
                        break;
                }
            }
        }
    }

    /// <summary>Picks sample <paramref name="sample"/> of each interleaved pixel.</summary>
    private static void Gather<T>(ReadOnlySpan<T> pixels, Span<T> destination, int sample, int stride)
        where T : unmanaged
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = pixels[(i * stride) + sample];
        }
    }
}
