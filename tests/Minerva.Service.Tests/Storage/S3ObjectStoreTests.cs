using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Minerva.Service.Storage;
using Minerva.Testing.Services;
using Minerva.Tiling;

namespace Minerva.Service.Tests.Storage;

[Collection(LocalServices.Collection)]
public sealed class S3ObjectStoreTests(LocalServices services) : IAsyncLifetime
{
    private readonly string _bucket = LocalServices.NewBucketName();
    private S3ObjectStore _store = null!;

    public async Task InitializeAsync() => _store = await Stores.ObjectStoreAsync(services, _bucket);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8 * 1024 * 1024)]
    [InlineData((20 * 1024 * 1024) + 3)]
    public async Task PutAsync_UnseekableStream_StoresSameBytes(int length)
    {
        var bytes = RandomBytes(length);

        await _store.PutAsync("imports/x/file.bin", new UnseekableStream(bytes));

        await using var read = await _store.GetAsync("imports/x/file.bin");
        Assert.NotNull(read);
        Assert.Equal(length, read.TotalLength);
        Assert.Equal(SHA256.HashData(bytes), await SHA256.HashDataAsync(read.Content));
    }

    [Fact]
    public async Task GetAsync_Range_ReturnsThoseBytesAndTotalLength()
    {
        var bytes = RandomBytes(1000);
        await _store.PutAsync("a/b.bin", new MemoryStream(bytes));

        await using var range = await _store.GetAsync("a/b.bin", 100, 199);
        await using var tail = await _store.GetAsync("a/b.bin", 990);

        Assert.NotNull(range);
        Assert.Equal((100, 1000), (range.Length, range.TotalLength));
        Assert.Equal(bytes[100..200], await ReadAllAsync(range.Content));
        Assert.NotNull(tail);
        Assert.Equal(bytes[990..], await ReadAllAsync(tail.Content));
    }

    [Fact]
    public async Task GetAsync_AbsentKey_ReturnsNull() => Assert.Null(await _store.GetAsync("nothing/here"));

    [Fact]
    public async Task GetAsync_RangeBeyondEnd_Throws()
    {
        await _store.PutAsync("short.bin", new MemoryStream(RandomBytes(10)));

        await Assert.ThrowsAsync<RangeNotSatisfiableException>(() => _store.GetAsync("short.bin", 10, 20));
    }

    [Fact]
    public async Task ListAsync_MoreThanOnePage_ListsOnlyUnderPrefix()
    {
        await Task.WhenAll(Enumerable.Range(0, 1005).Select(i => _store.PutAsync($"many/{i:D4}", new MemoryStream([(byte)i]))));
        await _store.PutAsync("other/0", new MemoryStream([1]));

        var listed = await _store.ListAsync("many/");

        Assert.Equal(1005, listed.Count);
        Assert.All(listed, o => Assert.Equal(1, o.Size));
    }

    [Fact]
    public async Task DeletePrefixAsync_ObjectsAndPendingUpload_RemovesAllUnderPrefixOnly()
    {
        await Task.WhenAll(Enumerable.Range(0, 1003).Select(i => _store.PutAsync($"imports/gone/{i}", new MemoryStream([1]))));
        await _store.PutAsync("imports/kept/0", new MemoryStream([1]));
        using var s3 = S3ClientFactory.Create(Stores.S3Options(services, _bucket));
        await s3.InitiateMultipartUploadAsync(_bucket, "imports/gone/partial.tif");

        await _store.DeletePrefixAsync("imports/gone/");

        Assert.Empty(await _store.ListAsync("imports/gone/"));
        Assert.Single(await _store.ListAsync("imports/kept/"));
        var uploads = await s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _bucket, Prefix = "imports/gone/" });
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    [Fact]
    public async Task OpenAsync_ConcurrentReads_EachGetsItsBytes()
    {
        var bytes = RandomBytes(64 * 1024);
        await _store.PutAsync("source.tif", new MemoryStream(bytes));
        using var source = await _store.OpenAsync("source.tif");

        var reads = await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
        {
            var buffer = new byte[1000 + i];
            await source.ReadExactlyAsync(i * 2000, buffer);
            return (Offset: i * 2000, Buffer: buffer);
        }));

        Assert.Equal(bytes.Length, source.Length);
        Assert.All(reads, r => Assert.Equal(bytes[r.Offset..(r.Offset + r.Buffer.Length)], r.Buffer));
    }

    [Fact]
    public async Task OpenAsync_ReadBeyondEnd_ThrowsInvalidImage()
    {
        await _store.PutAsync("small.tif", new MemoryStream(RandomBytes(100)));
        using var source = await _store.OpenAsync("small.tif");

        var e = await Assert.ThrowsAsync<InvalidImageException>(() => source.ReadExactlyAsync(90, new byte[20]).AsTask());
        Assert.Contains("small.tif", e.Message);
    }

    [Fact]
    public async Task ChunkStore_WriteThenRead_RoundTripsAndAbsentIsNull()
    {
        var chunks = _store.ChunkStore("images/i1/");
        var bytes = RandomBytes(5000);

        await chunks.WriteAsync("0/0/0/0/0/1/2", bytes.AsMemory(10, 4000));

        Assert.Equal(bytes[10..4010], await chunks.TryReadAsync("0/0/0/0/0/1/2"));
        Assert.Null(await chunks.TryReadAsync("0/0/0/0/0/9/9"));
        Assert.Single(await _store.ListAsync("images/i1/0/0/"));
    }

    [Fact]
    public async Task CopyAsync_InPlaceToGlacier_KeepsBytesAndChangesStorageClass()
    {
        var bytes = RandomBytes(3000);
        await _store.PutAsync("raw/original.tif", new MemoryStream(bytes));

        await _store.CopyAsync("raw/original.tif", "raw/original.tif", "GLACIER");

        await AssertStoredAsync("raw/original.tif", bytes, "GLACIER");
    }

    [Fact]
    public async Task CopyAsync_AboveSingleCopyLimit_CopiesPartByPart()
    {
        var options = Stores.S3Options(services, _bucket);
        var store = new S3ObjectStore(S3ClientFactory.Create(options), S3ClientFactory.CreateSts(options), Microsoft.Extensions.Options.Options.Create(options))
        {
            SingleCopyLimit = 5 * 1024 * 1024,
            CopyPartSize = 5 * 1024 * 1024,
        };
        var bytes = RandomBytes((12 * 1024 * 1024) + 5);
        await store.PutAsync("raw/big.tif", new MemoryStream(bytes));

        await store.CopyAsync("raw/big.tif", "archive/big.tif", "GLACIER");

        await AssertStoredAsync("archive/big.tif", bytes, "GLACIER");
    }

    private async Task AssertStoredAsync(string key, byte[] bytes, string storageClass)
    {
        using var s3 = S3ClientFactory.Create(Stores.S3Options(services, _bucket));
        var metadata = await s3.GetObjectMetadataAsync(_bucket, key);
        Assert.Equal(storageClass, metadata.StorageClass?.Value);
        await using var read = await _store.GetAsync(key);
        Assert.NotNull(read);
        Assert.Equal(SHA256.HashData(bytes), await SHA256.HashDataAsync(read.Content));
    }

    internal static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
