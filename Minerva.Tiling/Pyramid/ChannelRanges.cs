using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Pyramid;

/// <summary>Per-channel min/max of pixel data (for omero windows), and their merge over regions.</summary>
public static class ChannelRanges
{
    /// <summary>
    /// Ranges of <paramref name="channels"/> consecutive planes of <paramref name="planeSamples"/> samples,
    /// numbered from <paramref name="firstChannel"/>. NaN and infinite float samples are ignored; a channel with
    /// no finite sample has no range.
    /// </summary>
    public static IReadOnlyList<ChannelRange> Measure(PixelType type, ReadOnlySpan<byte> planes, int channels, long planeSamples, int firstChannel)
    {
        var ranges = new List<ChannelRange>(channels);
        int planeBytes = checked((int)(planeSamples * type.SampleSize()));
        for (int c = 0; c < channels; c++)
        {
            var plane = planes.Slice(c * planeBytes, planeBytes);
            (double Min, double Max)? range = type switch
            {
                PixelType.UInt8 => IntegerRange<byte>(plane),
                PixelType.Int8 => IntegerRange<sbyte>(plane),
                PixelType.UInt16 => IntegerRange<ushort>(plane),
                PixelType.Int16 => IntegerRange<short>(plane),
                PixelType.UInt32 => IntegerRange<uint>(plane),
                PixelType.Int32 => IntegerRange<int>(plane),
                PixelType.Float32 => FloatRange<float>(plane),
                PixelType.Float64 => FloatRange<double>(plane),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown pixel type."),
            };
            if (range is var (min, max))
            {
                ranges.Add(new ChannelRange(firstChannel + c, min, max));
            }
        }

        return ranges;
    }

    /// <summary>Each channel's smallest min and largest max over all results, ordered by channel.</summary>
    public static IReadOnlyList<ChannelRange> Merge(IEnumerable<ChannelRange> ranges) => ranges
        .GroupBy(r => r.C)
        .OrderBy(g => g.Key)
        .Select(g => new ChannelRange(g.Key, g.Min(r => r.Min), g.Max(r => r.Max)))
        .ToList();

    private static (double, double)? IntegerRange<T>(ReadOnlySpan<byte> bytes)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var samples = MemoryMarshal.Cast<byte, T>(bytes);
        if (samples.IsEmpty)
        {
            return null;
        }

        T min = T.MaxValue, max = T.MinValue;
        int i = 0;
        if (samples.Length >= Vector256<T>.Count)
        {
            var vmin = Vector256.Create(T.MaxValue);
            var vmax = Vector256.Create(T.MinValue);
            for (; i + Vector256<T>.Count <= samples.Length; i += Vector256<T>.Count)
            {
                var v = Vector256.Create(samples.Slice(i, Vector256<T>.Count));
                vmin = Vector256.Min(vmin, v);
                vmax = Vector256.Max(vmax, v);
            }

            for (int lane = 0; lane < Vector256<T>.Count; lane++)
            {
                min = T.Min(min, vmin[lane]);
                max = T.Max(max, vmax[lane]);
            }
        }

        for (; i < samples.Length; i++)
        {
            min = T.Min(min, samples[i]);
            max = T.Max(max, samples[i]);
        }

        return (double.CreateTruncating(min), double.CreateTruncating(max));
    }

    private static (double, double)? FloatRange<T>(ReadOnlySpan<byte> bytes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var sample in MemoryMarshal.Cast<byte, T>(bytes))
        {
            if (T.IsFinite(sample))
            {
                double value = double.CreateTruncating(sample);
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        return min <= max ? (min, max) : null;
    }
}
