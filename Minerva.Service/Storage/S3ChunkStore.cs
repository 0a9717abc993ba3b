using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;
using Minerva.Tiling.IO;

namespace Minerva.Service.Storage;

/// <summary>Zarr keys as S3 objects under a prefix: one PutObject per chunk (chunks are small; no multipart).</summary>
internal sealed class S3ChunkStore(IAmazonS3 s3, string bucket, string prefix) : IChunkStore
{
    /// <summary>Requests in flight per region: enough to hide S3 latency behind encoding, few enough to keep buffers small.</summary>
    public int Concurrency => 8;

    public async ValueTask WriteAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        using var body = MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = prefix + key,
            InputStream = body,
            AutoCloseStream = false,
        }, cancellationToken);
    }

    public async ValueTask<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, prefix + key, cancellationToken);
            var bytes = new byte[response.ContentLength];
            await response.ResponseStream.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }
        catch (AmazonS3Exception e) when (S3ObjectStore.IsAbsent(e))
        {
            return null;
        }
    }
}
