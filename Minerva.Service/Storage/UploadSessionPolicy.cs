using System.Text.Json;

namespace Minerva.Service.Storage;

/// <summary>
/// The STS session policy that limits temporary credentials to writing under one key prefix. Listing pending
/// multipart uploads is left out: Ceph RGW (Pacific) denies s3:ListBucketMultipartUploads under an s3:prefix
/// condition (measured), and without the condition it would reveal every import's keys in the bucket.
/// </summary>
internal static class UploadSessionPolicy
{
    /// <summary>
    /// Compact JSON: RGW Pacific does not decode '+' as a space in form bodies, so a policy with spaces can be
    /// rejected as MalformedPolicyDocument depending on the client's encoding. Writes are allowed until
    /// <paramref name="notAfter"/> only (aws:CurrentTime, which AWS, MinIO and Ceph RGW evaluate).
    /// </summary>
    public static string For(string bucket, string prefix, DateTimeOffset notAfter)
    {
        var policy = new
        {
            Version = "2012-10-17",
            Statement = new[]
            {
                new
                {
                    Effect = "Allow",
                    Action = new[] { "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts" },
                    Resource = new[] { $"arn:aws:s3:::{bucket}/{prefix}*" },
                    Condition = new
                    {
                        DateLessThan = new Dictionary<string, string>
                        {
                            ["aws:CurrentTime"] = notAfter.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                        },
                    },
                },
            },
        };
        return JsonSerializer.Serialize(policy);
    }
}
