using Minerva.Tiling.IO;

namespace Minerva.Tiling.Tests.IO;

public sealed class LargeBuffersTests
{
    [Theory]
    [InlineData(1, 64 * 1024)]
    [InlineData(2 << 20, 2 << 20)]
    [InlineData((2 << 20) + 16, (2 << 20) + (512 << 10))]
    [InlineData(3_000_000, 3 << 20)]
    [InlineData((32 << 20) - 1, 32 << 20)]
    [InlineData((32 << 20) + 1, 40 << 20)]
    public void SizeFor_Length_IsTheNextQuarterStepOfAPowerOfTwo(int length, int size) =>
        Assert.Equal(size, LargeBuffers.SizeFor(length));

    [Theory]
    [InlineData(100)]
    [InlineData(3_000_000)]
    public void Rent_AnyLength_HoldsAtLeastThatMany(int length) =>
        Assert.True(LargeBuffers.Rent(length).Length >= length);
}
