using Minerva.Tiling.IO;
using Minerva.Tiling.Tests.Pyramid;

namespace Minerva.Tiling.Tests.Zarr;

public class DirectoryChunkStoreTests
{
    [Fact]
    public async Task WriteAsync_NestedKey_CreatesFoldersAndReadsBack()
    {
        using var folder = new TempDirectory();
        IChunkStore store = new DirectoryChunkStore(folder.Path);

        await store.WriteAsync("0/1/0/2/0/3/4", new byte[] { 1, 2, 3 });
        await store.WriteAsync("0/1/0/2/0/3/4", new byte[] { 5, 6 });

        Assert.Equal(new byte[] { 5, 6 }, File.ReadAllBytes(Path.Combine(folder.Path, "0/1/0/2/0/3/4")));
        Assert.Equal(new byte[] { 5, 6 }, await store.TryReadAsync("0/1/0/2/0/3/4"));
        var buffer = new byte[10];
        Assert.Equal(2, await store.TryReadIntoAsync("0/1/0/2/0/3/4", buffer));
        Assert.Equal(new byte[] { 5, 6 }, buffer[..2]);
    }

    [Fact]
    public async Task TryRead_AbsentKey_ReturnsNull()
    {
        using var folder = new TempDirectory();
        IChunkStore store = new DirectoryChunkStore(folder.Path);

        Assert.Null(await store.TryReadAsync("0/0/0/0/0/9/9"));
        Assert.Null(await store.TryReadIntoAsync("missing", new byte[4]));
    }

    [Fact]
    public async Task TryReadIntoAsync_ValueLongerThanBuffer_Throws()
    {
        using var folder = new TempDirectory();
        IChunkStore store = new DirectoryChunkStore(folder.Path);
        await store.WriteAsync("a", new byte[8]);

        await Assert.ThrowsAsync<InvalidDataException>(async () => await store.TryReadIntoAsync("a", new byte[4]));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/absolute")]
    [InlineData("a//b")]
    [InlineData("")]
    public async Task WriteAsync_KeyOutsideTheRoot_Throws(string key)
    {
        using var folder = new TempDirectory();
        var store = new DirectoryChunkStore(folder.Path);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.WriteAsync(key, new byte[1]));
    }
}
