using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Tiling.IO;

namespace Minerva.Service.Storage;

/// <summary>The service's bucket over AWSSDK.S3 (path-style, any S3-compatible endpoint).</summary>
public sealed partial class S3ObjectStore(IAmazonS3 s3, IAmazonSecurityTokenService sts, IOptions<S3Options> options) : IObjectStore
{
    /// <summary>S3's limit on keys per DeleteObjects request.</summary>
    private const int DeleteBatchSize = 1000;

    /// <summary>The shortest session AWS STS and Ceph RGW grant (DurationSeconds ≥ 900).</summary>
    private static readonly TimeSpan MinimumStsDuration = TimeSpan.FromMinutes(15);

    private readonly S3Options _options = options.Value;

    public string Bucket => _options.Bucket;

    /// <summary>Creates the bucket when it does not exist yet.</summary>
    public async Task EnsureBucketAsync(CancellationToken ct = default)
    {
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket, UseClientRegion = false }, ct);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Another process (or an earlier start) created it: that is the state we want.
        }
    }

    public async Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken ct = default)
    {
        var objects = new List<StoredObject>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await s3.ListObjectsV2Async(request, ct);
            foreach (var o in response.S3Objects ?? [])
            {
                objects.Add(new StoredObject(o.Key, o.Size ?? 0, o.ETag));
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return objects;
    }

    public async Task<IByteSource> OpenAsync(string key, string? etag = null, string? name = null, CancellationToken ct = default)
    {
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = key, EtagToMatch = etag }, ct);
            return new S3ByteSource(s3, Bucket, key, name ?? key, metadata.ContentLength, metadata.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw S3ByteSource.Changed(name ?? key);
        }
    }

    public IChunkStore ChunkStore(string prefix) => new S3ChunkStore(s3, Bucket, prefix);

    public async Task<ObjectStream?> GetAsync(string key, long? from = null, long? to = null, string? etag = null, CancellationToken ct = default)
    {
        var request = new GetObjectRequest { BucketName = Bucket, Key = key, EtagToMatch = etag };
        if (from is not null)
        {
            // An open end ("bytes=a-") is sent as the largest range; S3 clips it to the object.
            request.ByteRange = new ByteRange(from.Value, to ?? long.MaxValue - 1);
        }

        try
        {
            var response = await s3.GetObjectAsync(request, ct);
            var total = TotalLength(response);
            return new ObjectStream(response.ResponseStream, response.ContentLength, total, response.Headers.ContentType, response.ETag);
        }
        catch (AmazonS3Exception e) when (IsAbsent(e))
        {
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            throw new RangeNotSatisfiableException(key, from ?? 0);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw new Minerva.Tiling.InvalidImageException("the upload was replaced by another while it was being imported; import the new file in a new import.");
        }
    }

    public async Task<string?> MetadataAsync(string key, string name, CancellationToken ct = default)
    {
        var metadata = await s3.GetObjectMetadataAsync(Bucket, key, ct);
        return metadata.Metadata[name];
    }

    public Task DeleteAsync(string key, CancellationToken ct = default) => s3.DeleteObjectAsync(Bucket, key, ct);

    public async Task DeletePrefixAsync(string prefix, CancellationToken ct = default)
    {
        var objects = await ListAsync(prefix, ct);
        foreach (var batch in objects.Chunk(DeleteBatchSize))
        {
            await s3.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = Bucket,
                Objects = [.. batch.Select(o => new KeyVersion { Key = o.Key })],
                Quiet = true,
            }, ct);
        }

        await AbortUploadsAsync(prefix, ct);
    }

    public async Task<UploadCredentials> CreateUploadCredentialsAsync(string prefix, TimeSpan duration, CancellationToken ct = default)
    {
        // The session policy ends the credentials at the asked time itself, so a lifetime below STS's 15-minute
        // minimum is honoured too (S3 checks aws:CurrentTime on every request).
        var notAfter = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.Add(duration).ToUnixTimeSeconds());
        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            // MinIO takes no role (its credentials inherit the calling user's policy); AWS and Ceph RGW require one.
            RoleArn = _options.StsRoleArn.Length > 0 ? _options.StsRoleArn : null,
            RoleSessionName = UploadSession.Name(prefix),
            Policy = UploadSessionPolicy.For(Bucket, prefix, notAfter),
            DurationSeconds = (int)Math.Max(Math.Ceiling(duration.TotalSeconds), MinimumStsDuration.TotalSeconds),
        }, ct);
        var c = response.Credentials;
        var stsExpiry = new DateTimeOffset(c.Expiration ?? notAfter.UtcDateTime, TimeSpan.Zero);
        return new UploadCredentials(
            c.AccessKeyId,
            c.SecretAccessKey,
            c.SessionToken,
            stsExpiry < notAfter ? stsExpiry : notAfter,
            Bucket,
            prefix,
            _options.Region,
            _options.Endpoint);
    }

    private async Task AbortUploadsAsync(string prefix, CancellationToken ct)
    {
        var request = new ListMultipartUploadsRequest { BucketName = Bucket, Prefix = prefix };
        ListMultipartUploadsResponse response;
        do
        {
            response = await s3.ListMultipartUploadsAsync(request, ct);
            foreach (var upload in response.MultipartUploads ?? [])
            {
                await s3.AbortMultipartUploadAsync(Bucket, upload.Key, upload.UploadId, ct);
            }

            request.KeyMarker = response.NextKeyMarker;
            request.UploadIdMarker = response.NextUploadIdMarker;
        }
        while (response.IsTruncated == true);
    }

    /// <summary>The object's full length: from Content-Range ("bytes a-b/total") when a range was asked for.</summary>
    private static long TotalLength(GetObjectResponse response)
    {
        var range = response.ContentRange;
        var slash = range?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(range.AsSpan(slash + 1), out var total) ? total : response.ContentLength;
    }

    internal static bool IsAbsent(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode is "NoSuchKey" or "NotFound";
}
