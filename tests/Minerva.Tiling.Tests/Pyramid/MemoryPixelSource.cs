using Minerva.Tiling.IO;
using Minerva.Tiling.Model;

namespace Minerva.Tiling.Tests.Pyramid;

/// <summary>
/// An image held in memory: planes[level][t][c][z] of one series, for testing the pyramid engine without a TIFF reader.
/// Counts the reads per stored level so tests can tell copied levels from computed ones.
/// </summary>
internal sealed class MemoryPixelSource : IPixelSource
{
    private readonly byte[][][][][] _planes;
    private readonly int[] _readsPerLevel;

    public MemoryPixelSource(SeriesInfo series, byte[][][][][] planes)
    {
        Info = new ImageInfo(null, [series]);
        _planes = planes;
        _readsPerLevel = new int[planes.Length];
    }

    public ImageInfo Info { get; }

    public IReadOnlyList<int> ReadsPerLevel => _readsPerLevel;

    /// <summary>A one-series image with random planes; stored levels beyond 0 are given by <paramref name="storedSizes"/>.</summary>
    public static MemoryPixelSource Random(PixelType type, int sizeT, int sizeC, int sizeZ, long sizeY, long sizeX, int seed, params (long Y, long X)[] storedSizes)
    {
        var sizes = new[] { (sizeY, sizeX) }.Concat(storedSizes).ToArray();
        var stored = sizes.Select((s, i) => new StoredLevel(i, s.Item1, s.Item2)).ToList();
        var series = new SeriesInfo(0, "test", sizeT, sizeC, sizeZ, sizeY, sizeX, type, PhysicalSizes.Unknown, [], stored);
        int n = 0;
        var planes = sizes.Select(s => Enumerable.Range(0, sizeT).Select(t => Enumerable.Range(0, sizeC).Select(c => Enumerable.Range(0, sizeZ)
            .Select(z => Samples.RandomPlane(type, s.Item1, s.Item2, seed + n++)).ToArray()).ToArray()).ToArray()).ToArray();
        return new MemoryPixelSource(series, planes);
    }

    public byte[] Plane(int level, int t, int c, int z) => _planes[level][t][c][z];

    public ValueTask ReadAsync(PlaneRect rect, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        var series = Info.Series[rect.Series];
        var level = series.StoredLevels[rect.Level];
        int sampleSize = series.PixelType.SampleSize();
        if (rect.Y0 < 0 || rect.X0 < 0 || rect.Y0 + rect.Height > level.SizeY || rect.X0 + rect.Width > level.SizeX)
        {
            throw new InvalidImageException($"Rectangle {rect} lies outside level {rect.Level}.");
        }

        Interlocked.Increment(ref _readsPerLevel[rect.Level]);
        int rowBytes = rect.Width * sampleSize;
        for (int c = 0; c < rect.CCount; c++)
        {
            var plane = _planes[rect.Level][rect.T][rect.C0 + c][rect.Z];
            for (int r = 0; r < rect.Height; r++)
            {
                long from = ((rect.Y0 + r) * level.SizeX + rect.X0) * sampleSize;
                long to = ((long)c * rect.Height + r) * rowBytes;
                plane.AsSpan((int)from, rowBytes).CopyTo(destination.Span.Slice((int)to, rowBytes));
            }
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
    }
}
