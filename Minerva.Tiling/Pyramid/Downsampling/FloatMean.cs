using System.Numerics;

namespace Minerva.Tiling.Pyramid.Downsampling;

/// <summary>Float samples: summed in double, rows first, divided, rounded to the sample type. Scalar only.</summary>
internal readonly struct FloatMean<T> : IMean<T>
    where T : unmanaged, IFloatingPoint<T>
{
    public static T Mean4(T a, T b, T c, T d) =>
        T.CreateTruncating(((double.CreateTruncating(a) + double.CreateTruncating(b)) + (double.CreateTruncating(c) + double.CreateTruncating(d))) / 4);

    public static T Mean2(T a, T b) => T.CreateTruncating((double.CreateTruncating(a) + double.CreateTruncating(b)) / 2);

    public static int MeanOfRowPairs(ReadOnlySpan<T> top, ReadOnlySpan<T> bottom, Span<T> output, int pairs) => 0;
}
