using Amazon.S3;

namespace Minerva.Service.Storage;

public sealed partial class S3ObjectStore
{
    private bool ArchivesInPlace => _options.ArchiveStorageClass.Length > 0;

    public string ArchiveKey(string key) => ArchivesInPlace ? key : _options.ArchivePrefix + key;

    public async Task ArchiveAsync(string key, CancellationToken ct = default)
    {
        if (ArchivesInPlace)
        {
            await CopyInPlaceAsync(key, ct);
            return;
        }

        // Copy, then delete: a retry after either step finds the copy and finishes the move.
        var archived = ArchiveKey(key);
        if (await ExistsAsync(key, ct))
        {
            await CopyAsync(key, archived, storageClass: null, ct);
            await DeleteAsync(key, ct);
        }
        else if (!await ExistsAsync(archived, ct))
        {
            throw new InvalidOperationException($"Neither {key} nor its archived copy {archived} exists.");
        }
    }

    private async Task CopyInPlaceAsync(string key, CancellationToken ct)
    {
        try
        {
            await CopyAsync(key, key, _options.ArchiveStorageClass, ct);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "InvalidStorageClass" or "InvalidArgument")
        {
            // MinIO and AWS answer InvalidStorageClass, Ceph RGW InvalidArgument: a setting to fix, not a fault to retry.
            throw new InvalidOperationException(
                $"The S3 endpoint refused storage class '{_options.ArchiveStorageClass}' ({e.ErrorCode}: {e.Message}). Set " +
                $"S3:ArchiveStorageClass to a class it has, or to empty to archive originals under S3:ArchivePrefix ('{_options.ArchivePrefix}') as on MinIO.",
                e);
        }
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        try
        {
            await s3.GetObjectMetadataAsync(Bucket, key, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (IsAbsent(e))
        {
            return false;
        }
    }
}
