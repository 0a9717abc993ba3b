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
    public void Rent_AnyLength_HoldsAtLeastThatMany(int length)
    {
        var buffer = LargeBuffers.Rent(length);
        buffer.Span[..length].Fill(7);
        Assert.True(buffer.Memory.Length >= length);
        LargeBuffers.Return(buffer);
    }

    // Sizes no other test asks for: the pool is one per process.
    [Fact]
    public void Rent_AfterReturn_GivesTheSameBuffer()
    {
        var buffer = LargeBuffers.Rent((56 << 20) + 1);
        LargeBuffers.Return(buffer);
        var again = LargeBuffers.Rent((56 << 20) + 1);
        LargeBuffers.Return(again);
        Assert.Same(buffer, again);
    }

    [Fact]
    public void FreeSizesOutOfUse_SizeNotAskedForSinceTheLastCall_IsFreed()
    {
        var buffer = LargeBuffers.Rent((80 << 20) + 1);
        LargeBuffers.Return(buffer);
        LargeBuffers.FreeSizesOutOfUse();
        LargeBuffers.FreeSizesOutOfUse();

        Assert.Throws<ObjectDisposedException>(() => buffer.Span.Length);
        var fresh = LargeBuffers.Rent((80 << 20) + 1);
        LargeBuffers.Return(fresh);
        Assert.NotSame(buffer, fresh);
    }
}
