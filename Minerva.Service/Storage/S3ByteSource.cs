using Amazon.S3;
using Amazon.S3.Model;
using Minerva.Tiling;
using Minerva.Tiling.IO;

namespace Minerva.Service.Storage;

/// <summary>
/// Random access to one S3 object by ranged GETs. Each read is its own request, so concurrent reads at
/// different offsets (the TIFF reader's tile fan-out) need no locking.
/// </summary>
internal sealed class S3ByteSource(IAmazonS3 s3, string bucket, string key, long length) : IByteSource
{
    public string Name => key;

    public long Length => length;

    public async ValueTask ReadExactlyAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (offset < 0 || offset + destination.Length > length)
        {
            throw new InvalidImageException(
                $"'{key}' is truncated: {destination.Length} bytes at offset {offset} lie beyond its {length} bytes.");
        }

        if (destination.IsEmpty)
        {
            return;
        }

        var request = new GetObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ByteRange = new ByteRange(offset, offset + destination.Length - 1),
        };
        using var response = await s3.GetObjectAsync(request, cancellationToken);
        await response.ResponseStream.ReadExactlyAsync(destination, cancellationToken);
    }

    public void Dispose()
    {
        // Nothing to release: every read is a self-contained request on the shared client.
    }
}
