using Minerva.Tiling.Tiff;
using Xunit;

namespace Minerva.Tiling.Tests.Tiff;

public sealed class RgbSampleGatherTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]       // one whole step
    [InlineData(17)]
    [InlineData(512)]      // a tile row
    [InlineData(1000)]
    public void Gather_EachSample_PicksEveryThirdByteFromTheSample(int pixels)
    {
        var interleaved = new byte[3 * pixels];
        new Random(pixels).NextBytes(interleaved);
        for (int sample = 0; sample < 3; sample++)
        {
            var plane = new byte[pixels];

            RgbSampleGather.Gather(interleaved, plane, sample);

            Assert.Equal(Enumerable.Range(0, pixels).Select(i => interleaved[(3 * i) + sample]), plane);
        }
    }

    [Fact]
    public void Gather_SourceEndsAtTheLastPixelsSample_ReadsNothingBeyondIt()
    {
        // A block's last pixel of sample 0: the source slice starts at the pixel's sample and ends 2 bytes short of
        // a whole pixel, as the copier hands it over for the last column.
        var interleaved = Enumerable.Range(0, 3 * 33).Select(i => (byte)i).ToArray();
        var plane = new byte[33];

        RgbSampleGather.Gather(interleaved.AsSpan(0, (3 * 32) + 1), plane, 0);

        Assert.Equal(Enumerable.Range(0, 33).Select(i => (byte)(3 * i)), plane);
    }
}
