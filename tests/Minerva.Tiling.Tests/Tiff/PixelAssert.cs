using Minerva.Testing.Tiff;
using Minerva.Tiling.IO;

namespace Minerva.Tiling.Tests.Tiff;

/// <summary>Checks reads of a source against the pixels the independent writer stored.</summary>
internal static class PixelAssert
{
    /// <summary>
    /// Rectangles that catch layout mistakes: the whole level, single corner pixels, a rectangle straddling
    /// tile or strip borders, the partial bottom-right edge, and seeded random ones.
    /// </summary>
    public static IEnumerable<(long Y0, long X0, int Height, int Width)> Rectangles(int width, int height)
    {
        yield return (0, 0, height, width);
        yield return (0, 0, 1, 1);
        yield return (height - 1, width - 1, 1, 1);
        yield return (height / 3, width / 3, Math.Max(1, height / 2), Math.Max(1, width / 2));
        yield return (height - Math.Min(height, 37), width - Math.Min(width, 53), Math.Min(height, 37), Math.Min(width, 53));
        var random = new Random(7);
        for (var i = 0; i < 4; i++)
        {
            var y0 = random.Next(height);
            var x0 = random.Next(width);
            yield return (y0, x0, random.Next(1, height - y0 + 1), random.Next(1, width - x0 + 1));
        }
    }

    /// <summary>Reads every plane of every series and level in several rectangles (all channels at once and one channel alone).</summary>
    public static async Task AllPlanesMatchAsync(IPixelSource source, TestTiffImage image)
    {
        var spec = image.Spec;
        for (var series = 0; series < spec.SeriesCount; series++)
        {
            for (var level = 0; level < spec.PyramidLevels; level++)
            {
                var (width, height) = spec.LevelSize(level);
                for (var t = 0; t < spec.SizeT; t++)
                {
                    for (var z = 0; z < spec.SizeZ; z++)
                    {
                        foreach (var (y0, x0, h, w) in Rectangles(width, height))
                        {
                            await MatchesAsync(source, image, new PlaneRect(series, level, t, z, 0, spec.SizeC, y0, x0, h, w));
                            await MatchesAsync(source, image, new PlaneRect(series, level, t, z, spec.SizeC - 1, 1, y0, x0, h, w));
                        }
                    }
                }
            }
        }
    }

    public static async Task MatchesAsync(IPixelSource source, TestTiffImage image, PlaneRect rect)
    {
        var expected = image.Expected(rect);
        var actual = new byte[expected.Length];
        await source.ReadAsync(rect, actual);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var first = expected.AsSpan().CommonPrefixLength(actual);
            Assert.Fail($"{rect}: first difference at byte {first} of {expected.Length} (expected {expected[first]}, read {actual[first]}).");
        }
    }
}
