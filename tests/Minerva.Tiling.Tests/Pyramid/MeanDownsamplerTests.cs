using Minerva.Tiling.Model;
using Minerva.Tiling.Pyramid.Downsampling;

namespace Minerva.Tiling.Tests.Pyramid;

public class MeanDownsamplerTests
{
    public static TheoryData<PixelType, int, int> TypesAndSizes()
    {
        var data = new TheoryData<PixelType, int, int>();
        foreach (var type in Enum.GetValues<PixelType>())
        {
            // Even and odd sizes, narrower and wider than the vector loop's step, plus a single row and column.
            foreach (var (height, width) in new[] { (2, 2), (1, 1), (1, 9), (9, 1), (7, 33), (64, 130), (131, 257), (33, 1001) })
            {
                data.Add(type, height, width);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesAndSizes))]
    public void Downsample_RandomPlane_EqualsReferenceMean(PixelType type, int height, int width)
    {
        byte[] plane = Samples.RandomPlane(type, height, width, seed: height * 1000 + width);
        byte[] expected = ReferenceMean.Halve(type, plane, height, width);
        var actual = new byte[expected.Length];

        MeanDownsampler.Downsample(type, plane, width, height, width, actual, (width + 1) / 2);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(new[] { -2, -3, 0, 0 }, -1)] // −5/4 = −1.25 → −1
    [InlineData(new[] { -3, -3, -3, -1 }, -2)] // −10/4 = −2.5 → −2 (half up)
    [InlineData(new[] { -3, -3, -3, -2 }, -3)] // −11/4 = −2.75 → −3
    [InlineData(new[] { 1, 1, 1, 0 }, 1)] // 0.75 → 1
    [InlineData(new[] { 1, 0, 1, 0 }, 1)] // 0.5 → 1
    [InlineData(new[] { 1, 0, 0, 0 }, 0)] // 0.25 → 0
    [InlineData(new[] { -128, -128, -128, -128 }, -128)]
    [InlineData(new[] { 127, 127, 127, 126 }, 127)]
    public void Downsample_Int8Block_RoundsHalfUp(int[] block, int expected)
    {
        byte[] plane = block.Select(v => (byte)(sbyte)v).ToArray();
        var output = new byte[1];

        MeanDownsampler.Downsample(PixelType.Int8, plane, 2, 2, 2, output, 1);

        Assert.Equal(expected, (sbyte)output[0]);
    }

    [Fact]
    public void Downsample_UInt16Maxima_DoesNotOverflow()
    {
        // 64 columns so the vector path runs; every sum is 4 × 65535.
        byte[] plane = Enumerable.Repeat((byte)0xFF, 2 * 64 * 2).ToArray();
        var output = new byte[32 * 2];

        MeanDownsampler.Downsample(PixelType.UInt16, plane, 64, 2, 64, output, 32);

        Assert.All(output, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Downsample_OddEdges_AverageTheExistingPixels()
    {
        // 3×3 uint8: the last column averages two pixels, the last row two, the corner is itself.
        byte[] plane = [10, 20, 31, 30, 40, 50, 61, 70, 99];
        var output = new byte[4];

        MeanDownsampler.Downsample(PixelType.UInt8, plane, 3, 3, 3, output, 2);

        Assert.Equal(new byte[] { 25, 41, 66, 99 }, output);
    }
}
