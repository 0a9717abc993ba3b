using Amazon.Runtime;
using Amazon.S3;
using Minerva.Cli.Api;

namespace Minerva.Cli.Upload;

/// <summary>The one way this client builds an S3 client: from an import's temporary credentials.</summary>
internal static class S3ClientFactory
{
    public static IAmazonS3 Create(UploadCredentials credentials)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = credentials.Endpoint,
            // S3-compatible servers (Ceph RGW, MinIO) answer path-style only unless a DNS name is configured.
            ForcePathStyle = true,
            AuthenticationRegion = credentials.Region,
            // AWSSDK v4 sends CRC32 trailing checksums by default; Ceph RGW rejects them (XAmzContentSHA256Mismatch).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        var session = new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
        return new AmazonS3Client(session, config);
    }
}
