using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Minerva.Service.Storage;
using Minerva.Testing.Services;

namespace Minerva.Service.Tests.Storage;

/// <summary>Temporary credentials from the endpoint's real STS, exercised with the real S3 server.</summary>
[Collection(LocalServices.Collection)]
public sealed class UploadCredentialsTests(LocalServices services) : IAsyncLifetime
{
    private readonly string _bucket = LocalServices.NewBucketName();
    private readonly string _prefix = $"imports/{Guid.NewGuid()}/";
    private S3ObjectStore _store = null!;
    private UploadCredentials _credentials = null!;
    private IAmazonS3 _uploader = null!;

    public async Task InitializeAsync()
    {
        _store = await Stores.ObjectStoreAsync(services, _bucket);
        _credentials = await _store.CreateUploadCredentialsAsync(_prefix, TimeSpan.FromHours(12));
        _uploader = S3ClientFactory.Create(
            Stores.S3Options(services, _bucket),
            new SessionAWSCredentials(_credentials.AccessKeyId, _credentials.SecretAccessKey, _credentials.SessionToken));
    }

    public Task DisposeAsync()
    {
        _uploader.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void CreateUploadCredentialsAsync_TwelveHours_DescribesBucketPrefixAndExpiry()
    {
        Assert.Equal((_bucket, _prefix, services.S3.Region, services.S3.Endpoint),
            (_credentials.Bucket, _credentials.KeyPrefix, _credentials.Region, _credentials.Endpoint));
        Assert.InRange(_credentials.Expiration, DateTimeOffset.UtcNow.AddHours(11), DateTimeOffset.UtcNow.AddHours(12.1));
        Assert.NotEqual(services.S3.AccessKey, _credentials.AccessKeyId);
    }

    [Fact]
    public async Task UploadCredentials_MultipartUploadInsidePrefix_IsStored()
    {
        var bytes = S3ObjectStoreTests.RandomBytes((11 * 1024 * 1024) + 7);
        using var transfer = new TransferUtility(_uploader);

        await transfer.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = _bucket,
            Key = _prefix + "image.ome.tif",
            InputStream = new MemoryStream(bytes),
            PartSize = 5 * 1024 * 1024,
        });

        var stored = Assert.Single(await _store.ListAsync(_prefix));
        Assert.Equal(bytes.Length, stored.Size);
    }

    [Theory]
    [InlineData("imports/another-import/x.tif")]
    [InlineData("x.tif")]
    [InlineData("images/x/.zattrs")]
    public async Task UploadCredentials_PutOutsidePrefix_IsDenied(string key)
    {
        // Empty: RGW parses the unread body of a refused PUT as the connection's next request (a 400 to whoever sends it).
        var e = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            _uploader.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, ContentBody = "" }));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Empty(await _store.ListAsync(key));
    }

    [Fact]
    public async Task UploadCredentials_ReadListOrDeleteInsidePrefix_IsDenied()
    {
        await _uploader.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = _prefix + "a.tif", ContentBody = "x" });

        var read = await Assert.ThrowsAsync<AmazonS3Exception>(() => _uploader.GetObjectAsync(_bucket, _prefix + "a.tif"));
        var list = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            _uploader.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix }));
        var delete = await Assert.ThrowsAsync<AmazonS3Exception>(() => _uploader.DeleteObjectAsync(_bucket, _prefix + "a.tif"));

        Assert.All([read, list, delete], e => Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode));
        Assert.Single(await _store.ListAsync(_prefix));
    }
}
