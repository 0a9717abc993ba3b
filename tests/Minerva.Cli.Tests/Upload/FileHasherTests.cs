using System.Security.Cryptography;
using System.Text;
using Minerva.Cli.Tests.Support;
using Minerva.Cli.Upload;

namespace Minerva.Cli.Tests.Upload;

public sealed class FileHasherTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Theory]
    [InlineData("", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")]
    [InlineData("abc", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")]
    public async Task Sha256Base64Async_KnownContent_KnownDigest(string content, string expected)
    {
        var path = directory.File("known.bin", Encoding.ASCII.GetBytes(content));

        Assert.Equal(expected, await FileHasher.Sha256Base64Async(path, _ => { }, CancellationToken.None));
    }

    [Fact]
    public async Task Sha256Base64Async_FileLargerThanTheBuffer_SameAsOneShotHashAndProgressSumsToSize()
    {
        var content = new byte[9 * 1024 * 1024 + 17];
        new Random(7).NextBytes(content);
        var path = directory.File("large.bin", content);
        long reported = 0;

        var hash = await FileHasher.Sha256Base64Async(path, bytes => reported += bytes, CancellationToken.None);

        Assert.Equal(Convert.ToBase64String(SHA256.HashData(content)), hash);
        Assert.Equal(content.Length, reported);
    }

    public void Dispose() => directory.Dispose();
}
