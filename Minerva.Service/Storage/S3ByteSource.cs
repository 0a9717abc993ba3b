using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Minerva.Tiling;
using Minerva.Tiling.IO;

namespace Minerva.Service.Storage;

/// <summary>
/// Random access to one version of one S3 object by ranged GETs. Each read is its own request, so concurrent reads
/// at different offsets (the TIFF reader's tile fan-out) need no locking. Every read asks for the ETag seen when the
/// object was opened, so bytes of a newer upload under the same key are never mixed into an image.
/// </summary>
internal sealed class S3ByteSource(IAmazonS3 s3, string bucket, string key, string name, long length, string etag) : IByteSource
{
    public string Name => name;

    public long Length => length;

    public async ValueTask ReadExactlyAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (offset < 0 || offset + destination.Length > length)
        {
            throw new InvalidImageException(
                $"'{name}' is truncated: {destination.Length} bytes at offset {offset} lie beyond its {length} bytes.");
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
            EtagToMatch = etag,
        };
        try
        {
            using var response = await s3.GetObjectAsync(request, cancellationToken);
            await response.ResponseStream.ReadExactlyAsync(destination, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw Changed(name);
        }
    }

    /// <summary>The error when the object called <paramref name="name"/> is no longer the version being imported.</summary>
    public static InvalidImageException Changed(string name) =>
        new($"{name}: it was replaced by another upload while it was being imported; import the new file in a new import.");

    public void Dispose()
    {
        // Nothing to release: every read is a self-contained request on the shared client.
    }
}
