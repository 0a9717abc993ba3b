namespace Minerva.Tiling.Pyramid.Downsampling;

/// <summary>The arithmetic of the 2×2 mean for one sample type (see <see cref="MeanDownsampler"/> for the rule).</summary>
internal interface IMean<T>
{
    static abstract T Mean4(T a, T b, T c, T d);

    static abstract T Mean2(T a, T b);

    /// <summary>
    /// Vectorised interior of one output row from two full source rows: writes output[0..k) for the largest k
    /// the vector width allows (k ≤ <paramref name="pairs"/>) and returns k; the caller finishes the rest.
    /// </summary>
    static abstract int MeanOfRowPairs(ReadOnlySpan<T> top, ReadOnlySpan<T> bottom, Span<T> output, int pairs);
}
