using System.Buffers;
using Amazon.S3.Model;

namespace Minerva.Service.Storage;

public sealed partial class S3ObjectStore
{
    /// <summary>Parts of streamed uploads; bounds memory per upload and stays above S3's 5 MiB part minimum.</summary>
    private const int UploadPartSize = 8 * 1024 * 1024;

    /// <summary>
    /// Stores a stream of unknown length (e.g. a multipart/form-data section): one PutObject when it fits in one
    /// part, otherwise a multipart upload, so memory stays bounded by one part whatever the size.
    /// </summary>
    public async Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(UploadPartSize);
        try
        {
            var length = await content.ReadAtLeastAsync(buffer.AsMemory(0, UploadPartSize), UploadPartSize, false, ct);
            if (length < UploadPartSize)
            {
                using var body = new MemoryStream(buffer, 0, length, writable: false);
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = body, AutoCloseStream = false }, ct);
                return;
            }

            await PutMultipartAsync(key, content, buffer, length, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Task PutMultipartAsync(string key, Stream content, byte[] buffer, int firstLength, CancellationToken ct) =>
        MultipartAsync(key, null, async (uploadId, parts) =>
        {
            var length = firstLength;
            while (length > 0)
            {
                using var body = new MemoryStream(buffer, 0, length, writable: false);
                var part = await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = Bucket,
                    Key = key,
                    UploadId = uploadId,
                    PartNumber = parts.Count + 1,
                    InputStream = body,
                }, ct);
                parts.Add(new PartETag(parts.Count + 1, part.ETag));
                length = await content.ReadAtLeastAsync(buffer.AsMemory(0, UploadPartSize), UploadPartSize, false, ct);
            }
        }, ct);
}
