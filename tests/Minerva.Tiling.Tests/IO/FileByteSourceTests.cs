using Minerva.Tiling.IO;

namespace Minerva.Tiling.Tests.IO;

public sealed class FileByteSourceTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public FileByteSourceTests() => File.WriteAllBytes(_path, Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray());

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task ReadExactlyAsync_ConcurrentRanges_ReturnTheirBytes()
    {
        using var source = FileByteSource.Open(_path);

        var reads = Enumerable.Range(0, 50).Select(async i =>
        {
            var buffer = new byte[100];
            await source.ReadExactlyAsync(i * 18, buffer);
            return buffer.Select((value, k) => value == (byte)((i * 18) + k)).All(ok => ok);
        });

        Assert.All(await Task.WhenAll(reads), Assert.True);
        Assert.Equal(1000, source.Length);
    }

    [Fact]
    public async Task ReadExactlyAsync_BeyondEnd_ThrowsNamingTheFile()
    {
        using var source = FileByteSource.Open(_path);

        var error = await Assert.ThrowsAsync<InvalidImageException>(() => source.ReadExactlyAsync(950, new byte[100]).AsTask());

        Assert.StartsWith(_path + ": a read of 100 bytes at offset 950 lies beyond the end of the file (1000 bytes)", error.Message, StringComparison.Ordinal);
    }
}
