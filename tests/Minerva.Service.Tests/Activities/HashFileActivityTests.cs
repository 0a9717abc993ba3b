using System.Security.Cryptography;
using Minerva.Service.Activities;
using Minerva.Tiling;
using Minerva.Tiling.IO;
using Xunit;

namespace Minerva.Service.Tests.Activities;

public sealed class HashFileActivityTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public void Dispose() => File.Delete(_path);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4 << 20)]                       // exactly one range
    [InlineData((4 << 20) + 1)]                 // a range and one byte
    [InlineData((23 << 20) + 12345)]            // more ranges than are in flight, the last one short
    public async Task HashAsync_RangesReadTogether_DigestTheFileInOrder(int size)
    {
        var content = new byte[size];
        new Random(size).NextBytes(content);
        await File.WriteAllBytesAsync(_path, content);

        using var source = FileByteSource.Open(_path);
        string hash = await HashFileActivity.HashAsync(source);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), hash);
    }

    [Fact]
    public async Task HashAsync_FileShorterThanItsLength_Throws()
    {
        await File.WriteAllBytesAsync(_path, new byte[(9 << 20) + 7]);
        using var source = FileByteSource.Open(_path);
        await using (var truncate = new FileStream(_path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            truncate.SetLength(5 << 20);   // a read past the new end fails; the reads still in flight finish first
        }

        await Assert.ThrowsAsync<InvalidImageException>(() => HashFileActivity.HashAsync(source));
    }
}
