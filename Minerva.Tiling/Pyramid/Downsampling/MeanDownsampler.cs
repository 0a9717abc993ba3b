using System.Runtime.InteropServices;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Pyramid.Downsampling;

/// <summary>
/// The 2×2 mean that builds level k+1 from level k: output pixel (y, x) is the mean of the source pixels
/// (2y..2y+1, 2x..2x+1) that exist — four inside, two on an odd last row or column, one in an odd corner.
/// No padding. Integers round half up: mean = floor((2·sum + n) / 2n), which for n ∈ {1, 2, 4} is
/// (sum + n/2) >> log2(n) with an arithmetic shift in a type wide enough for the sum (also for signed samples:
/// −2.5 → −2, −2.75 → −3). Floats sum in double, rows first ((a+b) + (c+d)), then divide and round to the type.
/// </summary>
public static class MeanDownsampler
{
    /// <summary>Output size of one axis: ceil(size / 2).</summary>
    public static long Half(long size) => (size + 1) / 2;

    /// <summary>
    /// Downsamples a <paramref name="height"/>×<paramref name="width"/> rectangle of samples (rows
    /// <paramref name="sourceStride"/> samples apart) into <paramref name="destination"/> (rows
    /// <paramref name="destinationStride"/> samples apart). Strides and sizes count samples, not bytes.
    /// </summary>
    public static void Downsample(PixelType type, ReadOnlySpan<byte> source, int sourceStride, int height, int width, Span<byte> destination, int destinationStride)
    {
        switch (type)
        {
            case PixelType.UInt8: Run<byte, IntegerMean<byte, ushort>>(source, sourceStride, height, width, destination, destinationStride); break;
            case PixelType.Int8: Run<sbyte, IntegerMean<sbyte, short>>(source, sourceStride, height, width, destination, destinationStride); break;
            case PixelType.UInt16: Run<ushort, IntegerMean<ushort, uint>>(source, sourceStride, height, width, destination, destinationStride); break;
            case PixelType.Int16: Run<short, IntegerMean<short, int>>(source, sourceStride, height, width, destination, destinationStride); break;
            case PixelType.UInt32: Run<uint, IntegerMean<uint, ulong>>(source, sourceStride, height, width, destination, destinationStride); break;
            case PixelType.Int32: Run<int, IntegerMean<int, long>>(source, sourceStride, height, width, destination, destinationStride); break;
            case PixelType.Float32: Run<float, FloatMean<float>>(source, sourceStride, height, width, destination, destinationStride); break;
            case PixelType.Float64: Run<double, FloatMean<double>>(source, sourceStride, height, width, destination, destinationStride); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown pixel type.");
        }
    }

    private static void Run<T, TMean>(ReadOnlySpan<byte> sourceBytes, int sourceStride, int height, int width, Span<byte> destinationBytes, int destinationStride)
        where T : unmanaged
        where TMean : IMean<T>
    {
        var source = MemoryMarshal.Cast<byte, T>(sourceBytes);
        var destination = MemoryMarshal.Cast<byte, T>(destinationBytes);
        int pairs = width / 2;
        for (int y = 0; 2 * y < height; y++)
        {
            var top = source.Slice(2 * y * sourceStride, width);
            var output = destination.Slice(y * destinationStride, (int)Half(width));
            if (2 * y + 1 < height)
            {
                var bottom = source.Slice((2 * y + 1) * sourceStride, width);
                for (int x = TMean.MeanOfRowPairs(top, bottom, output, pairs); x < pairs; x++)
                {
                    output[x] = TMean.Mean4(top[2 * x], top[2 * x + 1], bottom[2 * x], bottom[2 * x + 1]);
                }

                if (width % 2 == 1)
                {
                    output[pairs] = TMean.Mean2(top[width - 1], bottom[width - 1]);
                }
            }
            else
            {
                for (int x = 0; x < pairs; x++)
                {
                    output[x] = TMean.Mean2(top[2 * x], top[2 * x + 1]);
                }

                if (width % 2 == 1)
                {
                    output[pairs] = top[width - 1];
                }
            }
        }
    }
}
