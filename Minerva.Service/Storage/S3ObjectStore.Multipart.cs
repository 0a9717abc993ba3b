using Amazon.S3;
using Amazon.S3.Model;

namespace Minerva.Service.Storage;

public sealed partial class S3ObjectStore
{
    /// <summary>
    /// One multipart upload to <paramref name="key"/>: <paramref name="uploadParts"/> adds each part's ETag in order
    /// (given the upload id); completed when it returns, aborted when it throws, so no half upload is left behind.
    /// </summary>
    private async Task MultipartAsync(
        string key, S3StorageClass? storage, Func<string, List<PartETag>, Task> uploadParts, CancellationToken ct)
    {
        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = key,
            StorageClass = storage,
        }, ct);
        try
        {
            var parts = new List<PartETag>();
            await uploadParts(upload.UploadId, parts);
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = Bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, ct);
        }
        catch
        {
            await s3.AbortMultipartUploadAsync(Bucket, key, upload.UploadId, CancellationToken.None);
            throw;
        }
    }
}
