using Amazon.S3;
using Amazon.S3.Model;

namespace Minerva.Service.Storage;

public sealed partial class S3ObjectStore
{
    /// <summary>S3 refuses a single CopyObject above 5 GiB; larger originals are copied part by part.</summary>
    internal long SingleCopyLimit { get; init; } = 5L * 1024 * 1024 * 1024;

    internal long CopyPartSize { get; init; } = 512L * 1024 * 1024;

    public async Task CopyAsync(string sourceKey, string destinationKey, string? storageClass, CancellationToken ct = default)
    {
        var size = (await s3.GetObjectMetadataAsync(Bucket, sourceKey, ct)).ContentLength;
        var storage = storageClass is null ? null : new S3StorageClass(storageClass);
        if (size <= SingleCopyLimit)
        {
            await s3.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = Bucket,
                SourceKey = sourceKey,
                DestinationBucket = Bucket,
                DestinationKey = destinationKey,
                StorageClass = storage,
                MetadataDirective = S3MetadataDirective.COPY,
            }, ct);
            return;
        }

        await CopyMultipartAsync(sourceKey, destinationKey, storage, size, ct);
    }

    private Task CopyMultipartAsync(string sourceKey, string destinationKey, S3StorageClass? storage, long size, CancellationToken ct) =>
        MultipartAsync(destinationKey, storage, async (uploadId, parts) =>
        {
            for (long first = 0; first < size; first += CopyPartSize)
            {
                var part = await s3.CopyPartAsync(new CopyPartRequest
                {
                    SourceBucket = Bucket,
                    SourceKey = sourceKey,
                    DestinationBucket = Bucket,
                    DestinationKey = destinationKey,
                    UploadId = uploadId,
                    PartNumber = parts.Count + 1,
                    FirstByte = first,
                    LastByte = Math.Min(first + CopyPartSize, size) - 1,
                }, ct);
                parts.Add(new PartETag(parts.Count + 1, part.ETag));
            }
        }, ct);
}
