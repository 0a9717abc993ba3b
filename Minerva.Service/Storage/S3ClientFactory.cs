using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Minerva.Service.Configuration;

namespace Minerva.Service.Storage;

/// <summary>The one place S3 and STS clients are configured, so every client honours the endpoint's quirks.</summary>
public static class S3ClientFactory
{
    /// <summary>An S3 client signed with the service's own keys.</summary>
    public static IAmazonS3 Create(S3Options options) => Create(options, ServiceCredentials(options));

    /// <summary>An S3 client signed with the given credentials (e.g. temporary upload credentials).</summary>
    public static IAmazonS3 Create(S3Options options, AWSCredentials credentials) =>
        new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = options.Endpoint,
            // Ceph RGW (no "rgw dns name") and MinIO only answer path-style requests.
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            // SDK v4 sends CRC32 trailing checksums by default; RGW Pacific rejects them (XAmzContentSHA256Mismatch).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    /// <summary>An STS client on the STS endpoint (the S3 endpoint unless set apart), signed with the service's own keys.</summary>
    public static IAmazonSecurityTokenService CreateSts(S3Options options) =>
        new AmazonSecurityTokenServiceClient(ServiceCredentials(options), new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = options.StsEndpoint.Length > 0 ? options.StsEndpoint : options.Endpoint,
            AuthenticationRegion = options.Region,
        });

    private static BasicAWSCredentials ServiceCredentials(S3Options options) => new(options.AccessKey, options.SecretKey);
}
