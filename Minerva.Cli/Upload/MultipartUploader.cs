using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Minerva.Cli.Upload;

/// <summary>
/// One file into one S3 object through explicit multipart calls (not TransferUtility), so an interrupted upload
/// can be continued: the parts S3 already holds are listed and only the missing ones are sent, several at once.
/// </summary>
internal sealed class MultipartUploader(IAmazonS3 s3, string bucket, int parallelParts)
{
    public const int DefaultParallelParts = 4;

    /// <summary>
    /// Starts a multipart upload of <paramref name="key"/>, declaring the file's SHA-256 (base64) in its metadata: the
    /// service then links a file it already holds without building it, and verifies the hash while it builds the rest.
    /// </summary>
    /// <summary>The user-metadata name (x-amz-meta-sha256) the service reads a declared hash from.</summary>
    public const string DeclaredHashMetadata = "sha256";

    public async Task<string> StartAsync(string key, string sha256Base64, CancellationToken ct)
    {
        var request = new InitiateMultipartUploadRequest { BucketName = bucket, Key = key };
        request.Metadata.Add(DeclaredHashMetadata, sha256Base64);
        var answer = await s3.InitiateMultipartUploadAsync(request, ct);
        return answer.UploadId;
    }

    /// <summary>
    /// The parts of <paramref name="uploadId"/> that S3 holds whole (size as planned), by part number;
    /// null when the upload no longer exists (completed, aborted or expired), so it must start over.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, PartETag>?> ListHeldPartsAsync(string key, string uploadId, PartPlan plan, CancellationToken ct)
    {
        var held = new Dictionary<int, PartETag>();
        var request = new ListPartsRequest { BucketName = bucket, Key = key, UploadId = uploadId };
        try
        {
            ListPartsResponse page;
            do
            {
                page = await s3.ListPartsAsync(request, ct);
                foreach (var part in page.Parts ?? [])
                {
                    if (part.PartNumber is int number && number <= plan.Count && part.Size == plan.Part(number).Length)
                    {
                        held[number] = new PartETag(number, part.ETag);
                    }
                }

                request.PartNumberMarker = page.NextPartNumberMarker?.ToString(CultureInfo.InvariantCulture);
            }
            while (page.IsTruncated == true);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return held;
    }

    /// <summary>Sends the parts not in <paramref name="held"/>, then completes the object from all parts.</summary>
    public async Task UploadAsync(
        string filePath, string key, string uploadId, PartPlan plan, IReadOnlyDictionary<int, PartETag> held, Action<long> progress, CancellationToken ct)
    {
        var parts = new ConcurrentDictionary<int, PartETag>(held);
        var missing = Enumerable.Range(1, plan.Count).Where(number => !held.ContainsKey(number));
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelParts, CancellationToken = ct };
        await Parallel.ForEachAsync(missing, options, async (number, token) =>
        {
            var (offset, length) = plan.Part(number);
            var request = new UploadPartRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartNumber = number,
                FilePath = filePath,
                FilePosition = offset,
                PartSize = length,
            };
            // A retried part is sent again from its start: report only bytes beyond what this part already reported.
            long reported = 0;
            request.StreamTransferProgress += (_, args) =>
            {
                var beyond = args.TransferredBytes - reported;
                if (beyond > 0)
                {
                    reported = args.TransferredBytes;
                    progress(beyond);
                }
            };
            var answer = await s3.UploadPartAsync(request, token);
            parts[number] = new PartETag(number, answer.ETag);
        });

        await s3.CompleteMultipartUploadAsync(
            new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = [.. parts.Values.OrderBy(part => part.PartNumber)],
            },
            ct);
    }
}
