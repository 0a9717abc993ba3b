using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>
/// Blosc's byte shuffle: byte j of every element goes to stream j, so the slowly varying high bytes of
/// 16-bit samples become long runs LZ4 can find (unshuffled uint16 does not compress at all).
/// Bytes past the last whole element are copied as they are, as c-blosc does.
/// </summary>
public static class ByteShuffle
{
    public static void Shuffle(int typeSize, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CheckLengths(source, destination);
        int elements = source.Length / typeSize;
        int done = typeSize switch
        {
            2 => Shuffle2(source, destination, elements),
            4 => Shuffle4(source, destination, elements),
            _ => 0,
        };
        for (int j = 0; j < typeSize; j++)
        {
            for (int i = done; i < elements; i++)
            {
                destination[j * elements + i] = source[i * typeSize + j];
            }
        }

        source[(elements * typeSize)..].CopyTo(destination[(elements * typeSize)..]);
    }

    public static void Unshuffle(int typeSize, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        CheckLengths(source, destination);
        int elements = source.Length / typeSize;
        int done = typeSize switch
        {
            2 => Unshuffle2(source, destination, elements),
            4 => Unshuffle4(source, destination, elements),
            _ => 0,
        };
        for (int j = 0; j < typeSize; j++)
        {
            for (int i = done; i < elements; i++)
            {
                destination[i * typeSize + j] = source[j * elements + i];
            }
        }

        source[(elements * typeSize)..].CopyTo(destination[(elements * typeSize)..]);
    }

    private static void CheckLengths(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new ArgumentException("Shuffle source and destination differ in length.", nameof(destination));
        }
    }

    /// <summary>32 elements per step: the low bytes and the high bytes narrow into one vector each.</summary>
    private static int Shuffle2(ReadOnlySpan<byte> source, Span<byte> destination, int elements)
    {
        ref ushort input = ref Unsafe.As<byte, ushort>(ref MemoryMarshal.GetReference(source));
        ref byte low = ref MemoryMarshal.GetReference(destination);
        ref byte high = ref Unsafe.Add(ref low, elements);
        var mask = Vector256.Create((ushort)0xFF);
        int i = 0;
        for (; i + 32 <= elements; i += 32)
        {
            var a = Vector256.LoadUnsafe(ref input, (nuint)i);
            var b = Vector256.LoadUnsafe(ref input, (nuint)(i + 16));
            Vector256.Narrow(a & mask, b & mask).StoreUnsafe(ref low, (nuint)i);
            Vector256.Narrow(a >>> 8, b >>> 8).StoreUnsafe(ref high, (nuint)i);
        }

        return i;
    }

    private static int Unshuffle2(ReadOnlySpan<byte> source, Span<byte> destination, int elements)
    {
        ref byte low = ref MemoryMarshal.GetReference(source);
        ref byte high = ref Unsafe.Add(ref low, elements);
        ref ushort output = ref Unsafe.As<byte, ushort>(ref MemoryMarshal.GetReference(destination));
        int i = 0;
        for (; i + 32 <= elements; i += 32)
        {
            var (low0, low1) = Vector256.Widen(Vector256.LoadUnsafe(ref low, (nuint)i));
            var (high0, high1) = Vector256.Widen(Vector256.LoadUnsafe(ref high, (nuint)i));
            (low0 | (high0 << 8)).StoreUnsafe(ref output, (nuint)i);
            (low1 | (high1 << 8)).StoreUnsafe(ref output, (nuint)(i + 16));
        }

        return i;
    }

    /// <summary>32 elements per step: each of the four byte planes narrows uint → ushort → byte.</summary>
    private static int Shuffle4(ReadOnlySpan<byte> source, Span<byte> destination, int elements)
    {
        ref uint input = ref Unsafe.As<byte, uint>(ref MemoryMarshal.GetReference(source));
        ref byte output = ref MemoryMarshal.GetReference(destination);
        var mask = Vector256.Create(0xFFu);
        int i = 0;
        for (; i + 32 <= elements; i += 32)
        {
            var a = Vector256.LoadUnsafe(ref input, (nuint)i);
            var b = Vector256.LoadUnsafe(ref input, (nuint)(i + 8));
            var c = Vector256.LoadUnsafe(ref input, (nuint)(i + 16));
            var d = Vector256.LoadUnsafe(ref input, (nuint)(i + 24));
            for (int j = 0; j < 4; j++)
            {
                int shift = 8 * j;
                var ab = Vector256.Narrow((a >>> shift) & mask, (b >>> shift) & mask);
                var cd = Vector256.Narrow((c >>> shift) & mask, (d >>> shift) & mask);
                Vector256.Narrow(ab, cd).StoreUnsafe(ref output, (nuint)(j * elements + i));
            }
        }

        return i;
    }

    private static int Unshuffle4(ReadOnlySpan<byte> source, Span<byte> destination, int elements)
    {
        ref byte input = ref MemoryMarshal.GetReference(source);
        ref uint output = ref Unsafe.As<byte, uint>(ref MemoryMarshal.GetReference(destination));
        int i = 0;
        for (; i + 32 <= elements; i += 32)
        {
            Vector256<uint> a = default, b = default, c = default, d = default;
            for (int j = 0; j < 4; j++)
            {
                int shift = 8 * j;
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref input, (nuint)(j * elements + i)));
                var (w0, w1) = Vector256.Widen(lower);
                var (w2, w3) = Vector256.Widen(upper);
                a |= w0 << shift;
                b |= w1 << shift;
                c |= w2 << shift;
                d |= w3 << shift;
            }

            a.StoreUnsafe(ref output, (nuint)i);
            b.StoreUnsafe(ref output, (nuint)(i + 8));
            c.StoreUnsafe(ref output, (nuint)(i + 16));
            d.StoreUnsafe(ref output, (nuint)(i + 24));
        }

        return i;
    }
}
