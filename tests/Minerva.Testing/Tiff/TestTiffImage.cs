using Minerva.Tiling.IO;

namespace Minerva.Testing.Tiff;

/// <summary>The pixels <see cref="TestTiff.Write"/> stored, as little-endian samples, to compare a reader's output with.</summary>
public sealed class TestTiffImage
{
    private readonly byte[][][][] _planes;

    internal TestTiffImage(TestTiffSpec spec, byte[][][][] planes)
    {
        Spec = spec;
        _planes = planes;
    }

    public TestTiffSpec Spec { get; }

    public int BytesPerSample => TestPixels.BytesPerSample(Spec.PixelType);

    /// <summary>One channel of plane (t, z) of a stored level: row-major, little-endian, no padding.</summary>
    public byte[] Plane(int series, int level, int t, int c, int z) =>
        _planes[series][level][PlaneKey(t, c, z)];

    /// <summary>What a reader must return for <paramref name="rect"/>: [c][y][x], little-endian, no padding.</summary>
    public byte[] Expected(PlaneRect rect)
    {
        var bytes = BytesPerSample;
        var (levelWidth, _) = Spec.LevelSize(rect.Level);
        var result = new byte[(long)rect.CCount * rect.Height * rect.Width * bytes];
        for (var c = 0; c < rect.CCount; c++)
        {
            var plane = Plane(rect.Series, rect.Level, rect.T, rect.C0 + c, rect.Z);
            for (var y = 0; y < rect.Height; y++)
            {
                plane.AsSpan((int)((((rect.Y0 + y) * levelWidth) + rect.X0) * bytes), rect.Width * bytes)
                    .CopyTo(result.AsSpan((((c * rect.Height) + y) * rect.Width) * bytes));
            }
        }

        return result;
    }

    internal int PlaneKey(int t, int c, int z) => (((t * Spec.SizeC) + c) * Spec.SizeZ) + z;
}
