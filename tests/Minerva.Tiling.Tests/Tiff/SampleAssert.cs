using Minerva.Tiling.IO;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>Checks a whole stored level of 8-bit samples against a reference decode, within a tolerance.</summary>
internal static class SampleAssert
{
    /// <summary>Reads all channels of (series, level) and compares them with <paramref name="expectedPlanes"/> ([c][y][x]).</summary>
    public static async Task LevelMatchesAsync(IPixelSource source, int series, int level, byte[] expectedPlanes, int tolerance)
    {
        var info = source.Info.Series[series];
        var stored = info.StoredLevels[level];
        var actual = new byte[expectedPlanes.Length];
        await source.ReadAsync(new PlaneRect(series, level, 0, 0, 0, info.SizeC, 0, 0, (int)stored.SizeY, (int)stored.SizeX), actual);
        Within(expectedPlanes, actual, tolerance, $"series {series} level {level}");
    }

    public static void Within(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, int tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0;
        var at = -1;
        for (var i = 0; i < expected.Length; i++)
        {
            var difference = Math.Abs(expected[i] - actual[i]);
            if (difference > worst)
            {
                (worst, at) = (difference, i);
            }
        }

        Assert.True(worst <= tolerance, $"{what}: sample {at} differs by {worst} (expected {(at < 0 ? 0 : expected[at])}, read {(at < 0 ? 0 : actual[at])}); at most {tolerance} allowed.");
    }
}
