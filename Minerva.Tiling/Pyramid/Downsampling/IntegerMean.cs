using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Minerva.Tiling.Pyramid.Downsampling;

/// <summary>
/// Integer samples <typeparamref name="T"/> summed in <typeparamref name="TWide"/> (twice as wide, same signedness),
/// so four samples plus the rounding term never overflow.
/// </summary>
internal readonly struct IntegerMean<T, TWide> : IMean<T>
    where T : unmanaged, IBinaryInteger<T>
    where TWide : unmanaged, IBinaryInteger<TWide>
{
    private static readonly int Bits = Unsafe.SizeOf<T>() * 8;

    public static T Mean4(T a, T b, T c, T d) =>
        T.CreateTruncating((Wide(a) + Wide(b) + Wide(c) + Wide(d) + TWide.CreateTruncating(2)) >> 2);

    public static T Mean2(T a, T b) => T.CreateTruncating((Wide(a) + Wide(b) + TWide.One) >> 1);

    /// <summary>
    /// Reads each row as TWide lanes: a lane holds a horizontal pair, (lane &lt;&lt; bits) >> bits is its left sample and
    /// lane >> bits its right one (sign- or zero-extended by the shift's signedness). Two vectors of sums narrow into one
    /// vector of outputs.
    /// </summary>
    public static int MeanOfRowPairs(ReadOnlySpan<T> top, ReadOnlySpan<T> bottom, Span<T> output, int pairs)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return 0;
        }

        var topWide = MemoryMarshal.Cast<T, TWide>(top);
        var bottomWide = MemoryMarshal.Cast<T, TWide>(bottom);
        ref TWide topRef = ref MemoryMarshal.GetReference(topWide);
        ref TWide bottomRef = ref MemoryMarshal.GetReference(bottomWide);
        ref T outputRef = ref MemoryMarshal.GetReference(output);
        int lanes = Vector256<TWide>.Count;
        int step = 2 * lanes;
        int x = 0;
        for (; x + step <= pairs; x += step)
        {
            var first = SumOfBlocks(ref topRef, ref bottomRef, x);
            var second = SumOfBlocks(ref topRef, ref bottomRef, x + lanes);
            Narrow(first, second).StoreUnsafe(ref outputRef, (nuint)x);
        }

        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<TWide> SumOfBlocks(ref TWide top, ref TWide bottom, int pair)
    {
        var t = Vector256.LoadUnsafe(ref top, (nuint)pair);
        var b = Vector256.LoadUnsafe(ref bottom, (nuint)pair);
        var sum = ((t << Bits) >> Bits) + (t >> Bits) + ((b << Bits) >> Bits) + (b >> Bits);
        return (sum + Vector256.Create(TWide.CreateTruncating(2))) >> 2;
    }

    /// <summary>Element-order narrowing; the type tests fold away when the JIT specialises the struct.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Narrow(Vector256<TWide> lower, Vector256<TWide> upper)
    {
        if (typeof(TWide) == typeof(ushort))
        {
            return Vector256.Narrow(lower.As<TWide, ushort>(), upper.As<TWide, ushort>()).As<byte, T>();
        }

        if (typeof(TWide) == typeof(short))
        {
            return Vector256.Narrow(lower.As<TWide, short>(), upper.As<TWide, short>()).As<sbyte, T>();
        }

        if (typeof(TWide) == typeof(uint))
        {
            return Vector256.Narrow(lower.As<TWide, uint>(), upper.As<TWide, uint>()).As<ushort, T>();
        }

        if (typeof(TWide) == typeof(int))
        {
            return Vector256.Narrow(lower.As<TWide, int>(), upper.As<TWide, int>()).As<short, T>();
        }

        if (typeof(TWide) == typeof(ulong))
        {
            return Vector256.Narrow(lower.As<TWide, ulong>(), upper.As<TWide, ulong>()).As<uint, T>();
        }

        return Vector256.Narrow(lower.As<TWide, long>(), upper.As<TWide, long>()).As<int, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TWide Wide(T value) => TWide.CreateTruncating(value);
}
