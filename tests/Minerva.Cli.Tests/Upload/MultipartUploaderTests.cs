using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Minerva.Cli.Tests.Support;
using Minerva.Cli.Upload;
using Minerva.Testing.Services;

namespace Minerva.Cli.Tests.Upload;

/// <summary>
/// The uploader against the real local S3 (Ceph RGW), with temporary credentials limited to an import's prefix
/// exactly as the service hands them out: an interrupted upload continues from the parts S3 already holds.
/// </summary>
[Collection(LocalServices.Collection)]
public sealed class MultipartUploaderTests(LocalServices services) : IAsyncLifetime
{
    private const long PartSize = PartPlan.MinPartSize;

    /// <summary>A well-formed declared hash: these tests are about parts, not about what the service does with it.</summary>
    private static readonly string AnySha256 = Convert.ToBase64String(new byte[32]);

    private readonly TempDirectory directory = new();
    private readonly string bucket = LocalServices.NewBucketName();
    private readonly string prefix = $"imports/{Guid.NewGuid()}/";
    private IAmazonS3 admin = null!;
    private IAmazonS3 upload = null!;

    public async Task InitializeAsync()
    {
        admin = TemporaryCredentials.AdminClient(services.S3);
        await admin.PutBucketAsync(bucket);
        upload = S3ClientFactory.Create(await TemporaryCredentials.ForPrefixAsync(services.S3, bucket, prefix));
    }

    [Fact]
    public async Task UploadAsync_InterruptedAfterFirstPart_ResumeSendsOnlyTheMissingParts()
    {
        var content = RandomBytes(2 * PartSize + 12345);
        var path = directory.File("slide.ome.tif", content);
        var key = prefix + "slide.ome.tif";
        var plan = new PartPlan(content.Length, PartSize);
        var uploader = new MultipartUploader(upload, bucket, parallelParts: 1);
        var uploadId = await uploader.StartAsync(key, AnySha256, CancellationToken.None);

        // One part at a time: once bytes of part 2 flow, part 1 is complete on S3; stop there, as Ctrl+C would.
        using var interrupt = new CancellationTokenSource();
        long firstRun = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => uploader.UploadAsync(
            path, key, uploadId, plan, new Dictionary<int, PartETag>(), bytes =>
            {
                if ((firstRun += bytes) > PartSize)
                {
                    interrupt.Cancel();
                }
            },
            interrupt.Token));

        var held = await uploader.ListHeldPartsAsync(key, uploadId, plan, CancellationToken.None);
        Assert.Equal([1], held!.Keys);

        long secondRun = 0;
        await uploader.UploadAsync(path, key, uploadId, plan, held, bytes => secondRun += bytes, CancellationToken.None);

        Assert.Equal(content.Length - PartSize, secondRun);
        Assert.Equal(SHA256.HashData(content), await StoredHashAsync(key));
    }

    [Fact]
    public async Task UploadAsync_FourPartsInParallel_ObjectIsTheFile()
    {
        var content = RandomBytes(4 * PartSize + 1);
        var key = prefix + "four.tif";
        var uploader = new MultipartUploader(upload, bucket, MultipartUploader.DefaultParallelParts);
        var uploadId = await uploader.StartAsync(key, AnySha256, CancellationToken.None);
        long reported = 0;

        await uploader.UploadAsync(
            directory.File("four.tif", content), key, uploadId, new PartPlan(content.Length, PartSize), new Dictionary<int, PartETag>(),
            bytes => Interlocked.Add(ref reported, bytes), CancellationToken.None);

        Assert.Equal(content.Length, reported);
        Assert.Equal(SHA256.HashData(content), await StoredHashAsync(key));
    }

    [Fact]
    public async Task UploadAsync_EmptyFile_EmptyObject()
    {
        var key = prefix + "empty.tif";
        var uploader = new MultipartUploader(upload, bucket, MultipartUploader.DefaultParallelParts);

        await uploader.UploadAsync(
            directory.File("empty.tif", []), key, await uploader.StartAsync(key, AnySha256, CancellationToken.None), PartPlan.For(0),
            new Dictionary<int, PartETag>(), _ => { }, CancellationToken.None);

        Assert.Equal(0, (await admin.GetObjectMetadataAsync(bucket, key)).ContentLength);
    }

    [Fact]
    public async Task ListHeldPartsAsync_UploadNoLongerExists_Null()
    {
        var key = prefix + "gone.tif";
        var uploader = new MultipartUploader(upload, bucket, 1);
        var uploadId = await uploader.StartAsync(key, AnySha256, CancellationToken.None);
        await upload.AbortMultipartUploadAsync(bucket, key, uploadId);

        Assert.Null(await uploader.ListHeldPartsAsync(key, uploadId, PartPlan.For(1), CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_OutsideTheImportPrefix_Denied()
    {
        var uploader = new MultipartUploader(upload, bucket, 1);

        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => uploader.StartAsync("imports/another/slide.tif", AnySha256, CancellationToken.None));

        Assert.Equal("AccessDenied", denied.ErrorCode);
    }

    private static byte[] RandomBytes(long length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private async Task<byte[]> StoredHashAsync(string key)
    {
        using var stored = await admin.GetObjectAsync(bucket, key);
        return await SHA256.HashDataAsync(stored.ResponseStream);
    }

    public Task DisposeAsync()
    {
        directory.Dispose();
        upload.Dispose();
        admin.Dispose();
        return Task.CompletedTask;
    }
}
