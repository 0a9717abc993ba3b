using System.Security.Cryptography;
using Amazon.S3;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Service.Tests.Storage;

/// <summary>The "Archive" raw-storage policy against the real local S3, in both of its settings.</summary>
[Collection(LocalServices.Collection)]
public sealed class S3ObjectStoreArchiveTests(LocalServices services) : IAsyncLifetime
{
    private const string Original = "imports/3f0e6c1a-8d4b-4f3e-9a51-2b7c9d0e1f23/scan.ome.tif";
    private readonly string _bucket = LocalServices.NewBucketName();
    private readonly byte[] _bytes = S3ObjectStoreTests.RandomBytes(4096);
    private IAmazonS3 _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = S3ClientFactory.Create(Stores.S3Options(services, _bucket));
        await (await Stores.ObjectStoreAsync(services, _bucket)).PutAsync(Original, new MemoryStream(_bytes));
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ArchiveAsync_StorageClassSet_CopiesInPlaceIntoThatClass()
    {
        var store = Store(archiveStorageClass: "GLACIER");

        await store.ArchiveAsync(Original);

        Assert.Equal(Original, store.ArchiveKey(Original));
        Assert.Equal("GLACIER", (await _admin.GetObjectMetadataAsync(_bucket, Original)).StorageClass?.Value);
        await AssertHoldsOriginalAsync(store, Original);
    }

    [Fact]
    public async Task ArchiveAsync_NoStorageClass_MovesUnderTheArchivePrefixAndIsIdempotent()
    {
        var store = Store(archiveStorageClass: "");

        await store.ArchiveAsync(Original);
        await store.ArchiveAsync(Original); // a retried activity

        Assert.Equal("archive/" + Original, store.ArchiveKey(Original));
        Assert.Empty(await store.ListAsync(Original));
        await AssertHoldsOriginalAsync(store, "archive/" + Original);
        Assert.NotEqual("GLACIER", (await _admin.GetObjectMetadataAsync(_bucket, "archive/" + Original)).StorageClass?.Value);
    }

    [Fact]
    public async Task ArchiveAsync_StorageClassTheEndpointLacks_FailsNamingTheSetting()
    {
        var store = Store(archiveStorageClass: "NO_SUCH_CLASS");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ArchiveAsync(Original));

        Assert.Contains("S3:ArchiveStorageClass", e.Message, StringComparison.Ordinal);
        await AssertHoldsOriginalAsync(store, Original);
    }

    private S3ObjectStore Store(string archiveStorageClass)
    {
        var options = Stores.S3Options(services, _bucket);
        options.ArchiveStorageClass = archiveStorageClass;
        return new S3ObjectStore(S3ClientFactory.Create(options), S3ClientFactory.CreateSts(options), Options.Create(options));
    }

    private async Task AssertHoldsOriginalAsync(S3ObjectStore store, string key)
    {
        await using var read = await store.GetAsync(key);
        Assert.NotNull(read);
        Assert.Equal(SHA256.HashData(_bytes), await SHA256.HashDataAsync(read.Content));
    }
}
