using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Minerva.Cli.Api;
using Minerva.Testing.Services;

namespace Minerva.Cli.Tests.Support;

/// <summary>
/// Upload credentials as the service issues them (STS AssumeRole with a session policy limited to one prefix),
/// for testing the uploader against the real S3 without the whole service.
/// </summary>
internal static class TemporaryCredentials
{
    public static IAmazonS3 AdminClient(S3Endpoint s3) =>
        new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), new AmazonS3Config
        {
            ServiceURL = s3.Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = s3.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public static async Task<UploadCredentials> ForPrefixAsync(S3Endpoint s3, string bucket, string prefix)
    {
        using var sts = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials(s3.AccessKey, s3.SecretKey),
            new AmazonSecurityTokenServiceConfig { ServiceURL = s3.Endpoint, AuthenticationRegion = s3.Region });
        var policy = JsonSerializer.Serialize(new
        {
            Version = "2012-10-17",
            Statement = new[]
            {
                new
                {
                    Effect = "Allow",
                    Action = new[] { "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts" },
                    Resource = new[] { $"arn:aws:s3:::{bucket}/{prefix}*" },
                },
            },
        });
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = s3.StsRoleArn,
            RoleSessionName = "cli-test",
            Policy = policy,
            DurationSeconds = 3600,
        });
        var credentials = assumed.Credentials;
        return new UploadCredentials(
            credentials.AccessKeyId,
            credentials.SecretAccessKey,
            credentials.SessionToken,
            credentials.Expiration ?? DateTime.UtcNow.AddHours(1),
            bucket,
            prefix,
            s3.Region,
            s3.Endpoint);
    }
}
